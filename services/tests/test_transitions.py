"""Application.TRANSITIONS is the whole truth: every listed move has an action, and no action moves elsewhere."""

import datetime as dt
import itertools

import pytest
from django.core.exceptions import ValidationError

from services import actions
from services.actions import ACTION_FOR
from services.models import Application
from services.tests.helpers import all_valid, filled, pdf
from wadah.lib.workflow import InvalidTransition

pytestmark = pytest.mark.django_db
S = Application.Status
ALL_PAIRS = list(itertools.product(S.values, repeat=2))
ALLOWED = [(a, b) for a, b in ALL_PAIRS if b in Application.TRANSITIONS[a]]


def test_it_lists_a_rule_for_every_status():
    assert set(Application.TRANSITIONS) == set(S.values)
    for final in Application.FINAL:
        assert not Application.TRANSITIONS[final]


def test_it_has_exactly_one_action_per_listed_transition():
    assert set(ACTION_FOR) == set(ALLOWED)


def _at(status: str, applicant, officer) -> Application:
    """An application of a service without field check, complete and verified, forced to `status`."""
    application = filled("activity-report", applicant.ormas, applicant)
    Application.objects.filter(pk=application.pk).update(status=status)
    application.refresh_from_db()
    if status in (S.IN_REVIEW, S.FIELD_CHECK):
        all_valid(application, officer)
    if status == S.FIELD_CHECK:
        check = application.field_checks.create(scheduled_for=dt.date.today(), officer=officer)
        check.done_at = dt.datetime.now(dt.UTC)
        check.result = "found"
        check.save()
    if status == S.DEEMED_GRANTED:
        application.data["deemed"] = {"since": dt.date.today().isoformat(), "due": "", "period": "", "legal_source": ""}
        application.save()
    if status == S.CHANGES_REQUESTED:
        document = application.current_documents().first()
        document.status = "needs_correction"
        document.reason = "Buram"
        document.save()
    return application


def _call(old: str, new: str, application: Application, applicant, officer, leader) -> None:
    action = ACTION_FOR[(old, new)]
    if action is actions.request_changes:
        action(application, by=officer, note="Perbaiki")
    elif action is actions.schedule_field_check:
        action(application, by=officer, scheduled_for=dt.date.today(), officer=officer)
    elif action is actions.approve_application:
        action(application, by=leader)
    elif action is actions.reject_application:
        action(application, by=leader, reason="Tidak memenuhi syarat")
    elif action is actions.resubmit_application:
        wrong = application.current_documents().filter(status="needs_correction").first()
        if wrong:
            actions.upload_application_document(application, wrong.checklist_item, by=applicant, upload=pdf())
        action(application, by=applicant)
    elif action in (actions.start_review,):
        action(application, by=officer)
    elif action is actions.deem_granted:
        # The office's period has passed (the daily task runs without a user).
        Application.objects.filter(pk=application.pk).update(decision_due=dt.date.today() - dt.timedelta(days=1))
        application.refresh_from_db()
        action(application, by=None)
    elif action is actions.lapse_correction:
        Application.objects.filter(pk=application.pk).update(correction_due=dt.date.today() - dt.timedelta(days=1))
        application.refresh_from_db()
        action(application, by=None)
    else:  # submit, withdraw
        action(application, by=applicant)


@pytest.mark.parametrize(("old", "new"), ALLOWED)
def test_it_performs_every_listed_transition(applicant, city_officer, city_leader, old, new):
    application = _at(old, applicant, city_officer)
    _call(old, new, application, applicant, city_officer, city_leader)
    application.refresh_from_db()
    assert application.status == new


@pytest.mark.parametrize("action_key", sorted(set(ACTION_FOR), key=str))
def test_it_never_lets_an_action_leave_the_transitions(applicant, city_officer, city_leader, action_key):
    """Each action, tried from every status it is not listed for, is refused and changes nothing."""
    action = ACTION_FOR[action_key]
    targets = {new for (old, new), fn in ACTION_FOR.items() if fn is action}
    for status in S.values:
        if any(new in Application.TRANSITIONS[status] for new in targets):
            continue
        if action is actions.schedule_field_check and status == S.FIELD_CHECK:
            continue  # rescheduling a visit within the field-check step: no status change (tested below)
        application = _at(status, applicant, city_officer)
        with pytest.raises(ValidationError):
            _call(action_key[0], action_key[1], application, applicant, city_officer, city_leader)
        assert Application.objects.get(pk=application.pk).status == status
        Application.objects.filter(pk=application.pk).update(status=S.WITHDRAWN)  # free the one-open slot


def test_it_names_the_transition_error(applicant, city_officer):
    application = _at(S.DRAFT, applicant, city_officer)
    with pytest.raises(InvalidTransition):
        actions.start_review(application, by=city_officer)


def test_it_reschedules_a_field_check_without_changing_status(applicant, city_officer):
    application = _at(S.FIELD_CHECK, applicant, city_officer)
    actions.schedule_field_check(application, by=city_officer, scheduled_for=dt.date.today(), officer=city_officer)
    assert Application.objects.get(pk=application.pk).status == S.FIELD_CHECK
    assert application.field_checks.count() == 2
