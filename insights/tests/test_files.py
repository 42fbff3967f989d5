"""List exports (at once or in the background), recaps, and notifications."""

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from accounts.models import Role
from insights import exports, notifications, recaps
from insights.models import Job, Notification, NotificationSettings
from opportunities import actions as offer_actions
from opportunities.tests.helpers import draft_offer, make_party
from registry import actions as registry_actions
from registry.models import BoardMember
from wadah.testing import make_chapter, make_user

pytestmark = pytest.mark.django_db
NIK = "6271014501900001"


def _sheet(content: bytes):
    return list(load_workbook(io.BytesIO(content)).active.values)


@pytest.mark.parametrize("key", list(exports.EXPORTS))
def test_every_staff_list_exports(client, leader, city_ormas, key):
    client.force_login(leader)
    response = client.get(reverse("insights:list-export", args=[key]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_board_members_show_the_nik_only_to_roles_that_may_see_it(client, city_ormas, city_officer, agency_member):
    chapter = make_chapter(city_ormas)
    registry_actions.add_board_member(
        chapter,
        by=None,
        nik=NIK,
        person_values={"name": "=Rahmat", "address": "Jl. Rumah 9"},
        position=BoardMember.Position.CHAIR,
    )
    client.force_login(city_officer)
    rows = _sheet(client.get(reverse("insights:list-export", args=["board-members"])).content)
    assert NIK in rows[1] and "Jl. Rumah 9" in rows[1]
    assert "'=Rahmat" in rows[1]  # formula neutralised
    client.force_login(agency_member)
    rows = _sheet(client.get(reverse("insights:list-export", args=["board-members"])).content)
    assert NIK not in rows[1] and "Jl. Rumah 9" not in rows[1]


def test_an_ormas_account_cannot_export(client, ormas_account):
    client.force_login(ormas_account)
    assert client.get(reverse("insights:list-export", args=["letters"])).status_code == 403


def test_a_large_export_runs_in_the_background_with_progress(client, leader, city_ormas, monkeypatch):
    monkeypatch.setattr(exports, "IMMEDIATE_LIMIT", -1)
    client.force_login(leader)
    response = client.get(reverse("insights:list-export", args=["board-members"]))
    job = Job.objects.get()
    assert response["Location"] == job.get_absolute_url()
    assert job.status == Job.Status.DONE  # the immediate task backend ran it
    page = client.get(job.get_absolute_url())
    assert "Download Excel" in page.content.decode()
    download = client.get(reverse("insights:job-download", args=[job.pk, "xlsx"]))
    assert download.status_code == 200
    other = make_user("other.leader", Role.LEADER, office_code="62")
    client.force_login(other)
    assert client.get(job.get_absolute_url()).status_code == 404  # only its owner sees it


def test_a_recap_is_built_as_excel_and_pdf(client, leader, city_ormas, kotim_ormas):
    client.force_login(leader)
    today = timezone.localdate()
    response = client.post(reverse("insights:recap"), {"period": "month", "start": today.isoformat(), "regency": ""})
    job = Job.objects.get(kind=Job.Kind.RECAP)
    assert response["Location"] == job.get_absolute_url()
    assert job.status == Job.Status.DONE, job.error
    xlsx = client.get(reverse("insights:job-download", args=[job.pk, "xlsx"]))
    sheet = _sheet(b"".join(xlsx.streaming_content))
    assert any(row and row[0] == "Total" and row[1] == 2 for row in sheet)
    pdf = b"".join(client.get(reverse("insights:job-download", args=[job.pk, "pdf"])).streaming_content)
    assert pdf.startswith(b"%PDF")


def test_period_bounds():
    assert recaps.period_bounds("month", "2026-02-14") == (dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert recaps.period_bounds("quarter", "2026-11-30") == (dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    assert recaps.period_bounds("year", "2026-06-01") == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))


def test_recaps_are_scheduled_for_every_leader(leader, city_ormas):
    call_command("schedule_recaps", date="2026-04-01")
    assert set(Job.objects.values_list("name", flat=True)) == {"month", "quarter"}
    call_command("schedule_recaps", date="2026-04-01")  # idempotent
    assert Job.objects.count() == 2


def test_notifications_reach_the_bell_and_the_digest(client, city_officer, city_ormas):
    client.force_login(city_officer)
    assert client.get(reverse("insights:notifications")).status_code == 200
    city_officer.email = "officer@example.org"
    city_officer.save()
    Notification.objects.create(user=city_officer, key="test:1", text="Something needs you", link="/dasbor/")
    page = client.get(reverse("services:worklist")).content.decode()
    assert "1 unread" in page
    NotificationSettings.objects.update_or_create(user=city_officer, defaults={"digest": "daily"})
    assert notifications.send_digest(city_officer) is True
    assert "Something needs you" in mail.outbox[0].body
    assert notifications.send_digest(city_officer) is False  # not twice
    item = Notification.objects.get(key="test:1")
    client.get(reverse("insights:notification-open", args=[item.pk]))
    item.refresh_from_db()
    assert item.read_at is not None


def test_a_leader_is_notified_of_what_waits_for_the_decision(leader):
    assert notifications.refresh(leader) == 0  # nothing waits in an empty register


def test_officers_are_notified_of_offers_and_partnerships_waiting_for_them(city_officer, kotim_officer, city_ormas):
    """An offer sent for approval reaches the bell of the office it was sent to, not another kab/kota's."""
    party, partner = make_party()
    offer = draft_offer(party, partner)
    offer_actions.submit_offer(offer, by=partner)
    notifications.refresh(city_officer)
    notifications.refresh(kotim_officer)
    assert Notification.objects.filter(user=city_officer, key=f"offer:{offer.pk}").exists()
    assert not Notification.objects.filter(user=kotim_officer, key=f"offer:{offer.pk}").exists()
