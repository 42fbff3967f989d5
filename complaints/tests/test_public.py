"""The public complaint pages: submission, tracking code, status page, and the anti-abuse measures."""

import re
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audit.models import Entry
from complaints import abuse
from complaints.models import Complaint, ComplaintAttachment, hash_code, normalise_code
from regions.models import Region

from .helpers import form_data, old_token, pdf, png

pytestmark = pytest.mark.django_db
NEW = reverse("portal:complaint-new")
DONE = reverse("portal:complaint-done")
STATUS = reverse("portal:complaint-status")


def _code_from(client) -> str:
    page = client.get(DONE).content.decode()
    match = re.search(r"tracking-code[^>]*>([0-9A-Z-]+)<", page)
    assert match, page
    return match.group(1)


def test_it_shows_the_start_page_to_anyone(client):
    page = client.get(reverse("portal:complaint-start"))
    assert page.status_code == 200
    assert "110" in page.content.decode()


def test_it_links_the_complaint_form_from_the_home_page(client):
    assert reverse("portal:complaint-start") in client.get(reverse("portal:home")).content.decode()


def test_it_takes_an_anonymous_complaint_and_shows_the_code_once(client):
    response = client.post(NEW, form_data())
    assert response.status_code == 302 and response["Location"] == DONE
    complaint = Complaint.objects.get()
    assert complaint.channel == "web" and complaint.status == "received" and complaint.is_anonymous
    assert complaint.office.region_id == "62.71" and complaint.triage_due_on is not None
    code = _code_from(client)
    assert re.fullmatch(r"([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}", code)
    assert complaint.code_hash == hash_code(code) and complaint.code_prefix == code[:4]
    assert code not in str(Complaint.objects.values().get())  # only the hash is kept
    second = client.get(DONE).content.decode()
    assert code not in second and "already been shown" in second
    assert Entry.objects.filter(action="complaint.received").count() == 1


def test_it_takes_a_complaint_about_a_registered_ormas_with_contact_and_files(client, city_ormas):
    data = form_data(
        ormas=str(city_ormas.public_id),
        ormas_text="",
        complainant_name="Siti",
        complainant_phone="0812",
        complainant_email="siti@example.org",
        attachments=[pdf(), png()],
    )
    assert client.post(NEW, data).status_code == 302
    complaint = Complaint.objects.get()
    assert complaint.ormas == city_ormas and complaint.complainant_name == "Siti"
    assert complaint.attachments.count() == 2
    assert set(complaint.attachments.values_list("content_type", flat=True)) == {"application/pdf", "image/png"}
    entry = Entry.objects.get(action="complaint.received")
    assert entry.ormas == city_ormas and "Siti" not in str(entry.data) and "0812" not in str(entry.data)


def test_it_accepts_a_kecamatan_without_a_village(client):
    assert client.post(NEW, form_data(region_code="")).status_code == 302
    assert Complaint.objects.get().region_id == "62.71.01"


def test_it_requires_an_ormas_or_a_description_of_it(client):
    page = client.post(NEW, form_data(ormas_text=""))
    assert page.status_code == 200 and "Choose the Ormas from the list or describe it" in page.content.decode()
    assert not Complaint.objects.exists()


def test_it_searches_registered_ormas_showing_only_public_facts(client, city_ormas):
    page = client.get(reverse("portal:complaint-ormas-search"), {"q": "Tepian Kahayan"}).content.decode()
    assert city_ormas.name in page and Region.objects.get(code="62.71").name in page
    assert city_ormas.address not in page and city_ormas.skt_number not in page


def test_it_gives_region_options_on_the_public_form(client):
    page = client.get(reverse("portal:complaint-regions"), {"regency": "62.71"}).content.decode()
    assert 'value="62.71.01"' in page
    assert 'value="11.' not in client.get(reverse("portal:complaint-regions"), {"regency": "11.01"}).content.decode()


def test_it_refuses_a_mistyped_attachment_and_saves_nothing(client):
    fake = SimpleUploadedFile("foto.jpg", b"MZ\x90\x00 this is an exe", content_type="image/jpeg")
    page = client.post(NEW, form_data(attachments=[fake]))
    assert page.status_code == 200 and "not an accepted type" in page.content.decode()
    assert not Complaint.objects.exists() and not ComplaintAttachment.objects.exists()


def test_it_refuses_an_oversized_attachment_and_saves_nothing(client, settings):
    settings.WADAH_MAX_DOCUMENT_MB = 1
    big = SimpleUploadedFile("besar.pdf", b"%PDF-1.4\n" + b"0" * (2 * 1024 * 1024), content_type="application/pdf")
    page = client.post(NEW, form_data(attachments=[big]))
    assert page.status_code == 200 and "the limit is 1 MB" in page.content.decode()
    assert not Complaint.objects.exists()


