"""The services path in a real browser (issue 3): an Ormas secretary applies for lapor keberadaan from a phone, an
officer asks for a correction, the secretary corrects, the officer records the field check, the Pimpinan approves,
the letter's QR page says it is valid, and after revocation it says revoked."""

import re

import pytest
from playwright.sync_api import expect

from letters.models import Letter
from registry.models import Ormas
from services.models import Application
from tests.browser.helpers import screenshot
from wadah.testing import make_ormas, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + b"0" * 200
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 200 + b"\xff\xd9"


@pytest.fixture
def people():
    from accounts.models import Role

    # A provincial-level Ormas: the province office handles it, so the province officer and Pimpinan act on it.
    ormas = make_ormas(scope_level=Ormas.ScopeLevel.PROVINCE)
    secretary = make_user("sekretariat@iptk.example", Role.ORMAS_ACCOUNT)
    secretary.ormas = ormas
    secretary.email = "sekretariat@iptk.example"
    secretary.save()
    officer = make_user("officer.prov", Role.OFFICER, office_code="62")
    leader = make_user("kepala", Role.LEADER, office_code="62")
    return ormas, secretary, officer, leader


def _upload(page, name: str, data: bytes, mime: str = "application/pdf") -> None:
    page.set_input_files("main input[type=file]", files=[{"name": name, "mimeType": mime, "buffer": data}])
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()


def test_a_presence_report_goes_from_phone_to_a_verifiable_letter(new_page, people, live_server):
    ormas, secretary, officer, leader = people

    # The secretary, on a phone: start page → task list → data, documents (one wrong file first), statements.
    phone = new_page(secretary, viewport=PHONE)
    phone.goto("/layanan/saya/")
    phone.locator("a[href$='/mulai/presence-report/']").click()
    screenshot(phone, "services-01-start")
    phone.locator("main form button[type=submit]").click()
    tasks_url = phone.url
    phone.locator("a[href$='/isi/data/']").click()
    phone.fill("input[name=chapter_name]", "DPD IPTK Kalimantan Tengah")
    phone.fill("input[name=address]", "Jl. RTA Milono Km 2, Palangka Raya")
    phone.locator("main form button[type=submit]").click()
    uploads = [a.get_attribute("href") for a in phone.locator("#dokumen a[href*='/isi/dokumen/']").all()]
    assert uploads, "the checklist lists documents to upload"
    for index, href in enumerate(uploads):
        phone.goto(href)
        if index == 0:
            _upload(phone, "surat.pdf", b"not really a pdf" * 20)
            expect(phone.locator(".invalid-feedback, .alert-danger").first).to_be_visible()
        _upload(phone, f"dokumen-{index}.pdf", PDF)
    phone.goto(tasks_url)
    phone.locator("a[href$='/isi/pernyataan/']").click()
    phone.check("input[name=confirm]")
    phone.locator("main form button[type=submit]").click()
    phone.locator("a[href$='/periksa/']").click()
    screenshot(phone, "services-02-check-answers")
    phone.locator("main form button[type=submit]").click()
    reference = re.search(r"LYN-\d{4}-[A-Z0-9]{6}", phone.content()).group(0)
    screenshot(phone, "services-03-confirmation")
    application = Application.objects.get(reference=reference)
    assert application.status == "submitted" and application.decision_due is not None

    # The officer: work list → review → one document needs correction → ask for changes.
    desk = new_page(officer)
    desk.goto("/layanan/")
    expect(desk.locator("main")).to_contain_text(reference)
    desk.goto(f"/layanan/permohonan/{reference}/")
    desk.locator("form[action$='/tinjau/'] button").click()
    first = desk.locator("#dokumen tbody tr").first
    first.locator("input[name=reason]").fill("Tanda tangan ketua belum ada")
    first.locator("button[value=needs_correction]").click()
    expect(desk.locator("#dokumen tbody tr").first).to_contain_text("Tanda tangan ketua belum ada")
    for row in desk.locator("#dokumen tbody tr").all()[1:]:
        button = row.locator("button[value=valid]")
        if button.count():
            button.click()
            desk.wait_for_timeout(200)
    desk.fill("#perbaikan textarea[name=note]", "Mohon unggah ulang surat yang sudah ditandatangani.")
    desk.locator("#perbaikan button[type=submit]").click()
    application.refresh_from_db()
    assert application.status == "changes_requested"

    # The secretary sees what to fix and why, replaces the document, resubmits.
    phone.goto(f"/layanan/saya/{reference}/")
    expect(phone.locator("main")).to_contain_text("Tanda tangan ketua belum ada")
    screenshot(phone, "services-04-needs-correction")
    phone.goto(uploads[0])
    _upload(phone, "surat-ttd.pdf", PDF)
    phone.goto(f"/layanan/permohonan/{reference}/periksa/")
    phone.locator("main form button[type=submit]").click()
    application.refresh_from_db()
    assert application.status == "resubmitted"

    # The officer re-reviews, schedules and records the field check with a photo.
    desk.goto(f"/layanan/permohonan/{reference}/")
    desk.locator("form[action$='/tinjau/'] button").click()
    desk.locator("#dokumen tbody tr").first.locator("button[value=valid]").click()
    desk.wait_for_timeout(300)
    desk.fill("input[name=scheduled_for]", "2026-12-03")
    desk.select_option("select[name=officer]", index=1)
    desk.locator("#lapangan form button[type=submit]").click()
    desk.locator("#lapangan a.btn-primary").click()
    desk.check("input[name=result][value=found]")
    desk.fill("textarea[name=notes]", "Sekretariat ada, papan nama terpasang.")
    desk.set_input_files("input[name=photo]", files=[{"name": "foto.jpg", "mimeType": "image/jpeg", "buffer": JPEG}])
    desk.locator("main form button[type=submit]").click()

    # The Pimpinan approves: registry updated and the letter issued in one step.
    boss = new_page(leader)
    boss.goto(f"/layanan/permohonan/{reference}/")
    boss.check("input[name=decision][value=approve]")
    boss.locator("#putusan button[type=submit]").click()
    application.refresh_from_db()
    assert application.status == "approved" and application.letter is not None
    letter = application.letter
    assert ormas.chapters.filter(presence_letter_number=letter.number).exclude(buku_induk_number="").exists()
    screenshot(boss, "services-05-approved")

    # Anyone scanning the QR: valid today.
    public = new_page(viewport=PHONE)
    public.goto(f"/v/{letter.public_id}/")
    expect(public.locator("main")).to_contain_text(letter.number)
    expect(public.locator("main")).to_contain_text(re.compile("SAH|VALID"))
    screenshot(public, "services-06-qr-valid")

    # The office revokes it; the same QR page now says so, with the reason.
    boss.goto(f"/surat/{letter.pk}/")
    boss.fill("textarea[name=reason]", "Diterbitkan untuk kepengurusan yang keliru.")
    boss.check("input[name=confirm]")
    boss.locator("form[action$='/cabut/'] button[type=submit]").click()
    assert Letter.objects.get(pk=letter.pk).status == "revoked"
    public.reload()
    expect(public.locator("main")).to_contain_text(re.compile("DICABUT|REVOKED"))
    expect(public.locator("main")).to_contain_text("Diterbitkan untuk kepengurusan yang keliru.")
    screenshot(public, "services-07-qr-revoked")
