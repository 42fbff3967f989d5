"""Check-in: QR codes that cannot be forged, reused or carried to another event; offline replays counted once."""

import json
import uuid

import pytest
from django.urls import reverse

from guidance import actions
from guidance.models import CheckIn, Participant
from guidance.tests.helpers import accepted, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def participants(event, city_officer, city_ormas, account):
    invitation = actions.invite(event, [city_ormas], by=city_officer, reason="Bimtek")[0][0]
    accepted(invitation, account)
    return list(Participant.objects.order_by("name"))


def test_a_qr_code_checks_its_participant_in_once(event, city_officer, participants):
    budi = participants[0]
    outcome, who = actions.check_in(event, by=city_officer, client_id=uuid.uuid4(), code=budi.qr_payload)
    assert (outcome, who) == (actions.RECORDED, budi)
    outcome, _who = actions.check_in(event, by=city_officer, client_id=uuid.uuid4(), code=budi.code)
    assert outcome == actions.ALREADY
    assert "already used" in actions.outcome_message(outcome, budi)
    assert CheckIn.objects.count() == 1


def test_a_forged_code_and_a_code_of_another_event_are_refused(event, programme, city_officer, participants):
    other = make_event(programme, city_officer, title="Bimtek hari 2")
    assert (
        actions.check_in(other, by=city_officer, client_id=uuid.uuid4(), code=participants[0].code)[0]
        == actions.OTHER_EVENT
    )
    assert (
        actions.check_in(event, by=city_officer, client_id=uuid.uuid4(), code="WADAH-HADIR:forged")[0]
        == actions.UNKNOWN
    )
    assert not CheckIn.objects.exists()


def test_an_offline_queue_replayed_twice_is_counted_once(client, event, city_officer, participants):
    client.force_login(city_officer)
    url = reverse("guidance:checkin-sync", args=[event.pk])
    items = [
        {"client_id": str(uuid.uuid4()), "kind": "checkin", "code": participants[0].code, "at": "2020-01-01T00:00:00Z"},
        {"client_id": str(uuid.uuid4()), "kind": "checkin", "participant": participants[1].pk},
        {"client_id": str(uuid.uuid4()), "kind": "walk_in", "name": "Tamu Datang", "organisation": "Karang Taruna"},
        {"client_id": str(uuid.uuid4()), "kind": "checkin", "code": "bogus"},
    ]
    first = client.post(url, json.dumps({"items": items}), content_type="application/json").json()
    second = client.post(url, json.dumps({"items": items}), content_type="application/json").json()
    assert [r["outcome"] for r in first["results"]] == ["recorded", "recorded", "recorded", "unknown"]
    assert [r["outcome"] for r in second["results"]] == ["duplicate", "duplicate", "duplicate", "unknown"]
    assert CheckIn.objects.count() == 3 and first["present"] == second["present"] == 3
    assert Participant.objects.filter(is_walk_in=True).count() == 1


def test_bad_sync_payloads_answer_400_and_change_nothing(client, event, city_officer):
    client.force_login(city_officer)
    url = reverse("guidance:checkin-sync", args=[event.pk])
    assert client.post(url, "not json", content_type="application/json").status_code == 400
    assert client.post(url, json.dumps({"items": "x"}), content_type="application/json").status_code == 400
    response = client.post(
        url, json.dumps({"items": [{"client_id": "nope", "code": "x"}]}), content_type="application/json"
    )
    assert response.json()["results"][0]["outcome"] == "invalid"
    assert not CheckIn.objects.exists()


def test_an_officer_of_another_region_gets_404_on_the_check_in(client, event, kotim_officer):
    client.force_login(kotim_officer)
    assert client.get(reverse("guidance:checkin", args=[event.pk])).status_code == 404
    assert (
        client.post(
            reverse("guidance:checkin-sync", args=[event.pk]), "{}", content_type="application/json"
        ).status_code
        == 404
    )


def test_a_waitlisted_participant_is_not_checked_in(event, city_officer, participants):
    invitation = participants[0].invitation
    type(invitation).objects.filter(pk=invitation.pk).update(status="waitlisted")
    assert (
        actions.check_in(event, by=city_officer, client_id=uuid.uuid4(), code=participants[0].code)[0]
        == actions.NOT_CONFIRMED
    )


def test_the_check_in_page_has_no_inline_script_and_allows_the_scanner_worker(
    client, event, city_officer, participants
):
    client.force_login(city_officer)
    response = client.get(reverse("guidance:checkin", args=[event.pk]))
    assert response.status_code == 200
    assert "worker-src 'self' blob:" in response["Content-Security-Policy"]
    assert b"<script>" not in response.content
    roster = client.get(reverse("guidance:checkin-roster", args=[event.pk])).json()
    assert {p["name"] for p in roster["participants"]} == {"Budi", "Siti"}