def test_it_refuses_more_than_five_files(client):
    page = client.post(NEW, form_data(attachments=[pdf(f"{i}.pdf") for i in range(6)]))
    assert page.status_code == 200 and "at most 5 files" in page.content.decode()
    assert not Complaint.objects.exists()


def test_it_drops_a_honeypot_submission_silently(client):
    response = client.post(NEW, form_data(website="http://spam.example"))
    assert response.status_code == 302
    assert not Complaint.objects.exists()
    assert "already been shown" in client.get(DONE).content.decode()


def test_it_refuses_a_submission_sent_too_quickly(client):
    page = client.post(NEW, form_data(started=old_token(1)))
    assert page.status_code == 200 and "too quickly" in page.content.decode()
    assert not Complaint.objects.exists()


def test_it_refuses_a_forged_or_missing_timestamp(client):
    assert "too quickly" in client.post(NEW, form_data(started="123:forged")).content.decode()
    assert "too quickly" in client.post(NEW, form_data(started="")).content.decode()
    assert not Complaint.objects.exists()


def test_it_limits_submissions_per_address(client):
    for _ in range(5):
        assert client.post(NEW, form_data()).status_code == 302
    refused = client.post(NEW, form_data())
    assert refused.status_code == 429 and "try again later" in refused.content.decode()
    assert Complaint.objects.count() == 5
    # Another address is not affected.
    assert client.post(NEW, form_data(), REMOTE_ADDR="10.9.8.7").status_code == 302


def test_it_stores_a_keyed_hash_of_the_address_not_the_address(client):
    client.post(NEW, form_data(), REMOTE_ADDR="203.0.113.5")
    complaint = Complaint.objects.get()
    assert complaint.ip_hash and "203.0.113.5" not in complaint.ip_hash and len(complaint.ip_hash) == 64


def test_it_shows_progress_for_the_right_code_and_nothing_sensitive(client, city_ormas):
    client.post(NEW, form_data(ormas=str(city_ormas.public_id), complainant_name="Budi Rahasia"))
    code = _code_from(client)
    complaint = Complaint.objects.get()
    complaint.internal_note = "Catatan internal petugas"
    complaint.public_progress = "Sedang ditelaah"
    complaint.save()
    page = client.post(STATUS, {"code": code.lower().replace("-", " ")})
    text = page.content.decode()
    assert page.status_code == 200 and "Sedang ditelaah" in text and "Received" in text
    assert '<meta name="robots" content="noindex">' in text and page["X-Robots-Tag"].startswith("noindex")
    for secret in ("Budi Rahasia", "Catatan internal", city_ormas.name, "Pasar Besar"):
        assert secret not in text


def test_it_answers_a_wrong_code_with_not_found_and_no_detail(client):
    client.post(NEW, form_data())
    page = client.post(STATUS, {"code": "0000-0000-0000-0000-0000"})
    assert page.status_code == 200 and "No report was found" in page.content.decode()


def test_it_answers_lookups_no_faster_than_the_floor(client, monkeypatch):
    monkeypatch.setattr(abuse, "LOOKUP_FLOOR_SECONDS", 0.2)
    started = time.monotonic()
    client.post(STATUS, {"code": "ABCD-EFGH-JKMN-PQRS-TVWX"})
    assert time.monotonic() - started >= 0.2


def test_it_limits_lookups_per_address(client):
    for _ in range(10):
        assert client.post(STATUS, {"code": "ABCD"}).status_code == 200
    refused = client.post(STATUS, {"code": "ABCD"})
    assert refused.status_code == 429


def test_it_reads_look_alike_letters_as_digits():
    assert normalise_code("k7q2-9mxd-ioul") == "K7Q29MXD10V1"


def test_it_limits_lookups_of_one_report_spread_over_many_addresses(client, monkeypatch):
    """Guesses at one known reference from many addresses: the per-address limit never trips, the per-report one does."""
    monkeypatch.setattr(abuse, "LOOKUP_FLOOR_SECONDS", 0)
    client.post(NEW, form_data())
    code = _code_from(client)
    reference = code.split("-")[0]
    for n in range(20):
        guess = f"{reference}-{n:04d}-0000-0000-0000"
        assert client.post(STATUS, {"code": guess}, REMOTE_ADDR=f"10.0.{n}.1").status_code == 200
    refused = client.post(STATUS, {"code": code}, REMOTE_ADDR="10.9.9.9")
    assert refused.status_code == 429 and "too many times" in refused.content.decode()
    # Another report is not affected.
    other = "ZZZZ" if reference != "ZZZZ" else "YYYY"
    assert client.post(STATUS, {"code": f"{other}-0000-0000-0000-0000"}, REMOTE_ADDR="10.9.9.9").status_code == 200
