"""Issue 11 item 7: letters as a real register — starting number, classification codes, validity, signed scans,
and what public verification shows of internal supervision letters."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audit.models import Entry
from letters import actions
from letters.models import Letter, LetterClassification, LetterFormat, NumberSequence, SignedScan
from services.tests.helpers import PDF

pytestmark = pytest.mark.django_db


def _issue(office, by, kind="presence-letter", **extra):
    return actions.issue_letter(
        office=office,
        kind=kind,
        title="Surat",
        subject="Perihal",
        body="Isi",
        by=by,
        signatory_name="Kepala",
        signatory_position="Kepala Badan",
        **extra,
    )


def test_a_register_moved_mid_year_goes_on_from_the_paper_register(city_officer):
    office = city_officer.office
    fmt = LetterFormat.for_office(office)
    year = dt.date.today().year
    actions.set_starting_number(fmt, year=year, number=148, by=None)
    letter = _issue(office, city_officer)
    assert letter.sequence == 148 and "/148/" in letter.number
    assert Entry.objects.filter(action="letter.numbering_started").exists()
    # A number already used cannot start the register again (no duplicates, nothing changed).
    with pytest.raises(ValidationError, match="already issued letters up to number 148"):
        actions.set_starting_number(fmt, year=year, number=100, by=None)
    assert NumberSequence.objects.get(office=office, year=year).last_number == 148


def test_the_starting_number_applies_to_a_year_not_yet_begun(city_officer):
    office = city_officer.office
    fmt = LetterFormat.for_office(office)
    LetterFormat.objects.filter(pk=fmt.pk).update(starting_number=31, starting_year=2031)
    letter = _issue(office, city_officer, issued_on=dt.date(2031, 2, 1))
    assert letter.sequence == 31


def test_each_letter_kind_carries_its_classification_code(city_officer):
    office = city_officer.office
    LetterFormat.objects.filter(pk=LetterFormat.for_office(office).pk).update(pattern="{code}/{seq}/Kesbangpol/{year}")
    invitation = _issue(office, city_officer, kind="event-invitation")
    assert invitation.classification_code == "005" and invitation.number.startswith("005/")
    LetterClassification.objects.filter(kind="presence-letter").update(code="200.2")
    assert _issue(office, city_officer).number.startswith("200.2/")
    assert LetterClassification.objects.get(kind="written-warning").is_unverified


def test_a_signed_scan_is_sniffed_private_and_permission_checked(client, city_officer, kotim_officer, agency_member):
    letter = _issue(city_officer.office, city_officer)
    with pytest.raises(ValidationError):
        actions.attach_signed_scan(
            letter, by=city_officer, upload=SimpleUploadedFile("x.pdf", b"MZ\\x90 not a pdf", "application/pdf")
        )
    with pytest.raises(PermissionDenied):
        actions.attach_signed_scan(letter, by=kotim_officer, upload=SimpleUploadedFile("s.pdf", PDF))
    assert not SignedScan.objects.exists()
    scan = actions.attach_signed_scan(letter, by=city_officer, upload=SimpleUploadedFile("s.pdf", PDF))
    assert scan.content_type == "application/pdf" and Entry.objects.filter(action="letter.scan_attached").exists()
    client.force_login(kotim_officer)
    assert client.get(reverse("letters:scan", args=[scan.pk])).status_code == 404
    client.force_login(city_officer)
    response = client.get(reverse("letters:scan", args=[scan.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")


def test_the_upload_page_refuses_a_fake_pdf_with_a_message(client, city_officer):
    letter = _issue(city_officer.office, city_officer)
    client.force_login(city_officer)
    response = client.post(
        reverse("letters:scan-attach", args=[letter.pk]), {"file": SimpleUploadedFile("x.pdf", b"GIF89a....")}
    )
    assert response.status_code == 400 and not SignedScan.objects.exists()


def test_the_qr_page_of_a_supervision_letter_confirms_authenticity_only(client, city_officer, city_ormas):
    warning = _issue(city_officer.office, city_officer, kind="written-warning", ormas=city_ormas)
    Letter.objects.filter(pk=warning.pk).update(subject="Pungutan liar di pasar", title="Peringatan Tertulis")
    response = client.get(reverse("portal:letter-verify", args=[warning.public_id]))
    assert response.status_code == 200 and response.context["restricted"]
    text = response.text
    assert warning.number in text and "UU 14/2008" in text
    assert "Pungutan liar" not in text and city_ormas.name not in text and "Peringatan Tertulis" not in text
    api = client.get(f"/api/v1/letters/{warning.public_id}").json()
    assert api["status"] == "valid" and api["subject"] is None and api["ormas_name"] is None
    # The public lookup by number never finds it, even with the date and the check code.
    response = client.get(
        reverse("portal:letter-lookup"),
        {"number": warning.number, "issued_on": warning.issued_on.isoformat(), "check_code": warning.check_code},
    )
    assert response.status_code == 200 and response.context["letters"] == []


def test_the_lookup_by_number_is_rate_limited(client, city_officer):
    letter = _issue(city_officer.office, city_officer)
    params = {"number": "220/999/Kesbangpol/2026", "issued_on": letter.issued_on.isoformat(), "check_code": "ABCD-EF12"}
    statuses = [client.get(reverse("portal:letter-lookup"), params).status_code for _ in range(40)]
    assert 429 in statuses and statuses[0] == 200
