"""A field report cites a clause of the joint protocol in force (issue 13), on a phone; the clause shows it."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import Role
from coordination import actions
from coordination.tests.helpers import agency
from fieldreports.tests.helpers import submitted_report
from tests.browser.helpers import screenshot
from wadah.testing import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def test_a_field_report_cites_a_clause_and_the_clause_lists_it(new_page):
    officer = make_user("officer.prov", Role.OFFICER, office_code="62")
    leader = make_user("leader", Role.LEADER, office_code="62")
    polda = make_user("polda.rep", Role.AGENCY_MEMBER, agency="Polda")
    team = actions.create_team(by=officer, name="Tim Terpadu Provinsi", kind="tim_terpadu", region_code="62")
    today = timezone.localdate()
    version = actions.add_roster_version(
        team, by=officer, sk_number="188.44/7/2026", sk_date=today, valid_from=today - dt.timedelta(days=1)
    )
    actions.add_roster_member(version, by=officer, name="Kepala Badan", agency=agency("Kesbangpol"), user=leader)
    actions.add_roster_member(version, by=officer, name="Dir Intelkam", agency=agency("Polda"), user=polda)
    protocol = actions.create_protocol_version(
        team,
        by=officer,
        title="Kesepahaman Bersama Penanganan Ormas",
        clauses=[
            (
                "1",
                "notification",
                "Polda memberitahukan hasil pemantauan lapangan kepada Kesbangpol dalam 1 hari kerja.",
            ),
            ("2", "lead", "Dugaan tindak pidana ditangani Polda."),
        ],
    )
    actions.propose_protocol(protocol, by=officer)
    actions.endorse_protocol(protocol, by=leader, agency=agency("Kesbangpol"))
    actions.endorse_protocol(protocol, by=polda, agency=agency("Polda"))
    report = submitted_report(polda)

    phone = new_page(polda, viewport=PHONE)
    phone.goto(report.get_absolute_url())
    phone.select_option("#id_clause", label=phone.locator("#id_clause option").first.inner_text())
    phone.click("form[action$='/rujuk/'] button[type=submit]")
    expect(phone.locator("[data-report-citations]")).to_contain_text("Pasal 1")
    screenshot(phone, "fieldreport-cites-clause-phone")

    desk = new_page(officer)
    desk.goto(protocol.get_absolute_url())
    expect(desk.locator("#pasal-1 [data-citing-reports]")).to_contain_text(report.reference)
    screenshot(desk, "protocol-clause-cited-by-report-desktop")
    desk.click(f"#pasal-1 a[href='{report.get_absolute_url()}']")
    expect(desk.locator("[data-report-citations]")).to_contain_text("Pasal 1")
    screenshot(desk, "fieldreport-cites-clause-desktop")
