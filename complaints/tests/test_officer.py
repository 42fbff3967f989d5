"""Officer pages and actions: scope, intake per channel, grouping, triage outcomes, identity masking, audit."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from audit.models import Entry
from complaints import actions
from complaints.models import Complaint
from complaints.views import likely_duplicates
from regions.models import Region
from wadah.testing import make_user

from .helpers import VILLAGE, form_data, pdf

pytestmark = pytest.mark.django_db


def _complaint(ormas=None, *, village: str = VILLAGE, days_ago: int = 0, **extra) -> Complaint:
    values = {
        "description": "Pemungutan uang keamanan di pasar oleh anggota ormas.",
        "region": Region.objects.get(code=village),
        "incident_date": timezone.localdate() - dt.timedelta(days=days_ago),
        "ormas": ormas,
        "ormas_text": "" if ormas else "Kelompok berseragam hitam",
        "complainant_name": "Siti Pelapor",
        "complainant_phone": "081234567890",
        "complainant_email": "siti@example.org",
    }
    values.update(extra)
    complaint, _code = actions.submit_complaint(**values)
    return complaint


def _kotim_village() -> str:
    return Region.objects.filter(code__startswith="62.02.", level="desa").first().code  # type: ignore[union-attr]


def test_it_lists_only_complaints_in_the_officers_scope(client, city_officer, province_officer):
    mine = _complaint()
    other = _complaint(village=_kotim_village())
    client.force_login(city_officer)
    page = client.get(reverse("complaints:list")).content.decode()
    assert mine.get_absolute_url() in page and other.get_absolute_url() not in page
    assert client.get(other.get_absolute_url()).status_code == 404
    client.force_login(province_officer)
    page = client.get(reverse("complaints:list")).content.decode()
    assert mine.get_absolute_url() in page and other.get_absolute_url() in page


def test_it_filters_the_list_and_flags_overdue_triage(client, city_officer):
    late = _complaint()
    Complaint.objects.filter(pk=late.pk).update(triage_due_on=timezone.localdate() - dt.timedelta(days=1))
    on_time = _complaint()
    client.force_login(city_officer)
    page = client.get(reverse("complaints:list"), {"overdue": "on"}).content.decode()
    assert late.get_absolute_url() in page and on_time.get_absolute_url() not in page and "overdue" in page
    page = client.get(reverse("complaints:list"), {"channel": "phone"}).content.decode()
    assert late.get_absolute_url() not in page


def test_it_counts_the_triage_target_in_working_days(city_officer):
    complaint = _complaint()
    assert complaint.triage_due_on is not None
    assert complaint.triage_due_on >= timezone.localdate() + dt.timedelta(days=5)


@pytest.mark.parametrize("channel", ["walk_in", "phone", "letter", "lapor"])
def test_it_takes_in_a_complaint_per_channel(client, city_officer, channel):
    client.force_login(city_officer)
    data = form_data(channel=channel, lapor_reference="LAPOR-2026-123" if channel == "lapor" else "")
    data["attachments"] = [pdf()]
    response = client.post(reverse("complaints:intake"), data)
    complaint = Complaint.objects.get()
    assert response.status_code == 302 and response["Location"] == complaint.get_absolute_url()
    assert complaint.channel == channel and complaint.created_by == city_officer
    assert complaint.lapor_reference == ("LAPOR-2026-123" if channel == "lapor" else "")
    assert complaint.attachments.count() == 1
    assert Entry.objects.filter(action="complaint.taken_in", actor=city_officer).exists()
    # The code is shown once on the detail page, for the officer to hand over.
    first = client.get(complaint.get_absolute_url()).content.decode()
    assert f">{complaint.code_prefix}-" in first
    assert "Tracking code for the complainant" not in client.get(complaint.get_absolute_url()).content.decode()


def test_it_requires_the_lapor_reference(client, city_officer):
    client.force_login(city_officer)
    page = client.post(reverse("complaints:intake"), form_data(channel="lapor"))
    assert page.status_code == 200 and "Enter the LAPOR! reference number" in page.content.decode()
    assert not Complaint.objects.exists()


def test_it_refuses_intake_outside_the_officers_region(client, city_officer):
    village = _kotim_village()
    client.force_login(city_officer)
    data = form_data(channel="phone", regency=village[:5], district=village[:8], region_code=village)
    assert client.post(reverse("complaints:intake"), data).status_code == 200
    assert not Complaint.objects.exists()


def test_it_refuses_intake_to_agency_members(client, agency_member):
    client.force_login(agency_member)
    assert client.get(reverse("complaints:intake")).status_code == 403


def test_it_masks_the_complainant_for_everyone_but_the_handling_officers(
    client, city_officer, province_officer, agency_member, leader
):
    complaint = _complaint()
    for user in (city_officer, province_officer, leader):
        client.force_login(user)
        page = client.get(complaint.get_absolute_url()).content.decode()
        assert "Siti Pelapor" in page and "081234567890" in page and "siti@example.org" in page, user
    client.force_login(agency_member)
    page = client.get(complaint.get_absolute_url())
    text = page.content.decode()
    assert page.status_code == 200
    for secret in ("Siti Pelapor", "081234567890", "siti@example.org"):
        assert secret not in text
    assert "•••" in text


def test_it_hides_the_complaint_from_another_office(client, kotim_officer):
    complaint = _complaint()
    client.force_login(kotim_officer)
    assert client.get(complaint.get_absolute_url()).status_code == 404
    assert client.post(reverse("complaints:start-triage", args=[complaint.pk])).status_code == 404
    attachment_complaint = _complaint(attachments=[pdf()])
    attachment = attachment_complaint.attachments.get()
    assert client.get(attachment.get_absolute_url()).status_code == 404


def test_it_serves_attachments_to_officers_in_scope(client, city_officer):
    complaint = _complaint(attachments=[pdf()])
    client.force_login(city_officer)
    response = client.get(complaint.attachments.get().get_absolute_url())
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


@pytest.mark.parametrize("persona", ["agency_member", "system_admin"])
def test_it_does_not_serve_attachments_to_roles_that_see_the_complainant_masked(client, persona, request):
    """Finding: complaint attachments were open to roles that see the complainant masked."""
    complaint = _complaint(attachments=[pdf()])
    client.force_login(request.getfixturevalue(persona))
    attachment = complaint.attachments.get()
    assert client.get(attachment.get_absolute_url()).status_code == 404
    page = client.get(complaint.get_absolute_url())
    assert page.status_code == 200 and attachment.get_absolute_url() not in page.content.decode()


def test_it_suggests_and_groups_duplicates(client, city_officer, city_ormas):
    first = _complaint(city_ormas, days_ago=2)
    second = _complaint(city_ormas)
    unrelated = _complaint(description="Spanduk provokatif dipasang di depan sekolah tanpa izin.", ormas_text="Lain")
    found = [c for c, _reason in likely_duplicates(second, Complaint.objects.all())]
    assert first in found and unrelated not in found
    client.force_login(city_officer)
    page = client.get(second.get_absolute_url()).content.decode()
    assert "Possible duplicates" in page and first.get_absolute_url() in page
    response = client.post(reverse("complaints:group", args=[second.pk]), {"into": first.pk})
    assert response.status_code == 302
    second.refresh_from_db()
    assert second.status == "grouped" and second.group == first
    entry = Entry.objects.get(action="complaint.grouped")
    assert entry.ormas == city_ormas and entry.actor == city_officer and entry.data["into"] == first.pk


def test_it_suggests_duplicates_by_similar_text(city_officer):
    first = _complaint(description="Ormas berseragam hitam memungut uang keamanan dari pedagang Pasar Besar")
    second = _complaint(description="Pedagang Pasar Besar dipungut uang keamanan oleh ormas berseragam hitam")
    assert first in [c for c, _ in likely_duplicates(second, Complaint.objects.all())]


def test_it_keeps_groups_flat(city_officer, city_ormas):
    first, second, third = _complaint(city_ormas), _complaint(city_ormas), _complaint(city_ormas)
    actions.group_complaint(second, first, by=city_officer)
    actions.group_complaint(third, second, by=city_officer)  # into a grouped one → its head
    third.refresh_from_db()
    assert third.group == first
    with pytest.raises(ValidationError):
        actions.group_complaint(first, first, by=city_officer)


def test_it_refers_a_crime_to_the_police_with_a_letter(client, city_officer, city_ormas):
    complaint = _complaint(city_ormas)
    client.force_login(city_officer)
    client.post(reverse("complaints:start-triage", args=[complaint.pk]))
    response = client.post(
        reverse("complaints:refer", args=[complaint.pk]),
        {"police_unit": "Kepala Kepolisian Resor Kota Palangka Raya", "summary": "Dugaan pemerasan."},
    )
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.status == "referred_to_police"
    letter = complaint.referral_letter
    assert letter is not None and letter.kind == "police-referral" and letter.office == complaint.office
    assert letter.addressee == "Kepala Kepolisian Resor Kota Palangka Raya" and letter.ormas == city_ormas
    assert "Siti" not in letter.body  # the complainant stays out of the letter
    assert Entry.objects.filter(action="complaint.referred_to_police", ormas=city_ormas).exists()
    assert Entry.objects.filter(action="complaint.triage_started", actor=city_officer).exists()


def test_it_opens_a_case_from_a_complaint(city_officer, city_ormas):
    complaint = _complaint(city_ormas)
    actions.start_triage(complaint, by=city_officer)
    case = actions.open_case_from_complaint(complaint, by=city_officer, summary="Pungutan liar berulang.")
    complaint.refresh_from_db()
    assert complaint.status == "case_opened" and case.ormas == city_ormas
    assert list(case.complaints.all()) == [complaint]
    assert Entry.objects.filter(action="complaint.case_opened", ormas=city_ormas).exists()


def test_it_opens_a_case_about_an_unregistered_group(client, city_officer):
    complaint = _complaint()
    actions.start_triage(complaint, by=city_officer)
    client.force_login(city_officer)
    client.post(reverse("complaints:open-case", args=[complaint.pk]), {"summary": "Kelompok tak terdaftar."})
    complaint.refresh_from_db()
    assert complaint.status == "case_opened" and complaint.cases.get().subject_name == "Kelompok berseragam hitam"


def test_it_marks_not_actionable_and_closes(city_officer):
    complaint = _complaint()
    actions.start_triage(complaint, by=city_officer)
    with pytest.raises(ValidationError):
        actions.mark_not_actionable(complaint, by=city_officer, reason=" ")
    actions.mark_not_actionable(complaint, by=city_officer, reason="Urusan perdata antar warga.")
    actions.close_complaint(complaint, by=city_officer)
    complaint.refresh_from_db()
    assert complaint.status == "closed" and complaint.closed_at is not None
    codes = set(Entry.objects.filter(subject_id=str(complaint.pk)).values_list("action", flat=True))
    assert {"complaint.marked_not_actionable", "complaint.closed"} <= codes


def test_it_refuses_moves_the_table_does_not_list(client, city_officer):
    complaint = _complaint()
    with pytest.raises(ValidationError):
        actions.close_complaint(complaint, by=city_officer)
    client.force_login(city_officer)
    client.post(reverse("complaints:not-actionable", args=[complaint.pk]), {"reason": "x"})
    complaint.refresh_from_db()
    assert complaint.status == "received"


def test_it_lets_only_handling_officers_act(agency_member, kotim_officer):
    complaint = _complaint()
    for user in (agency_member, kotim_officer):
        with pytest.raises(PermissionDenied):
            actions.start_triage(complaint, by=user)
    pimpinan_kotim = make_user("leader.kotim", Role.LEADER, office_code="62.02")
    with pytest.raises(PermissionDenied):
        actions.start_triage(complaint, by=pimpinan_kotim)


def test_it_shows_public_progress_but_never_the_internal_note(client, city_officer):
    complaint = _complaint()
    client.force_login(city_officer)
    client.post(
        reverse("complaints:progress", args=[complaint.pk]),
        {"public_progress": "Petugas akan memanggil pengurus.", "internal_note": "Informan: pak RT"},
    )
    complaint.refresh_from_db()
    assert complaint.public_progress == "Petugas akan memanggil pengurus."
    assert Entry.objects.filter(action="complaint.progress_updated").exists()


@pytest.mark.parametrize("into", ["abc", "99999999999999999999", "", "1.5", "-1"])
def test_merging_into_something_that_is_not_a_complaint_id_answers_404(client, province_officer, into):
    complaint = _complaint()
    client.force_login(province_officer)
    response = client.post(reverse("complaints:group", args=[complaint.pk]), {"into": into})
    assert response.status_code == 404
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.RECEIVED
