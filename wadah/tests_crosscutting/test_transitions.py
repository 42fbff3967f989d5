"""Ormas.TRANSITIONS is the whole truth about status changes: every listed move works, every other is refused."""

import datetime as dt
import itertools

import pytest
from django.core.exceptions import ValidationError

from audit.models import Entry
from registry.actions import Decision, change_ormas_status
from registry.models import Ormas
from wadah.lib.workflow import InvalidTransition
from wadah.testing import make_ormas

ALL_PAIRS = list(itertools.product(Ormas.Status.values, repeat=2))
ALLOWED = [(a, b) for a, b in ALL_PAIRS if b in Ormas.TRANSITIONS[a]]
REFUSED = [(a, b) for a, b in ALL_PAIRS if b not in Ormas.TRANSITIONS[a]]


def _ormas_with_status(status: str) -> Ormas:
    ormas = make_ormas()
    Ormas.objects.filter(pk=ormas.pk).update(status=status)
    ormas.refresh_from_db()
    return ormas


def test_it_lists_a_rule_for_every_status():
    assert set(Ormas.TRANSITIONS) == set(Ormas.Status.values)
    assert not Ormas.TRANSITIONS[Ormas.Status.DISSOLVED]


@pytest.mark.parametrize(("old", "new"), ALLOWED)
def test_it_accepts_every_listed_transition(db, province_officer, old, new):
    ormas = _ormas_with_status(old)
    change_ormas_status(
        ormas,
        new,
        by=province_officer,
        reason=f"Alasan {old}→{new}",
        legal_basis="SK 1/2026",
        decision=Decision(number="SK 1/2026", date=dt.date(2026, 1, 5), basis="Pasal 62"),
    )
    ormas.refresh_from_db()
    assert ormas.status == new
    entry = Entry.objects.filter(ormas=ormas, action="ormas.status_changed").get()
    assert entry.changes == {"status": [old, new]}
    assert entry.data["reason"] == f"Alasan {old}→{new}"
    assert entry.data["legal_basis"] == "SK 1/2026"
    assert entry.actor == province_officer


@pytest.mark.parametrize(("old", "new"), REFUSED)
def test_it_refuses_every_other_transition(db, province_officer, old, new):
    ormas = _ormas_with_status(old)
    with pytest.raises(InvalidTransition):
        change_ormas_status(ormas, new, by=province_officer, reason="Tidak boleh")
    ormas.refresh_from_db()
    assert ormas.status == old
    assert not Entry.objects.filter(ormas=ormas, action="ormas.status_changed").exists()


def test_it_requires_a_reason(db, province_officer):
    ormas = _ormas_with_status(Ormas.Status.ACTIVE)
    with pytest.raises(Exception, match="reason|alasan"):
        change_ormas_status(ormas, Ormas.Status.FROZEN, by=province_officer, reason="   ")
    ormas.refresh_from_db()
    assert ormas.status == Ormas.Status.ACTIVE


@pytest.mark.parametrize(("old", "new"), [(o, n) for o, n in ALLOWED if {o, n} & Ormas.SANCTION_STATUSES])
def test_it_refuses_a_sanction_status_without_a_recorded_decision(db, province_officer, old, new):
    """No back door (issue 11): dibekukan/dicabut/bubar are set and ended only by a decision with number/date."""
    ormas = _ormas_with_status(old)
    with pytest.raises(ValidationError, match="recorded decision"):
        change_ormas_status(ormas, new, by=province_officer, reason="Manual", legal_basis="SK 1/2026")
    ormas.refresh_from_db()
    assert ormas.status == old
    assert not Entry.objects.filter(ormas=ormas, action="ormas.status_changed").exists()
