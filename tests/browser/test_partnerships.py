"""Partnerships in a real browser (issue 12 item 4): an officer records a partnership between two Ormas with its
MoU, sees it on the Ormas record and on the office's network view (graph and the table beside it), on a desktop
and on a 390 px phone; the Ormas account proposes one from its phone."""

import pytest
from playwright.sync_api import expect

from accounts.models import Role
from partnerships.models import Partnership
from partnerships.tests.helpers import PDF, city
from services.tests.helpers import account_for
from tests.browser.helpers import screenshot
from wadah.testing import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_partnership_recorded_and_seen_on_the_network_view(new_page, problems, tmp_path):
    problems.allowed.append(r"status of 400")  # the refused form answers 400 Bad Request, as it should
    officer = make_user("petugas.pky", Role.OFFICER, office_code="62.71")
    first = city("Ikatan Pemuda Tepian Kahayan", "IPTK")
    second = city("Forum Perempuan Kahayan", "FPK")
    lone = city("Paguyuban Seni Tambun Bungai", "PSTB")
    mou = tmp_path / "mou.pdf"
    mou.write_bytes(PDF)

    page = new_page(officer)
    page.goto(f"/kemitraan/ormas/{first.pk}/")
    page.get_by_role("link", name="Catat kemitraan").click()
    page.get_by_label("Ormas lain").check()
    page.fill("input[name=q]", "Perempuan")
    page.get_by_label("Forum Perempuan Kahayan").check()
    page.select_option("select[name=kind]", "joint_activity")
    page.fill("input[name=title]", "Pelatihan kewirausahaan perempuan dan pemuda")
    page.fill("input[name=starts_on]", "2025-03-01")
    page.fill("input[name=ends_on]", "2024-12-31")
    page.set_input_files("input[name=document]", str(mou))
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_contain_text("tidak dapat berakhir sebelum dimulai")
    assert not Partnership.objects.exists()
    screenshot(page, "partnerships-01-end-before-start")

    # The form keeps what was typed and chosen; only the end date is corrected (the file is chosen again).
    expect(page.locator("#ormas-results")).to_contain_text("Forum Perempuan Kahayan")
    page.fill("input[name=ends_on]", "2026-12-31")
    page.set_input_files("input[name=document]", str(mou))
    page.locator("main form button[type=submit]").click()
    expect(page.locator("[data-testid=links]")).to_contain_text("Forum Perempuan Kahayan")
    link = Partnership.objects.get()
    assert link.other_ormas == second and link.status == Partnership.Status.CONFIRMED and link.documents.count() == 1

    page.goto(first.get_absolute_url())
    expect(page.locator("#jejaring")).to_contain_text("Forum Perempuan Kahayan")

    page.goto("/kemitraan/")
    expect(page.locator("#cluster-table")).to_contain_text("Ikatan Pemuda Tepian Kahayan")
    expect(page.locator("#cluster-table")).to_contain_text("Forum Perempuan Kahayan")
    expect(page.locator("[data-testid=isolated]")).to_contain_text(lone.name)
    expect(page.locator("#network-chart canvas")).to_have_count(1)
    # The graph itself drew (a canvas appears even when the bundle lacks the graph series: frontend/echarts.mjs).
    drawn = "echarts.getInstanceByDom(document.getElementById('network-chart')).getModel().getSeriesByType('graph')"
    assert page.evaluate(f"{drawn}.length") == 1
    assert page.evaluate(f"{drawn}[0].getData().count()") >= 2
    screenshot(page, "partnerships-02-network-desktop")

    phone = new_page(officer, viewport={"width": 390, "height": 844})
    phone.goto("/kemitraan/")
    expect(phone.locator("#network-chart canvas")).to_have_count(1)
    expect(phone.locator("#cluster-table")).to_contain_text("Forum Perempuan Kahayan")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(phone, "partnerships-03-network-phone")


def test_the_ormas_account_proposes_a_partnership_from_its_phone(new_page):
    ormas = city("Ikatan Pemuda Tepian Kahayan", "IPTK")
    secretary = account_for(ormas, username="sekretariat@iptk.example")
    phone = new_page(secretary, viewport={"width": 390, "height": 844})
    phone.goto("/kemitraan/saya/")
    phone.get_by_role("link", name="Usulkan kemitraan").click()
    phone.select_option("select[name=partner_kind]", "company")
    phone.fill("input[name=partner_name]", "PT Borneo Lestari")
    phone.fill("input[name=title]", "CSR pelatihan menjahit")
    phone.fill("input[name=starts_on]", "2025-05-01")
    phone.locator("main form button[type=submit]").click()
    expect(phone.locator("[data-testid=links]")).to_contain_text("PT Borneo Lestari")
    expect(phone.locator("[data-testid=links]")).to_contain_text("Diusulkan Ormas")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(phone, "partnerships-04-proposed-by-the-ormas")
