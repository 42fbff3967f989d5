"""Invitations: scope and legal status of the invited Ormas, seats, the waiting list, and the Ormas's answer."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from audit.models import Entry
from guidance import actions
from guidance.models import Invitation, Participant
from guidance.tests.helpers import accepted, account_of, make_event
from registry import actions as registry_actions
from registry.models import Ormas
from wadah.testing import make_ormas

pytestmark = pytest.mark.django_db


def test_an_invitation_keeps_its_reason_and_can_carry_a_numbered_letter(event, city_officer, city_ormas):
    made, skipped = actions.invite(
        event, [city_ormas], by=city_officer, reason="Belum punya laporan keuangan", with_letter=True
    )
    invitation = made[0]
    assert invitation.reason == "Belum punya laporan keuangan"
    assert invitation.letter.kind == "event-invitation"
    assert invitation.letter.number.startswith("220/")
    assert Entry.objects.filter(action="invitation.sent", ormas=city_ormas).exists()
    again, skipped = actions.invite(event, [city_ormas], by=city_officer, reason="Lagi")
    assert again == [] and skipped == [city_ormas]


def test_an_ormas_out_of_scope_is_refused_and_nothing_is_invited(event, city_officer, city_ormas, kotim_ormas):
    with pytest.raises(ValidationError, match="outside your region"):
        actions.invite(event, [city_ormas, kotim_ormas], by=city_officer, reason="Semua")
    assert not Invitation.objects.exists()


def test_a_dissolved_ormas_is_refused(event, city_officer):
    ormas = make_ormas(name="Paguyuban Lama", abbreviation="PL", skt_number="9/9/2020")
    registry_actions.change_ormas_status(
        ormas,
        Ormas.Status.DISSOLVED,
        by=city_officer,
        reason="Bubar",
        legal_basis="AD/ART",
        effective_on=None,
        decision=registry_actions.Decision(number="1/BUBAR/2026", date=dt.date(2026, 1, 5), basis="AD/ART"),
    )
    with pytest.raises(ValidationError, match="cannot be invited"):
        actions.invite(event, [ormas], by=city_officer, reason="Bimtek")
    assert not Invitation.objects.exists()


def test_an_invitation_needs_a_reason(event, city_officer, city_ormas):
    with pytest.raises(ValidationError, match="Say why"):
        actions.invite(event, [city_ormas], by=city_officer, reason=" ")


def test_the_ormas_accepts_with_two_participants_and_nik_is_checked(event, city_officer, city_ormas, account):
    invitation = actions.invite(event, [city_ormas], by=city_officer, reason="Bimtek")[0][0]
    with pytest.raises(ValidationError, match="Participant 2"):
        actions.accept_invitation(
            invitation, by=account, participants=[{"name": "Budi"}, {"name": "Siti", "nik": "123"}]
        )
    assert not Participant.objects.exists()
    accepted(invitation, account)
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.ACCEPTED
    assert event.seats_taken() == 2
    codes = list(Participant.objects.values_list("code", flat=True))
    assert len(set(codes)) == 2 and all(len(c) >= 20 for c in codes)


def test_only_the_invited_ormas_may_answer(event, city_officer, city_ormas, kotim_ormas):
    invitation = actions.invite(event, [city_ormas], by=city_officer, reason="Bimtek")[0][0]
    other = account_of(kotim_ormas, "lain")
    with pytest.raises(PermissionDenied):
        accepted(invitation, other)


def test_over_capacity_is_refused_and_a_full_event_puts_the_ormas_on_the_waiting_list(programme, city_officer):
    event = make_event(programme, city_officer, capacity=3)
    first, second, third = (
        make_ormas(name=f"Ormas {n}", abbreviation=f"O{n}", skt_number=f"{n}/1/2022") for n in range(3)
    )
    a, b, c = (account_of(o, f"akun{n}") for n, o in enumerate((first, second, third)))
    inv1, inv2, inv3 = actions.invite(event, [first, second, third], by=city_officer, reason="Bimtek")[0]
    accepted(inv1, a)
    with pytest.raises(ValidationError, match="Only 1 seats are left"):
        accepted(inv2, b)
    inv2.refresh_from_db()
    assert inv2.status == Invitation.Status.INVITED and not inv2.participants.exists()
    accepted(inv2, b, names=("Satu",))
    accepted(inv3, c)
    inv3.refresh_from_db()
    assert inv3.status == Invitation.Status.WAITLISTED
    # When the first Ormas declines, the waiting one moves up.
    actions.decline_invitation(inv1, by=a, reason="Bentrok jadwal")
    inv3.refresh_from_db()
    assert inv3.status == Invitation.Status.ACCEPTED
    assert Entry.objects.filter(action="invitation.promoted").count() == 1


def test_each_ormas_names_at_most_its_seats(event, city_officer, city_ormas, account):
    invitation = actions.invite(event, [city_ormas], by=city_officer, reason="Bimtek")[0][0]
    with pytest.raises(ValidationError, match="at most 2"):
        accepted(invitation, account, names=("A", "B", "C"))


def test_another_office_cannot_invite_to_this_event(event, kotim_officer, kotim_ormas):
    with pytest.raises(PermissionDenied):
        actions.invite(event, [kotim_ormas], by=kotim_officer, reason="Bimtek")
