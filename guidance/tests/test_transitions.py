"""The TRANSITIONS dicts are the whole truth: every listed move has an action that makes it, and nothing else."""

import itertools

import pytest

from guidance import actions, assessments
from guidance.models import Assessment, Event, Invitation, Programme

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("model", "table"),
    [
        (Invitation, actions.ACTION_FOR),
        (Programme, actions.PROGRAMME_ACTION_FOR),
        (Event, actions.EVENT_ACTION_FOR),
        (Assessment, assessments.ACTION_FOR),
    ],
)
def test_each_listed_transition_has_exactly_one_action(model, table):
    statuses = model.Status.values
    assert set(model.TRANSITIONS) == set(statuses)
    allowed = {(a, b) for a, b in itertools.product(statuses, repeat=2) if b in model.TRANSITIONS[a]}
    assert set(table) == allowed


def test_walking_the_invitation_table_reaches_every_state(event, city_officer, account, city_ormas):
    from guidance.tests.helpers import accepted

    invitation = actions.invite(event, [city_ormas], by=city_officer, reason="Bidang keuangan")[0][0]
    accepted(invitation, account)
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.ACCEPTED
    actions.decline_invitation(invitation, by=account)
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.DECLINED
    with pytest.raises(actions.InvalidTransition):
        actions.withdraw_invitation(invitation, by=city_officer, reason="Salah undang")


def test_programme_and_event_moves_refuse_what_is_not_listed(programme, event, city_officer):
    actions.start_programme(programme, by=city_officer)
    actions.complete_programme(programme, by=city_officer)
    with pytest.raises(actions.InvalidTransition):
        actions.start_programme(programme, by=city_officer)
    actions.cancel_event(event, by=city_officer, reason="Banjir")
    with pytest.raises(actions.InvalidTransition):
        actions.mark_event_held(event, by=city_officer)
