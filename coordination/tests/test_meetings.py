"""Meetings: invitations, attendance by hand, live minutes, approval by the chair, corrections, PDFs (item 3, 7)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from audit.models import Entry
from coordination import actions
from coordination.models import Attendance, Meeting, Minutes
from coordination.tests.helpers import agency


def test_scheduling_invites_the_rosters_agencies(meeting):
    assert {str(i.agency) for i in meeting.invitations.all()} == {"Kesbangpol", "Polda", "BINDA"}
    assert meeting.current_minutes().status == Minutes.Status.DRAFT


def test_invitation_letters_are_numbered_letters(meeting, province_officer):
    actions.add_agenda_item(meeting, by=province_officer, title="Evaluasi")
    letters = actions.send_invitations(meeting, by=province_officer)
    assert len(letters) == 3 and all(letter.kind == "meeting-invitation" and letter.pdf for letter in letters)
    assert meeting.invitations.filter(letter__isnull=True).count() == 0
    with pytest.raises(ValidationError):
        actions.send_invitations(meeting, by=province_officer)


def test_a_person_outside_the_team_cannot_open_its_meeting(client, meeting, polda_member, kejati_member, kotim_officer):
    client.force_login(polda_member)
    assert client.get(meeting.get_absolute_url()).status_code == 200
    for outsider in (kejati_member, kotim_officer):
        client.force_login(outsider)
        assert client.get(meeting.get_absolute_url()).status_code == 404
        assert client.get(reverse("coordination:minutes", args=[meeting.pk])).status_code == 404
        assert client.get(reverse("coordination:minutes-pdf", args=[meeting.pk])).status_code == 404
    actions.invite(meeting, by=meeting.created_by, agency=agency("Kejati"), user=kejati_member)
    client.force_login(kejati_member)  # invited by name: now they may
    assert client.get(meeting.get_absolute_url()).status_code == 200


def test_attendance_by_hand(client, meeting, province_officer, polda_member):
    seat = meeting.team.current_roster().members.get(name="Dir Intelkam")
    client.force_login(province_officer)
    client.post(reverse("coordination:attendance-add", args=[meeting.pk]), {"member": seat.pk})
    client.post(reverse("coordination:attendance-add", args=[meeting.pk]), {"member": seat.pk})  # twice: once
    client.post(
        reverse("coordination:attendance-add", args=[meeting.pk]), {"hadir-name": "Wartawan", "hadir-position": "Pers"}
    )
    assert meeting.attendance.count() == 2
    assert meeting.attendance.get(roster_member=seat).method == Attendance.Method.MANUAL
    with pytest.raises(PermissionDenied):
        actions.record_attendance(meeting, by=polda_member, name="Someone")
    # The QR check-in seam: the same action with method="qr" (no secretariat needed).
    qr = actions.record_attendance(
        meeting, by=None, roster_member=meeting.team.current_roster().members.get(name="Kabinda"), method="qr"
    )
    assert qr.method == "qr" and qr.agency == agency("BINDA")


def test_minutes_autosave_approval_and_read_only(client, held, province_officer, leader, polda_member):
    client.force_login(province_officer)
    url = reverse("coordination:minutes-autosave", args=[held.pk])
    response = client.post(url, {"text": "Rapat dibuka pukul 09.00."})
    assert response.status_code == 200 and "Saved at" in response.text
    assert held.current_minutes().text == "Rapat dibuka pukul 09.00."
    with pytest.raises(PermissionDenied):  # only the chair approves
        actions.approve_minutes(held, by=province_officer)
    with pytest.raises(PermissionDenied):
        actions.save_minutes(held, by=polda_member, text="Polda menulis")
    actions.approve_minutes(held, by=leader)
    held.refresh_from_db()
    assert held.status == Meeting.Status.CLOSED
    # Editing approved minutes: refused clearly, nothing changed.
    response = client.post(url, {"text": "Diubah diam-diam"})
    assert response.status_code == 200 and "read-only" in response.text
    assert held.current_minutes().text == "Rapat dibuka pukul 09.00."
    response = client.post(reverse("coordination:minutes-save", args=[held.pk]), {"text": "Lagi"}, follow=True)
    assert "read-only" in response.text
    page = client.get(reverse("coordination:minutes", args=[held.pk]))
    assert "data-minutes-readonly" in page.text and 'name="text"' not in page.text


def test_a_correction_is_a_new_audited_version(held, province_officer, leader):
    actions.save_minutes(held, by=province_officer, text="Versi pertama")
    actions.approve_minutes(held, by=leader)
    with pytest.raises(ValidationError):
        actions.start_correction(held, by=province_officer, reason="")
    correction = actions.start_correction(held, by=province_officer, reason="Nama peserta salah")
    assert correction.number == 2 and correction.text == "Versi pertama"
    actions.save_minutes(held, by=province_officer, text="Versi kedua")
    actions.approve_minutes(held, by=leader)
    statuses = dict(held.minutes.values_list("number", "status"))
    assert statuses == {1: "superseded", 2: "approved"}
    assert Entry.objects.filter(action="coordination.minutes_correction_started", subject_id=str(held.pk)).exists()


def test_no_minutes_before_the_meeting_is_open(meeting, province_officer):
    with pytest.raises(ValidationError):
        actions.save_minutes(meeting, by=province_officer, text="Terlalu awal")


def test_pdfs_of_minutes_and_attendance(client, decision, province_officer):
    meeting = decision.meeting
    actions.save_minutes(meeting, by=province_officer, text="Paragraf satu.\n\nParagraf *dua* #bukan-markup.")
    actions.record_attendance(meeting, by=province_officer, name="Budi [Pers]")
    client.force_login(province_officer)
    for name in ("minutes-pdf", "attendance-pdf"):
        response = client.get(reverse(f"coordination:{name}", args=[meeting.pk]))
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")


def test_meeting_pages_render(client, decision, province_officer, leader):
    meeting = decision.meeting
    for user in (province_officer, leader):
        client.force_login(user)
        assert client.get(meeting.get_absolute_url()).status_code == 200
        assert client.get(reverse("coordination:minutes", args=[meeting.pk])).status_code == 200
    response = client.get(reverse("coordination:meeting-create", args=[meeting.team.pk]))
    assert response.status_code == 200
