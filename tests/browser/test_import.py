"""The legacy import in a real browser: upload an office's spreadsheet, check the columns, review, decide, import."""

import pytest
from playwright.sync_api import expect

from audit.models import Entry
from imports.tests.helpers import ormas_row, xlsx_bytes
from registry.models import Ormas
from tests.browser.helpers import screenshot
from wadah.testing import make_ormas, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def officer():
    from accounts.models import Role

    return make_user("officer.prov", Role.OFFICER, office_code="62")


def test_it_imports_a_spreadsheet_through_the_preview(new_page, officer, tmp_path):
    existing = make_ormas()  # "Ikatan Pemuda Tepian Kahayan" in Palangka Raya
    rows = [
        ormas_row(1, "Forum Pemuda Langkai Bersatu", "Palangkaraya", village="Langkai", issued="12 Januari 2023"),
        ormas_row(2, "Ikatan Pemuda Tepian Kahayan", "Kota Palangka Raya", abbreviation="IPTK", village="Langkai"),
        ormas_row(3, "Paguyuban Tanpa Desa", "KAB. KAPUAS"),  # no village: an error the officer must skip
    ]
    sheet = tmp_path / "daftar-ormas-2025.xlsx"
    sheet.write_bytes(xlsx_bytes(rows, merged_header=True))

    page = new_page(officer)
    page.goto("/impor/")
    page.set_input_files("input[type=file]", str(sheet))
    page.locator("form[enctype] button[type=submit]").click()

    # Columns: the header row below the title rows was found and mapped; the officer confirms it.
    expect(page.locator("select#id_col_1, select[name$='_1']").first).to_be_visible()
    screenshot(page, "import-1-columns")
    page.locator("main form button[type=submit]").last.click()

    # Review: one row OK, one likely duplicate of the existing Ormas, one error.
    expect(page.get_by_text("Langkai", exact=False).first).to_be_visible(timeout=20_000)
    expect(page.locator(".badge.bg-yellow-lt")).to_have_count(1)
    expect(page.locator(".badge.bg-red-lt").first).to_be_visible()
    screenshot(page, "import-2-review")
    page.locator("form[action$='/lewati-galat/'] button").click()

    # Confirm, then the result page with its counts.
    page.locator("main a[href$='/konfirmasi/']").first.click()
    screenshot(page, "import-3-confirm")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("Forum Pemuda Langkai Bersatu", timeout=20_000)
    screenshot(page, "import-4-done")

    created = Ormas.objects.get(name="Forum Pemuda Langkai Bersatu")
    assert created.regency_code == "62.71" and created.skt_issued_on.isoformat() == "2023-01-12"
    assert Ormas.objects.filter(name=existing.name).count() == 1  # the duplicate was skipped by default
    assert not Ormas.objects.filter(name="Paguyuban Tanpa Desa").exists()
    assert Entry.objects.filter(action="ormas.created", ormas=created, actor=officer).exists()
