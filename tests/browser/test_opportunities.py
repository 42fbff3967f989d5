"""The opportunities board in a real browser (issue 12 item 10): an offer published by Kesbangpol is matched to the
Ormas with its reasons, the secretary applies on a phone, the offering partner accepts and records it served."""

import pytest
from playwright.sync_api import expect

from grants.tests.helpers import eligible_ormas
from opportunities.models import OfferApplication
from opportunities.tests.helpers import draft_offer, make_party
from services.tests.helpers import account_for
from tests.browser.helpers import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_opportunity_matched_applied_for_and_served(new_page, city_officer):
    ormas = eligible_ormas()
    secretary = account_for(ormas, username="sekretariat")
    party, partner = make_party()
    offer = draft_offer(party, partner, title="Pelatihan tata kelola keuangan")

    # The partner sends its draft; the officer of the office approves and publishes it.
    desk = new_page(partner)
    desk.goto(offer.get_partner_url())
    desk.locator("button[value=submit]").click()
    expect(desk.locator("[data-testid=status]")).to_contain_text("Menunggu persetujuan")
    office = new_page(city_officer)
    office.goto(offer.get_absolute_url())
    office.locator("button[value=publish]").click()
    expect(office.locator("[data-testid=status]")).to_contain_text("Diterbitkan")

    # The secretary, on a phone, sees it among the opportunities the Ormas qualifies for, with why, and applies.
    phone = new_page(secretary, viewport={"width": 390, "height": 844})
    phone.goto("/peluang/saya/")
    qualifying = phone.locator("[data-testid=qualifying]")
    expect(qualifying).to_contain_text("Pelatihan tata kelola keuangan")
    expect(qualifying).to_contain_text("Baru")
    qualifying.get_by_text("Alasan").first.click()
    expect(qualifying.locator("[data-testid=verdict]").first).to_contain_text("Terpenuhi")
    screenshot(phone, "opportunities-01-board-phone")
    qualifying.locator("a.fw-bold").first.click()
    phone.fill("input[name=contact_phone]", "0812-5555-0101")
    phone.fill("textarea[name=message]", "Bendahara kami baru menjabat.")
    phone.locator("input[name=confirm]").check()
    phone.locator("main form button[type=submit]").click()
    expect(phone.locator("[data-testid=my-application]")).to_contain_text("Mendaftar")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page is {width}px wide on a 390px phone"

    # The partner sees the applicant with what the application shares, accepts and records it served.
    desk.goto(offer.get_partner_url())
    applicants = desk.locator("[data-testid=applicants]")
    expect(applicants).to_contain_text(ormas.name)
    expect(applicants).to_contain_text("0812-5555-0101")
    applicants.locator("button[value=accept]").click()
    applicants.locator("button[value=served]").click()
    expect(applicants.locator("[data-testid=status]").first).to_contain_text("Dilayani")
    screenshot(desk, "opportunities-02-served")
    assert OfferApplication.objects.get().status == OfferApplication.Status.SERVED

    phone.goto(offer.get_ormas_url())
    expect(phone.locator("[data-testid=my-application]")).to_contain_text("Dilayani")
