"""Guidance in a real browser (issue 10 item 9): plan a programme, invite by assessment gap, the Ormas accepts with
two participants, check in by QR on a phone with the network switched off and back on, print the list, verify a
certificate, assess again and see the change."""

import datetime as dt
import importlib

import pytest
import segno
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import Role
from guidance import actions
from guidance.models import Certificate, CheckIn, Event, Invitation, Participant, Programme
from guidance.tests.helpers import account_of, assess
from regions.models import Region
from tests.browser.helpers import screenshot
from wadah.testing import make_ormas, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture(autouse=True)
def guidance_reference_data(reference_data):
    from django.apps import apps

    importlib.import_module("guidance.migrations.0002_reference_data").load(apps, None)


def test_plan_invite_accept_check_in_offline_print_verify_and_reassess(new_page, tmp_path, problems):
    problems.allowed.append(r"ERR_INTERNET_DISCONNECTED")  # the phone's sync attempts while offline
    officer = make_user("officer.pky", Role.OFFICER, office_code="62.71")
    officer.first_name, officer.last_name = "Rina", "Petugas"
    officer.save()
    ormas = make_ormas()
    make_ormas(name="Ormas Kuat Sekali", abbreviation="OKS", skt_number="7/7/2022")
    assess(ormas, officer, level=3, keuangan=1, on=dt.date.today() - dt.timedelta(days=30))
    account = account_of(ormas)

    # 1. Plan the programme.
    page = new_page(officer)
    page.goto("/pembinaan/baru/")
    page.fill("#id_name", "Bimtek tata kelola keuangan Ormas 2027")
    page.select_option("#id_programme_type", label="Bimbingan teknis (bimtek)")
    page.select_option("#id_region_code", "62.71")
    page.fill("#id_goals", "Ormas menyusun laporan keuangan")
    page.fill("#id_starts_on", (dt.date.today() - dt.timedelta(days=1)).isoformat())
    page.fill("#id_ends_on", (dt.date.today() + dt.timedelta(days=30)).isoformat())
    page.check("input[name=focus_dimensions][value=keuangan]")
    page.click("button[type=submit].btn-primary")
    programme = Programme.objects.get()
    expect(page).to_have_url(f"{page.url.split('/pembinaan')[0]}/pembinaan/{programme.pk}/")
    screenshot(page, "guidance-programme-desktop")
    start = timezone.now() + dt.timedelta(minutes=5)
    event = actions.create_event(
        programme,
        by=officer,
        title="Bimtek hari 1",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=5),
        venue_name="Aula Kesbangpol",
        venue_region=Region.objects.get(code="62.71.01.1001"),
        capacity=20,
    )

    # 2. Invite by the assessment gap: the weak Ormas is suggested, the strong one not.
    page.goto(f"/pembinaan/acara/{event.pk}/undang/")
    suggestions = page.locator("#suggestions li")
    expect(suggestions).to_have_count(1)
    expect(suggestions.first).to_contain_text("Ikatan Pemuda Tepian Kahayan")
    suggestions.first.locator("input[name=ormas]").check()
    page.click("button[type=submit].btn-primary")
    invitation = Invitation.objects.get()
    assert invitation.source == "suggestion" and "Keuangan 25/100" in invitation.reason

    # 3. The Ormas accepts with two participants (on a phone).
    ormas_page = new_page(account, viewport=PHONE)
    ormas_page.goto(f"/pembinaan/undangan-saya/{invitation.pk}/")
    ormas_page.fill("#id_p-0-name", "Budi Santoso")
    ormas_page.fill("#id_p-0-position", "Bendahara")
    ormas_page.fill("#id_p-1-name", "Siti Aminah")
    ormas_page.fill("#id_p-1-position", "Sekretaris")
    ormas_page.click("button[name=accept]")
    expect(ormas_page.locator(".checkin-qr")).to_have_count(2)
    screenshot(ormas_page, "guidance-ormas-invitation-phone")
    budi, siti = Participant.objects.order_by("name")

    # 4. Check-in on the officer's phone, offline: a QR photo and a tick, queued; synced when back online.
    qr_png = tmp_path / "qr.png"
    segno.make(budi.qr_payload, error="m").save(str(qr_png), scale=8, border=4)
    phone = new_page(officer, viewport=PHONE)
    phone.goto(f"/pembinaan/acara/{event.pk}/hadir/")
    expect(phone.locator("#cache-note")).not_to_be_empty()
    phone.wait_for_function("window.QrScanner !== undefined")
    phone.wait_for_timeout(500)  # the decoding engine loads while online
    phone.context.set_offline(True)
    phone.set_input_files("#scan-file", str(qr_png))
    expect(phone.locator("#pending-count")).to_have_text("1")
    phone.locator(f"#roster li[data-id='{siti.pk}'] .js-tick").click()
    expect(phone.locator("#pending-count")).to_have_text("2")
    expect(phone.locator("#roster .badge.bg-orange-lt")).to_have_count(2)
    screenshot(phone, "guidance-checkin-offline-phone")
    assert not CheckIn.objects.exists()
    phone.context.set_offline(False)
    phone.click("#sync-now")
    expect(phone.locator("#pending-count")).to_have_text("0")
    expect(phone.locator("#roster .badge.bg-green-lt")).to_have_count(2)
    assert CheckIn.objects.count() == 2
    # A second scan of the same code is refused on the phone itself.
    phone.set_input_files("#scan-file", str(qr_png))
    expect(phone.locator("#scan-result")).to_have_class("alert alert-warning")
    assert CheckIn.objects.count() == 2
    screenshot(phone, "guidance-checkin-synced-phone")

    # 5. Print the attendance list.
    pdf = page.request.get(f"/pembinaan/acara/{event.pk}/daftar-hadir.pdf")
    assert pdf.ok and pdf.body().startswith(b"%PDF")

    # 6. Held, certificates, and the public verification of one.
    Event.objects.filter(pk=event.pk).update(starts_at=timezone.now() - dt.timedelta(minutes=1))
    page.goto(event.get_absolute_url())
    page.click(f"form[action$='/acara/{event.pk}/langkah/terlaksana/'] button")
    page.click(f"form[action$='/acara/{event.pk}/langkah/sertifikat/'] button")
    assert Certificate.objects.count() == 2
    screenshot(page, "guidance-event-desktop")
    certificate = Certificate.objects.get(participant=budi)
    public = new_page()
    public.goto(certificate.get_verify_path())
    expect(public.locator(".verdict")).to_be_visible()
    expect(public.locator("dl")).to_contain_text("Budi Santoso")
    expect(public.locator("dl")).not_to_contain_text("Ikatan Pemuda")

    # 7. Assess again: the change shows in the table beside the radar chart.
    page.goto(f"/pembinaan/kapasitas/ormas/{ormas.pk}/nilai/")
    for group in page.locator("[role=radiogroup]").all():
        group.locator("input[type=radio]").nth(3).check()
    page.click("button[type=submit].btn-primary")
    expect(page.locator("#radar-table")).to_be_visible()
    expect(page.locator("#radar-table tbody tr").nth(1)).to_contain_text("+50")
    expect(page.locator("#radar canvas")).to_have_count(1)
    screenshot(page, "guidance-capacity-desktop")
    page.set_viewport_size(PHONE)
    screenshot(page, "guidance-capacity-phone")
