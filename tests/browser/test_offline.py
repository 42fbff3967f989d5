"""The field pages survive a reload without signal (issue 10, the guide's field rule; docs/decisions/0010): the
service worker keeps the check-in page, the live minutes and the field report form, and what the officer does
offline is sent when the signal returns. On a 390 px phone."""

import datetime as dt
import importlib

import pytest
import segno
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import Role
from coordination import actions as coordination
from coordination import passes
from coordination.models import Attendance
from coordination.tests.helpers import agency
from fieldreports import actions as report_actions
from fieldreports.models import FieldReport
from fieldreports.tests.helpers import complete_values
from guidance import actions
from guidance.models import CheckIn
from guidance.tests.helpers import accepted, account_of, make_event, make_programme
from tests.browser.helpers import screenshot
from wadah.lib import checkin
from wadah.testing import make_ormas, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
OFFLINE_NOISE = r"net::ERR_INTERNET_DISCONNECTED|htmx:sendError|htmx:afterRequest"


@pytest.fixture(autouse=True)
def guidance_reference_data(reference_data):
    from django.apps import apps

    importlib.import_module("guidance.migrations.0002_reference_data").load(apps, None)


def _kept(page) -> None:
    """Wait until the service worker says it keeps this page (offline.js sets data-offline-ready)."""
    expect(page.locator("html")).to_have_attribute("data-offline-ready", "1", timeout=15_000)


def _reload_offline(page) -> None:
    page.context.set_offline(True)
    page.reload()
    expect(page.locator("[data-offline-note]")).to_be_visible()


def test_check_in_page_reloads_offline_and_syncs_when_the_signal_returns(new_page, problems):
    problems.allowed.append(OFFLINE_NOISE)
    officer = make_user("officer.pky", Role.OFFICER, office_code="62.71")
    ormas = make_ormas()
    programme = make_programme(officer)
    start = timezone.now() + dt.timedelta(minutes=5)
    event = make_event(programme, officer, starts_at=start, ends_at=start + dt.timedelta(hours=5))
    invitations, _ = actions.invite(event, [ormas], by=officer, reason="Pengurus baru")
    accepted(invitations[0], account_of(ormas), names=("Budi Santoso", "Siti Aminah"))
    budi = event.participants.get(name="Budi Santoso")

    phone = new_page(officer, viewport=PHONE)
    phone.goto(f"/pembinaan/acara/{event.pk}/hadir/")
    expect(phone.locator("#cache-note")).not_to_be_empty()
    _kept(phone)
    expect(phone.locator("[data-offline-note]")).to_contain_text("tanpa sinyal")

    _reload_offline(phone)
    expect(phone.locator("h1")).to_have_text("Kehadiran")
    expect(phone.locator("#net-status")).to_contain_text("Luring")
    phone.fill("#code-input", budi.code)
    phone.click("#code-form button[type=submit]")
    expect(phone.locator("#pending-count")).to_have_text("1")
    screenshot(phone, "offline-checkin-reloaded-phone")
    assert not CheckIn.objects.exists()

    phone.context.set_offline(False)  # the browser fires "online": the queue is sent
    expect(phone.locator("#pending-count")).to_have_text("0", timeout=15_000)
    expect(phone.locator(f"#roster li[data-id='{budi.pk}'] .badge.bg-green-lt")).to_be_visible()
    assert CheckIn.objects.get().participant == budi
    expect(phone.locator("[data-offline-note]")).not_to_contain_text("Tanpa sinyal")


def test_field_report_draft_reloads_offline_and_is_saved_when_the_signal_returns(new_page, problems):
    problems.allowed.append(OFFLINE_NOISE)
    member = make_user("anggota.polda", Role.AGENCY_MEMBER, agency="Polda")
    report = report_actions.create_report(by=member, **complete_values(observations="Pengamatan awal."))

    phone = new_page(member, viewport=PHONE)
    phone.goto(f"/laporan-lapangan/{report.pk}/ubah/")
    _kept(phone)
    _reload_offline(phone)
    expect(phone.locator("#id_observations")).to_have_value("Pengamatan awal.")
    phone.fill("#id_observations", "Pengamatan awal. Ditulis tanpa sinyal di lapangan.")
    phone.locator("#id_place").focus()
    # Saving without signal keeps the text on the phone and says so, instead of the browser's error page.
    phone.click("button[name=save]")
    expect(phone.locator("#autosave-status")).to_contain_text("tanpa sinyal", ignore_case=True)
    screenshot(phone, "offline-field-report-reloaded-phone")
    assert FieldReport.objects.get().observations == "Pengamatan awal."

    phone.context.set_offline(False)  # "online": the draft is saved
    expect(phone.locator("#autosave-status")).to_contain_text("Draf disimpan", timeout=15_000)
    assert FieldReport.objects.get().observations == "Pengamatan awal. Ditulis tanpa sinyal di lapangan."

    # Reloading offline again shows the device's newer text, not the page as it was first kept.
    phone.context.set_offline(True)
    phone.reload()
    expect(phone.locator("#id_observations")).to_have_value("Pengamatan awal. Ditulis tanpa sinyal di lapangan.")


