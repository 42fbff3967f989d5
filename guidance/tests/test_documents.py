"""Attendance list and certificates as PDF; the public verification page shows only name, event and date."""

import datetime as dt
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from guidance import actions
from guidance.models import Certificate, Event, Participant
from guidance.tests.helpers import accepted

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(event, city_officer, city_ormas, account):
    invitation = actions.invite(event, [city_ormas], by=city_officer, reason="Bimtek")[0][0]
    actions.accept_invitation(
        invitation,
        by=account,
        participants=[{"name": "Budi", "phone": "0812", "nik": "6271011204850002"}, {"name": "Siti"}],
    )
    Event.objects.filter(pk=event.pk).update(starts_at=timezone.now() - dt.timedelta(hours=2))
    budi = Participant.objects.get(name="Budi")
    actions.check_in(event, by=city_officer, client_id=uuid.uuid4(), code=budi.code)
    actions.mark_event_held(event, by=city_officer)
    return event


def test_the_attendance_list_is_a_pdf(client, held, city_officer):
    client.force_login(city_officer)
    response = client.get(reverse("guidance:attendance-pdf", args=[held.pk]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_certificates_go_to_those_present_and_verify_publicly_with_name_event_date_only(client, held, city_officer):
    made = actions.issue_certificates(held, by=city_officer)
    assert [c.participant.name for c in made] == ["Budi"]
    assert actions.issue_certificates(held, by=city_officer) == []
    certificate = Certificate.objects.get()
    client.force_login(city_officer)
    pdf = client.get(reverse("guidance:certificate-pdf", args=[certificate.participant_id]))
    assert pdf.content.startswith(b"%PDF")
    client.logout()
    page = client.get(certificate.get_verify_path())
    text = page.content.decode()
    assert page.status_code == 200 and "Budi" in text and held.title in text
    assert "0812" not in text and "627101" not in text and "Ikatan Pemuda" not in text
    assert page["X-Robots-Tag"].startswith("noindex")
    assert client.get(reverse("guidance:certificate-verify", args=[uuid.uuid4()])).status_code == 404


def test_the_nik_is_masked_on_the_event_page(client, held, city_officer):
    client.force_login(city_officer)
    text = client.get(held.get_absolute_url()).content.decode()
    assert "6271011204850002" not in text and "627101" in text


def test_certificates_wait_until_the_event_is_held(event, city_officer):
    with pytest.raises(Exception, match="held"):
        actions.issue_certificates(event, by=city_officer)


def test_the_ormas_account_sees_qr_codes_of_its_own_participants_only(
    client, event, city_officer, city_ormas, account, kotim_ormas
):
    invitation = actions.invite(event, [city_ormas], by=city_officer, reason="Bimtek")[0][0]
    accepted(invitation, account)
    client.force_login(account)
    participant = Participant.objects.first()
    response = client.get(reverse("guidance:ormas-participant-qr", args=[participant.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    page = client.get(reverse("guidance:ormas-invitation", args=[invitation.pk]))
    assert participant.code in page.content.decode()
    from guidance.tests.helpers import account_of

    client.force_login(account_of(kotim_ormas, "lain"))
    assert client.get(reverse("guidance:ormas-participant-qr", args=[participant.pk])).status_code == 404
    assert client.get(reverse("guidance:ormas-invitation", args=[invitation.pk])).status_code == 404
