"""FieldReport.TRANSITIONS is the whole truth: draft → submitted through submit_report, and nothing leaves it."""

import itertools

import pytest
from django.core.exceptions import ValidationError

from fieldreports import actions
from fieldreports.models import FieldReport

from .helpers import complete_values

pytestmark = pytest.mark.django_db
S = FieldReport.Status
ALLOWED = [(a, b) for a, b in itertools.product(S.values, repeat=2) if b in FieldReport.TRANSITIONS[a]]
ACTION_FOR = {(S.DRAFT, S.SUBMITTED): actions.submit_report}


def _report(author, status: str) -> FieldReport:
    report = actions.create_report(by=author, **complete_values())
    FieldReport.objects.filter(pk=report.pk).update(status=status)
    report.refresh_from_db()
    return report


def test_it_lists_a_rule_for_every_status():
    assert set(FieldReport.TRANSITIONS) == set(S.values)
    assert not FieldReport.TRANSITIONS[S.SUBMITTED]


def test_the_action_table_covers_exactly_the_listed_transitions():
    assert set(ACTION_FOR) == set(ALLOWED)


@pytest.mark.parametrize(("old", "new"), ALLOWED)
def test_it_performs_every_listed_transition(city_officer, old, new):
    report = _report(city_officer, old)
    ACTION_FOR[(old, new)](report, by=city_officer)
    assert FieldReport.objects.get(pk=report.pk).status == new


@pytest.mark.parametrize("action", sorted(set(ACTION_FOR.values()), key=lambda f: f.__name__), ids=lambda f: f.__name__)
def test_it_never_lets_an_action_leave_the_transitions(city_officer, action):
    sources = {old for (old, _new), fn in ACTION_FOR.items() if fn is action}
    for status in set(S.values) - sources:
        report = _report(city_officer, status)
        with pytest.raises(ValidationError):
            action(report, by=city_officer)
        assert FieldReport.objects.get(pk=report.pk).status == status
