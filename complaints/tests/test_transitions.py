"""Complaint.TRANSITIONS is the whole truth: every listed move has an action, and no action moves elsewhere.

complaints/actions.py has no action table of its own; the one below says which action makes which move."""

import datetime as dt
import itertools

import pytest
from django.utils import timezone

from complaints import actions
from complaints.models import Complaint
from regions.models import Region
from wadah.lib.workflow import InvalidTransition

from .helpers import VILLAGE

pytestmark = pytest.mark.django_db
S = Complaint.Status
ALLOWED = [(a, b) for a, b in itertools.product(S.values, repeat=2) if b in Complaint.TRANSITIONS[a]]
ACTION_FOR = {
    (S.RECEIVED, S.IN_TRIAGE): actions.start_triage,
    (S.RECEIVED, S.GROUPED): actions.group_complaint,
    (S.IN_TRIAGE, S.GROUPED): actions.group_complaint,
    (S.IN_TRIAGE, S.REFERRED_TO_POLICE): actions.refer_to_police,
    (S.IN_TRIAGE, S.CASE_OPENED): actions.open_case_from_complaint,
    (S.IN_TRIAGE, S.NOT_ACTIONABLE): actions.mark_not_actionable,
    (S.REFERRED_TO_POLICE, S.CLOSED): actions.close_complaint,
    (S.CASE_OPENED, S.CLOSED): actions.close_complaint,
    (S.GROUPED, S.CLOSED): actions.close_complaint,
    (S.NOT_ACTIONABLE, S.CLOSED): actions.close_complaint,
}


def _complaint(status: str = S.RECEIVED) -> Complaint:
    complaint, _code = actions.submit_complaint(
        description="Pemungutan uang keamanan di pasar.",
        region=Region.objects.get(code=VILLAGE),
        incident_date=timezone.localdate() - dt.timedelta(days=1),
        ormas=None,
        ormas_text="Kelompok berseragam hitam",
    )
    Complaint.objects.filter(pk=complaint.pk).update(status=status)
    complaint.refresh_from_db()
    return complaint


def _call(action, complaint: Complaint, officer) -> None:
    if action is actions.group_complaint:
        action(complaint, _complaint(), by=officer)
    elif action is actions.refer_to_police:
        action(complaint, by=officer, police_unit="Polresta Palangka Raya", summary="Dugaan pemerasan.")
    elif action is actions.open_case_from_complaint:
        action(complaint, by=officer, summary="Pungutan liar berulang.")
    elif action is actions.mark_not_actionable:
        action(complaint, by=officer, reason="Bukan kewenangan Kesbangpol.")
    else:  # start_triage, close_complaint
        action(complaint, by=officer)


def test_it_lists_a_rule_for_every_status():
    assert set(Complaint.TRANSITIONS) == set(S.values)
    assert not Complaint.TRANSITIONS[S.CLOSED]


def test_the_action_table_covers_exactly_the_listed_transitions():
    assert set(ACTION_FOR) == set(ALLOWED)


@pytest.mark.parametrize(("old", "new"), ALLOWED)
def test_it_performs_every_listed_transition(city_officer, old, new):
    complaint = _complaint(old)
    _call(ACTION_FOR[(old, new)], complaint, city_officer)
    assert Complaint.objects.get(pk=complaint.pk).status == new


@pytest.mark.parametrize("action", sorted(set(ACTION_FOR.values()), key=lambda f: f.__name__), ids=lambda f: f.__name__)
def test_it_never_lets_an_action_leave_the_transitions(city_officer, action):
    sources = {old for (old, _new), fn in ACTION_FOR.items() if fn is action}
    for status in set(S.values) - sources:
        complaint = _complaint(status)
        with pytest.raises(InvalidTransition):
            _call(action, complaint, city_officer)
        assert Complaint.objects.get(pk=complaint.pk).status == status