def test_pages_that_are_not_field_pages_are_never_kept_and_signing_out_forgets_them(new_page, problems):
    problems.allowed.append(OFFLINE_NOISE)
    member = make_user("anggota.polda", Role.AGENCY_MEMBER, agency="Polda")
    report = report_actions.create_report(by=member, **complete_values())
    page = new_page(member, viewport=PHONE)
    page.goto(f"/laporan-lapangan/{report.pk}/ubah/")
    _kept(page)
    page.goto("/laporan-lapangan/")  # a list: signed-in HTML the worker must not keep
    kept = page.evaluate(
        """async () => { const out = [];
             for (const name of await caches.keys()) {
               if (!name.startsWith('wadah-pages-')) continue;
               for (const r of await (await caches.open(name)).keys()) out.push(new URL(r.url).pathname);
             } return out; }"""
    )
    assert kept == [f"/laporan-lapangan/{report.pk}/ubah/"]
    page.context.set_offline(True)
    with pytest.raises(Exception, match="ERR_FAILED|ERR_INTERNET_DISCONNECTED"):
        page.reload()
    page.context.set_offline(False)

    # Signed out: the next page forgets every kept page.
    page.goto("/laporan-lapangan/")
    page.locator("form[action$='/akun/keluar/'] button").evaluate("b => b.form.submit()")
    page.wait_for_url("**/akun/masuk/**")
    forgotten = "async () => (await caches.keys()).filter(n => n.startsWith('wadah-pages-')).length === 0"
    for _attempt in range(20):
        if page.evaluate(forgotten):
            break
        page.wait_for_timeout(250)
    assert page.evaluate(forgotten)


def test_the_worker_script_is_served_at_the_root_with_its_version(new_page):
    page = new_page()
    response = page.request.get("/sw.js")
    assert response.ok
    assert response.headers["content-type"].startswith("text/javascript")
    assert response.headers["service-worker-allowed"] == "/"
    assert response.text().startswith('self.WADAH_OFFLINE = {"version": "')


def test_meeting_attendance_by_qr_pass_on_a_phone_with_the_signal_dropped(new_page, problems, tmp_path):
    """Issue 13: each expected person has a pass; the secretariat scans it (a photo of the QR here) or types its
    code on a phone, without signal after a reload, and the list is complete once the signal returns."""

    problems.allowed.append(OFFLINE_NOISE)
    officer = make_user("officer.prov", Role.OFFICER, office_code="62")
    leader = make_user("leader", Role.LEADER, office_code="62")
    polda = make_user("polda.rep", Role.AGENCY_MEMBER, agency="Polda")
    team = coordination.create_team(by=officer, name="Tim Terpadu Provinsi", kind="tim_terpadu", region_code="62")
    today = timezone.localdate()
    version = coordination.add_roster_version(
        team, by=officer, sk_number="188.44/7/2026", sk_date=today, valid_from=today - dt.timedelta(days=1)
    )
    coordination.add_roster_member(version, by=officer, name="Kepala Badan", agency=agency("Kesbangpol"), role="ketua")
    coordination.add_roster_member(version, by=officer, name="Dir Intelkam", agency=agency("Polda"), user=polda)
    coordination.add_roster_member(version, by=officer, name="Kabinda", agency=agency("BINDA"))
    meeting = coordination.schedule_meeting(
        team, by=officer, kind="rakor", title="Rakor Ormas I", date=today, chair=leader, venue="Aula Kesbangpol"
    )
    seats = {seat.name: seat for seat in passes.expected(meeting)}

    # The Polda member sees their own pass on the meeting's page (on their phone).
    member = new_page(polda, viewport=PHONE)
    member.goto(meeting.get_absolute_url())
    expect(member.locator("img.checkin-qr")).to_have_count(1)
    screenshot(member, "coordination-my-pass-phone")

    # The secretariat prints the passes, then opens the scanner on a phone and loses the signal.
    desk = new_page(officer)
    desk.goto(f"/koordinasi/rapat/{meeting.pk}/kartu-hadir/")
    expect(desk.locator(".pass-card")).to_have_count(3)
    screenshot(desk, "coordination-passes-desktop")
    qr_png = tmp_path / "pass.png"
    segno.make(seats["Dir Intelkam"].qr_payload(meeting), error="m").save(str(qr_png), scale=8, border=4)
    phone = new_page(officer, viewport=PHONE)
    phone.goto(meeting.get_absolute_url())
    phone.click("a[href$='/hadir/pindai/']")
    expect(phone.locator("#cache-note")).not_to_be_empty()
    phone.wait_for_function("window.QrScanner !== undefined")
    _kept(phone)
    _reload_offline(phone)
    phone.wait_for_function("window.QrScanner !== undefined")
    phone.set_input_files("#scan-file", str(qr_png))
    expect(phone.locator("#pending-count")).to_have_text("1")
    # Kabinda's code typed as printed (groups of four, capitals from the keyboard).
    phone.fill("#code-input", checkin.grouped(seats["Kabinda"].code(meeting)).upper())
    phone.click("#code-form button[type=submit]")
    expect(phone.locator("#pending-count")).to_have_text("2")
    phone.fill("#walkin-name", "Wartawan Tabengan")
    phone.click("#walkin-form button[type=submit]")
    expect(phone.locator("#pending-count")).to_have_text("3")
    screenshot(phone, "coordination-qr-attendance-offline-phone")
    assert not Attendance.objects.exists()

    phone.context.set_offline(False)
    expect(phone.locator("#pending-count")).to_have_text("0", timeout=15_000)
    expect(phone.locator("#present-count")).to_have_text("3")
    assert set(Attendance.objects.values_list("name", "method")) == {
        ("Dir Intelkam", "qr"),
        ("Kabinda", "qr"),
        ("Wartawan Tabengan", "manual"),
    }
    desk.goto(meeting.get_absolute_url())
    expect(desk.locator("#hadir")).to_contain_text("(QR)")
    screenshot(desk, "coordination-meeting-attendance-desktop")
