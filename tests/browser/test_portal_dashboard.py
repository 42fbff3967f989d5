"""Issue 14 in a real browser: the public path on a phone with axe-core, the dashboard map and its drill-down, a
recap built with progress and downloaded, a large export in the background."""

import datetime as dt
from pathlib import Path

import pytest
from playwright.sync_api import expect

from accounts.models import Office, Role
from insights import exports
from letters.actions import issue_letter
from tests.browser.helpers import screenshot
from wadah.testing import make_chapter, make_ormas, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 390, "height": 844}


def _axe(page) -> list[str]:
    """Serious and critical axe-core violations on the current page (axe injected from node_modules)."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async () => (await axe.run()).violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(' | '))"""
    )


@pytest.fixture
def letter_for_ormas():
    ormas = make_ormas()
    leader = make_user("kepala", Role.LEADER, office_code="62")
    letter = issue_letter(
        office=Office.objects.get(region_id="62"),
        kind="presence-letter",
        title="Surat Keterangan Keberadaan Organisasi",
        subject="Keterangan keberadaan",
        body="Menerangkan bahwa Ormas tersebut tercatat.",
        by=leader,
        signatory_name="Kepala Badan (uji)",
        signatory_position="Kepala Badan",
        ormas=ormas,
        issued_on=dt.date.today(),
    )
    return ormas, letter


def test_public_search_card_and_letter_check_on_a_phone_pass_axe(browser, live_server, letter_for_ormas):
    ormas, letter = letter_for_ormas
    # axe is injected as a script, which the pages' CSP (rightly) forbids; this context lets it in.
    context = browser.new_context(base_url=live_server.url, viewport=PHONE, locale="id-ID", bypass_csp=True)
    page = context.new_page()
    try:
        page.goto("/")
        assert _axe(page) == []
        page.get_by_role("link", name="Direktori Ormas").first.click()
        page.fill("#id_q", "tepian kahayan")
        page.get_by_role("button", name="Cari").click()
        assert _axe(page) == []
        screenshot(page, "14-directory-phone")
        page.get_by_role("link", name=ormas.name).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(ormas.name)
        expect(page.locator("body")).to_contain_text(ormas.skt_number)
        assert _axe(page) == []
        screenshot(page, "14-card-phone")
        page.goto("/verifikasi/")
        page.fill("#id_number", letter.number)
        page.fill("#id_issued_on", letter.issued_on.isoformat())
        page.fill("#id_check_code", letter.check_code)
        page.locator("main form button[type=submit]").click()
        expect(page.locator(".verdict")).to_have_text("SAH (BERLAKU)")
        assert _axe(page) == []
        screenshot(page, "14-letter-phone")
    finally:
        context.close()


def test_the_dashboard_map_shows_14_kab_kota_and_drills_down(new_page):
    make_ormas()
    leader = make_user("kepala", Role.LEADER, office_code="62")
    page = new_page(leader)
    page.goto("/dasbor/")
    expect(page.locator("#map")).to_have_attribute("data-regions", "14")
    expect(page.locator("#map-table tbody tr")).to_have_count(14)
    # The bar and line charts draw too (ECharts is bundled with only the modules the pages use: frontend/echarts.mjs).
    expect(page.locator('[data-chart="chart-regency"] svg')).to_have_count(1)
    expect(page.locator('[data-chart="chart-trend"] svg path').first).to_be_attached()
    expect(page.locator("#figures-as-of")).to_contain_text("per")  # "Angka registri per <as of>"
    screenshot(page, "14-dashboard")
    page.locator("#map").click()  # the middle of the province lies in one of the kab/kota
    expect(page.locator("#map")).to_have_attribute("data-level", "district")
    assert page.locator("#map-table tbody tr").count() >= 5
    expect(page.locator("#map-back")).to_be_visible()
    page.locator("#map-back").click()
    expect(page.locator("#map")).to_have_attribute("data-level", "regency")


def test_a_recap_is_built_with_progress_and_downloaded(new_page):
    make_ormas()
    leader = make_user("kepala", Role.LEADER, office_code="62")
    page = new_page(leader)
    page.goto("/dasbor/rekap/")
    page.get_by_role("button", name="Buat rekap").click()
    expect(page.locator("#job-progress")).to_have_attribute("data-status", "done")
    expect(page.locator("progress")).to_have_attribute("value", "100")
    with page.expect_download() as download:
        page.get_by_role("link", name="Unduh Excel").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    pdf = page.request.get(page.get_by_role("link", name="Unduh PDF").get_attribute("href"))
    assert pdf.ok and pdf.body().startswith(b"%PDF")  # shown in the browser's PDF viewer, not downloaded


def test_a_large_export_completes_in_the_background(new_page, monkeypatch):
    monkeypatch.setattr(exports, "IMMEDIATE_LIMIT", 1)
    ormas = make_ormas()
    from registry import actions as registry_actions

    chapter = make_chapter(ormas)
    for index in range(3):
        registry_actions.add_board_member(
            chapter, by=None, nik=None, person_values={"name": f"Anggota {index}"}, position="anggota"
        )
    officer = make_user("officer.prov", Role.OFFICER, office_code="62")
    page = new_page(officer)
    page.goto("/registri/")
    page.get_by_role("link", name="Unduh pengurus").click()
    expect(page.locator("#job-progress")).to_have_attribute("data-status", "done")
    with page.expect_download() as download:
        page.get_by_role("link", name="Unduh Excel").click()
    assert download.value.suggested_filename.endswith(".xlsx")
