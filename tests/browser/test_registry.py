"""The staff registry in a real browser: login, live search, a record, an edit, the export, phones."""

import re

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from regions.models import Region
from tests.browser.helpers import screenshot
from wadah.testing import TEST_PASSWORD, make_ormas, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = TEST_PASSWORD


@pytest.fixture
def officer():
    from accounts.models import Role

    return make_user("officer.prov", Role.OFFICER, office_code="62")


@pytest.fixture
def pky_officer():
    from accounts.models import Role

    return make_user("officer.pky", Role.OFFICER, office_code="62.71")


@pytest.fixture
def two_ormas():
    village = Region.objects.filter(code__startswith="62.02.", level="desa").first()
    city = make_ormas()
    kotim = make_ormas(
        village=village.code, name="Persatuan Nelayan Sungai Mentaya", abbreviation="PNSM", skt_number="02-00-00/9/2023"
    )
    return city, kotim


def test_it_logs_in_through_the_form(new_page, officer):
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    # Officers use two-step verification: the password, then the authenticator app's code.
    device = TOTPDevice.objects.create(user=officer, name="HP", confirmed=True)
    page = new_page()
    page.goto("/akun/masuk/")
    screenshot(page, "01-login")
    page.get_by_label(re.compile("Nama pengguna|Username")).fill("officer.prov")
    page.get_by_label(re.compile("Kata sandi|Password")).fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/akun/verifikasi/"))
    page.locator("input[name=token]").fill(f"{totp(device.bin_key):06d}")
    page.locator("main form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/layanan/$"))  # an officer starts on "Tugas saya"
    expect(page.locator("h1")).to_be_visible()
    screenshot(page, "02-worklist")


def test_it_refuses_a_wrong_password(new_page, officer):
    page = new_page()
    page.goto("/akun/masuk/")
    page.locator("input[name=username]").fill("officer.prov")
    page.locator("input[name=password]").fill("salah-sekali")
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/akun/masuk/"))
    expect(page.locator(".is-invalid").first).to_be_visible()


def test_it_searches_live_without_reloading_the_page(new_page, officer, two_ormas):
    city, kotim = two_ormas
    page = new_page(officer)
    page.goto("/registri/")
    rows = page.locator("#results tbody tr")
    expect(rows).to_have_count(2)
    page.evaluate("window.__sameDocument = true")
    page.locator("#id_q").press_sequentially("nelayan", delay=30)
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(kotim.name)
    expect(page).to_have_url(re.compile(r"[?&]q=nelayan"))
    assert page.evaluate("window.__sameDocument === true"), "the search reloaded the page"
    screenshot(page, "03-search-results")
    # The filter survives a reload: the URL carries it.
    page.reload()
    expect(page.locator("#id_q")).to_have_value("nelayan")
    expect(rows).to_have_count(1)


def test_it_opens_a_record_from_the_list(new_page, officer, two_ormas):
    city, _ = two_ormas
    page = new_page(officer)
    page.goto("/registri/")
    page.get_by_role("link", name=city.name).click()
    expect(page).to_have_url(re.compile(rf"/registri/{city.pk}/$"))
    expect(page.locator("h1")).to_contain_text(city.name)
    screenshot(page, "04-detail")


def test_it_saves_an_edited_phone_number(new_page, officer, two_ormas):
    city, _ = two_ormas
    page = new_page(officer)
    page.goto(f"/registri/{city.pk}/ubah/")
    page.locator("#id_phone").fill("0536-3221234")
    screenshot(page, "05-edit-form")
    page.locator("form button[type=submit]").last.click()
    expect(page).to_have_url(re.compile(rf"/registri/{city.pk}/$"))
    # Stored as phonenumbers writes an Indonesian landline number.
    expect(page.locator("body")).to_contain_text("(0536) 3221234")
    screenshot(page, "06-after-edit")


def test_it_shows_the_edit_in_riwayat(new_page, officer, two_ormas):
    city, _ = two_ormas
    page = new_page(officer)
    page.goto(f"/registri/{city.pk}/ubah/")
    page.locator("#id_phone").fill("0536-3221234")
    page.locator("form button[type=submit]").last.click()
    expect(page).to_have_url(re.compile(rf"/registri/{city.pk}/$"))
    page.goto(f"/registri/{city.pk}/riwayat/")
    screenshot(page, "07-riwayat")
    change = page.locator(".history-changes li", has_text="(0536) 3221234")
    expect(change).to_have_count(1, timeout=2000)
    expect(change).to_contain_text("→")


def test_it_downloads_the_list_as_excel(new_page, officer, two_ormas, tmp_path):
    page = new_page(officer)
    page.goto("/registri/?regency=62.02")
    with page.expect_download() as info:
        page.get_by_role("link", name=re.compile("Unduh Excel|Download Excel")).click()
    download = info.value
    assert download.suggested_filename.endswith(".xlsx")
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == ["Persatuan Nelayan Sungai Mentaya"]


def test_it_answers_404_for_an_ormas_outside_the_kota(new_page, pky_officer, two_ormas, problems):
    _, kotim = two_ormas
    problems.allowed.append(r"status of 404")
    page = new_page(pky_officer)
    response = page.goto(f"/registri/{kotim.pk}/")
    assert response.status == 404
    assert kotim.name not in page.content()
    screenshot(page, "08-out-of-scope-404")


PHONE = {"width": 390, "height": 844}


def test_it_stacks_the_list_on_a_phone(new_page, officer, two_ormas):
    page = new_page(officer, viewport=PHONE)
    page.goto("/registri/")
    first_cell = page.locator("#results tbody tr").first.locator("td").first
    expect(first_cell).to_be_visible()
    assert first_cell.evaluate("td => getComputedStyle(td).display") == "block"
    assert page.locator("#results thead").evaluate("el => getComputedStyle(el).display") == "none"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "horizontal scrolling on a phone"
    screenshot(page, "09-phone-list")


def test_it_keeps_the_detail_page_usable_on_a_phone(new_page, officer, two_ormas):
    city, _ = two_ormas
    page = new_page(officer, viewport=PHONE)
    page.goto(f"/registri/{city.pk}/")
    expect(page.locator("h1")).to_contain_text(city.name)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "horizontal scrolling on a phone"
    edit = page.locator(f"a[href='/registri/{city.pk}/ubah/']").first
    expect(edit).to_be_visible()
    box = edit.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    screenshot(page, "10-phone-detail")
