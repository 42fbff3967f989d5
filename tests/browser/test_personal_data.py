"""Personal data in the browser: NIKs masked, revealed only on request to roles that need them, and logged."""

import pytest
from playwright.sync_api import expect

from audit.models import Entry
from registry import actions
from registry.models import Person
from wadah.testing import make_chapter, make_ormas, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
NIK = "6271015504900002"


@pytest.fixture
def ormas_with_board():
    ormas = make_ormas()
    chapter = make_chapter(ormas)
    # A large primary key: ids in htmx targets must not be rendered as "7.119". A known NIK reuses this person.
    Person.objects.create(pk=7119, nik=NIK, name="Sari Lestari", name_search="sari lestari")
    actions.add_board_member(chapter, by=None, nik=NIK, person_values={"name": "Sari Lestari"}, position="ketua")
    return ormas


def test_an_officer_reveals_a_nik_and_the_view_is_logged(new_page, ormas_with_board):
    from accounts.models import Role

    officer = make_user("officer.prov", Role.OFFICER, office_code="62")
    page = new_page(officer)
    page.goto(ormas_with_board.get_absolute_url())
    row = page.locator("tr", has_text="Sari Lestari")
    expect(row.locator(".nik")).to_have_text("627101••••••••02")
    row.locator("button[hx-post]").click()
    expect(row.locator(".nik")).to_have_text(NIK)
    assert Entry.objects.filter(action="person.nik_viewed", actor=officer, ormas=ormas_with_board).count() == 1


def test_an_agency_member_sees_masked_niks_without_a_reveal_button(new_page, ormas_with_board):
    from accounts.models import Role

    member = make_user("polda.member", Role.AGENCY_MEMBER, agency="Polda")
    page = new_page(member)
    page.goto(ormas_with_board.get_absolute_url())
    row = page.locator("tr", has_text="Sari Lestari")
    expect(row.locator(".nik")).to_have_text("627101••••••••02")
    expect(row.locator("button[hx-post]")).to_have_count(0)
