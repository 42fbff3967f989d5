"""send_reminders: officers about due/overdue applications, Ormas accounts about expiring SKTs; once a day."""

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from services.models import Application, ReminderLog
from services.tests.helpers import account_for, submitted
from wadah.testing import make_ormas

pytestmark = pytest.mark.django_db


def _run() -> None:
    call_command("send_reminders", stdout=io.StringIO())


def test_it_reminds_the_office_about_due_and_overdue_applications_once_a_day(
    city_officer, kotim_officer, city_ormas, django_capture_on_commit_callbacks
):
    city_officer.email = "petugas@pky.example"
    city_officer.save()
    kotim_officer.email = "petugas@kotim.example"
    kotim_officer.save()
    applicant = account_for(city_ormas)
    overdue = submitted("activity-report", city_ormas, applicant)
    later = submitted("board-change", city_ormas, applicant)
    Application.objects.filter(pk=overdue.pk).update(decision_due=timezone.localdate() - dt.timedelta(days=7))
    Application.objects.filter(pk=later.pk).update(decision_due=timezone.localdate() + dt.timedelta(days=40))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _run()
    to_staff = [m for m in mail.outbox if m.to[0].endswith(".example")]
    assert [m.to for m in to_staff] == [["petugas@pky.example"]]
    assert overdue.reference in to_staff[0].body and later.reference not in to_staff[0].body
    # The overdue one is deemed granted by law (UU 30/2014 Pasal 53): the office is told to issue the letter, the
    # applicant is told too.
    assert "deemed granted" in to_staff[0].body
    overdue.refresh_from_db()
    assert overdue.status == Application.Status.DEEMED_GRANTED
    assert any("deemed granted" in m.subject for m in mail.outbox if m.to == [applicant.email])
    sent = len(mail.outbox)
    _run()
    assert len(mail.outbox) == sent  # same day: nothing new


def test_it_reminds_ormas_accounts_about_skts_expiring_in_90_and_30_days(db):
    today = timezone.localdate()
    ormas = make_ormas(skt_expires_on=today + dt.timedelta(days=80), email="sekretariat@ormas.example")
    account_for(ormas)
    make_ormas(name="Ormas Lama", abbreviation="OL", skt_number="1/2", skt_expires_on=today + dt.timedelta(days=200))
    mail.outbox.clear()
    _run()
    assert sorted(m.to[0] for m in mail.outbox) == ["pengurus@example.org", "sekretariat@ormas.example"]
    _run()
    assert len(mail.outbox) == 2
    # 30 days before expiry: the second reminder, once.
    ormas.skt_expires_on = today + dt.timedelta(days=25)
    ormas.save()
    ReminderLog.objects.update(sent_on=today - dt.timedelta(days=55))
    _run()
    _run()
    assert len(mail.outbox) == 4
