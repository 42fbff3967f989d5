"""Attendance by QR pass (issue 13 item 3): each expected person's pass, scanned or typed on the secretariat's
phone, online or queued offline; forged, foreign and replayed codes; who may scan; the pages."""

import json
import uuid

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from coordination import actions, passes
from coordination.models import Attendance
from coordination.tests.helpers import agency
from wadah.lib import checkin


def _seat(meeting, name):
    return next(seat for seat in passes.expected(meeting) if seat.name == name)


def test_the_roster_and_the_invited_people_it_lacks_each_have_a_pass(meeting, province_officer, kejati_member):
    actions.invite(meeting, by=province_officer, agency=agency("Kejati"), user=kejati_member)
    names = [seat.name for seat in passes.expected(meeting)]
    # The agencies invited at scheduling are there through their members; the Kejati guest has a pass of their own.
    assert names == ["Kepala Badan", "Dir Intelkam", "Kabinda", str(kejati_member)]
    codes = {seat.code(meeting) for seat in passes.expected(meeting)}
    assert len(codes) == 4


def test_a_pass_is_an_unguessable_code_for_this_meeting_only(meeting, team, province_officer, leader):
    seat = _seat(meeting, "Dir Intelkam")
    code = seat.code(meeting)
    value, mac = code.split(".")
    assert value == f"{meeting.pk}{seat.key}" and len(mac) == 26  # 128 bits in base32
    assert passes.seat_for_code(meeting, seat.qr_payload(meeting))[0].key == seat.key
    # Typed with the spaces it is printed with, and in capitals: the same pass.
    assert passes.seat_for_code(meeting, checkin.grouped(code).upper())[0].key == seat.key
    # Another person's number with this person's MAC, a changed letter, another meeting's pass: refused.
    other = _seat(meeting, "Kabinda")
    assert passes.seat_for_code(meeting, f"{meeting.pk}{other.key}.{mac}") == (None, passes.UNKNOWN)
    assert passes.seat_for_code(meeting, code[:-1] + ("a" if code[-1] != "a" else "b")) == (None, passes.UNKNOWN)
    second = actions.schedule_meeting(
        team, by=province_officer, kind="fgd", title="FGD", date=meeting.date, chair=leader, venue="Aula"
    )
    assert passes.seat_for_code(second, code) == (None, passes.OTHER_MEETING)


def test_check_in_by_qr_and_by_tick_replayed_twice_counts_each_person_once(meeting, province_officer):
    intelkam, kabinda = _seat(meeting, "Dir Intelkam"), _seat(meeting, "Kabinda")
    queue = [
        {"client_id": str(uuid.uuid4()), "kind": "checkin", "code": intelkam.qr_payload(meeting)},
        {"client_id": str(uuid.uuid4()), "kind": "checkin", "participant": kabinda.key},
        {"client_id": str(uuid.uuid4()), "kind": "walk_in", "name": "Wartawan", "organisation": "Tabengan"},
    ]
    first = actions.sync_attendance(meeting, by=province_officer, items=queue)
    again = actions.sync_attendance(meeting, by=province_officer, items=queue)  # the answer was lost: sent again
    assert [r["outcome"] for r in first] == ["recorded", "recorded", "recorded"]
    assert [r["outcome"] for r in again] == ["duplicate", "duplicate", "duplicate"] and all(r["ok"] for r in again)
    assert meeting.attendance.count() == 3
    row = meeting.attendance.get(roster_member=intelkam.roster_member)
    assert row.method == Attendance.Method.QR and row.agency == agency("Polda")
    assert meeting.attendance.get(roster_member=kabinda.roster_member).method == Attendance.Method.MANUAL
    assert meeting.attendance.get(name="Wartawan").organisation == "Tabengan"
    # The same pass scanned again on another phone (a new id): already present, nothing added.
    outcome, _seat_again = actions.check_in(
        meeting, by=province_officer, client_id=uuid.uuid4(), code=intelkam.code(meeting)
    )
    assert outcome == "already" and meeting.attendance.count() == 3


def test_bad_input_is_refused_without_changing_anything(meeting, province_officer, polda_member):
    results = actions.sync_attendance(
        meeting,
        by=province_officer,
        items=[
            {"client_id": "not-a-uuid", "code": "x"},
            {"client_id": str(uuid.uuid4()), "code": "WADAH-HADIR:forged.aaaaaaaaaaaaaaaaaaaaaaaaaa"},
            {"client_id": str(uuid.uuid4()), "participant": "m999999"},
            {"client_id": str(uuid.uuid4()), "kind": "walk_in", "name": "  "},
        ],
    )
    assert [r["ok"] for r in results] == [False, False, False, False]
    assert all(r["message"] for r in results)
    assert not meeting.attendance.exists()
    with pytest.raises(PermissionDenied):  # only the secretariat scans
        actions.check_in(meeting, by=polda_member, client_id=uuid.uuid4(), code=_seat(meeting, "Kabinda").code(meeting))


def test_a_removed_member_s_pass_no_longer_counts(meeting, team, province_officer):
    seat = _seat(meeting, "Kabinda")
    actions.remove_roster_member(seat.roster_member, by=province_officer)
    assert passes.seat_for_code(meeting, seat.code(meeting)) == (None, passes.UNKNOWN)


def test_the_pages(client, meeting, province_officer, polda_member, binda_member):
    intelkam = _seat(meeting, "Dir Intelkam")
    client.force_login(province_officer)
    page = client.get(reverse("coordination:checkin", args=[meeting.pk]))
    assert page.status_code == 200 and page["X-Wadah-Offline"] == "keep"
    assert "blob:" in page["Content-Security-Policy"]
    roster = client.get(reverse("coordination:checkin-roster", args=[meeting.pk])).json()["participants"]
    assert [p["name"] for p in roster] == ["Kepala Badan", "Dir Intelkam", "Kabinda"]
    assert roster[1]["code"] == intelkam.code(meeting)
    passes_page = client.get(reverse("coordination:passes", args=[meeting.pk]))
    assert checkin.grouped(intelkam.code(meeting)) in passes_page.content.decode()
    response = client.post(
        reverse("coordination:checkin-sync", args=[meeting.pk]),
        json.dumps({"items": [{"client_id": str(uuid.uuid4()), "code": intelkam.code(meeting)}]}),
        content_type="application/json",
    )
    assert response.json()["present"] == 1
    assert client.post(reverse("coordination:checkin-sync", args=[meeting.pk]), {"items": "x"}).status_code == 400
    # Without JavaScript: the typed code posts once.
    client.post(reverse("coordination:checkin-tick", args=[meeting.pk]), {"code": _seat(meeting, "Kabinda").key})
    assert meeting.attendance.count() == 1  # a seat key is not a code
    client.post(reverse("coordination:checkin-tick", args=[meeting.pk]), {"participant": "m0"})
    assert meeting.attendance.count() == 1

    # A member sees their own pass on the meeting's page and its QR, not anyone else's; they cannot scan.
    client.force_login(polda_member)
    detail = client.get(meeting.get_absolute_url()).content.decode()
    assert reverse("coordination:pass-qr", args=[meeting.pk, intelkam.key]) in detail
    assert client.get(reverse("coordination:pass-qr", args=[meeting.pk, intelkam.key]))["Content-Type"] == (
        "image/svg+xml"
    )
    kabinda = _seat(meeting, "Kabinda")
    assert client.get(reverse("coordination:pass-qr", args=[meeting.pk, kabinda.key])).status_code == 404
    assert client.get(reverse("coordination:pass-qr", args=[meeting.pk, "junk"])).status_code == 404
    assert client.get(reverse("coordination:checkin", args=[meeting.pk])).status_code == 403
    assert client.get(reverse("coordination:passes", args=[meeting.pk])).status_code == 403
