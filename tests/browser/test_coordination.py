"""Coordination in a real browser (issue 13, item 8).

Create a roster, schedule a Rakor, record attendance, write the minutes with two decisions and three action items
(the network dropped and restored mid-typing: nothing lost), approve as the chair, see the items on an agency
member's page, carry them into the next meeting, close one with evidence; propose a protocol version and endorse it
by two agencies. Screenshots on a desktop and a 390 px phone.
"""

import datetime as dt
import importlib

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import Agency, Role
from coordination.models import ActionItem, Meeting, Team
from tests.browser.helpers import screenshot
from wadah.testing import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture(autouse=True)
def coordination_reference_data(reference_data):
    from django.apps import apps

    importlib.import_module("coordination.migrations.0002_action_item_period").add_period(apps, None)


def _agency(abbreviation: str) -> Agency:
    return Agency.objects.get(abbreviation=abbreviation, region_id="62")


def _submit(page, form_selector: str) -> None:
    with page.expect_navigation():
        page.locator(f"{form_selector} button[type=submit]").first.click()


def _until(page, condition, seconds: float = 10) -> None:
    for _ in range(int(seconds * 10)):
        if condition():
            return
        page.wait_for_timeout(100)
    raise AssertionError("the server never received it")


def test_from_roster_to_a_closed_action_item_and_an_endorsed_protocol(new_page, problems):
    # The failed autosave while offline is expected (and what the page handles): htmx logs it, Chromium too.
    problems.allowed += [r"htmx:(sendError|afterRequest)", r"ERR_INTERNET_DISCONNECTED"]
    officer = make_user("officer.prov", Role.OFFICER, office_code="62")
    leader = make_user("leader", Role.LEADER, office_code="62")
    leader.first_name, leader.last_name = "Katma", "Ketua"
    leader.save()
    polda = make_user("polda.rep", Role.AGENCY_MEMBER, agency="Polda")
    binda = make_user("binda.rep", Role.AGENCY_MEMBER, agency="BINDA")
    today = timezone.localdate()

    # 1. The secretariat creates the team, records its SK and the members.
    page = new_page(officer)
    page.goto("/koordinasi/tim/baru/")
    page.fill("#id_name", "Tim Terpadu Pengawasan Ormas Provinsi")
    page.select_option("#id_kind", "tim_terpadu")
    page.select_option("#id_region", "62")
    _submit(page, "form.wadah-form")
    team = Team.objects.get()
    page.fill("#id_sk_number", "188.44/7/2026")
    page.fill("#id_sk_date", today.isoformat())
    page.fill("#id_valid_from", today.isoformat())
    _submit(page, "form[action$='/sk/']")
    for name, abbreviation, role, user in (
        ("Kepala Badan", "Kesbangpol", "ketua", leader),
        ("Dir Intelkam", "Polda", "anggota", polda),
        ("Kabinda", "BINDA", "anggota", binda),
    ):
        page.fill("#id_name", name)
        page.select_option("#id_agency", str(_agency(abbreviation).pk))
        page.select_option("#id_role", role)
        page.select_option("#id_user", str(user.pk))
        _submit(page, "form.wadah-form")
    expect(page.locator("table tbody tr")).to_have_count(3)
    screenshot(page, "coordination-roster")

    # 2. A Rakor is scheduled, with two agenda items.
    page.goto(f"/koordinasi/tim/{team.pk}/rapat/baru/")
    page.select_option("#id_kind", "rakor")
    page.fill("#id_title", "Rakor Aktivitas Ormas")
    page.fill("#id_date", today.isoformat())
    page.fill("#id_venue", "Aula Kesbangpol")
    page.select_option("#id_chair", str(leader.pk))
    _submit(page, "form.wadah-form")
    meeting = Meeting.objects.get()
    for title in ("Paparan BINDA", "Tertib data pendaftaran"):
        page.fill("form[action$='/agenda/'] #id_title", title)
        _submit(page, "form[action$='/agenda/']")
    expect(page.locator("[data-expected]")).to_have_count(3)

    # 3. Attendance by hand.
    for name in ("Kepala Badan", "Dir Intelkam"):
        _submit(page, f"[data-expected='{name}'] form")
    expect(page.locator("[data-expected='Dir Intelkam'] .badge")).to_be_visible()
    screenshot(page, "coordination-meeting")

    # 4. The minutes, written live; the connection drops mid-typing and comes back.
    _submit(page, "form[action$='/buka/']")
    text = page.locator("#id_text")
    text.fill("Rapat dibuka pukul 09.00 WIB.")
    page.locator("h1").click()  # focus leaves the text: autosave
    _until(page, lambda: meeting.current_minutes().text == "Rapat dibuka pukul 09.00 WIB.")
    page.context.set_offline(True)
    text.press_sequentially(" BINDA memaparkan Ormas beratribut di pasar.", delay=5)
    page.locator("h1").click()
    expect(page.locator("#autosave-status.text-danger")).to_be_visible()
    stored = page.evaluate(f"() => localStorage.getItem('wadah-minutes-{meeting.pk}-v1')")
    assert "beratribut di pasar" in stored
    page.context.set_offline(False)  # the browser fires "online": the text is saved
    _until(page, lambda: "beratribut di pasar" in meeting.current_minutes().text)
    expect(page.locator("#autosave-status.text-danger")).to_have_count(0)

    # Two decisions, three action items.
    agenda = list(meeting.agenda.order_by("order"))
    for item, decision_text in zip(
        agenda, ("Polda dan BINDA berbagi informasi bulanan", "Kab/kota menyeragamkan data"), strict=True
    ):
        page.fill(f"#id_decision_{item.pk}", decision_text)
        _submit(page, f"#agenda-{item.pk} [data-decision-form]")
    decisions = list(meeting.decisions.order_by("id"))
    for decision, action_text, abbreviation in (
        (decisions[0], "Laporan bulanan Ormas beratribut", "Polda"),
        (decisions[0], "Patroli pasar", "Polda"),
        (decisions[1], "Telaah jaringan Ormas", "BINDA"),
    ):
        form = f"form[action$='/keputusan/{decision.pk}/tindak-lanjut/']"
        page.locator(form).locator("xpath=ancestor::details").locator("summary").click()
        page.fill(f"#id_d{decision.pk}-text", action_text)
        page.select_option(f"#id_d{decision.pk}-owner_agency", str(_agency(abbreviation).pk))
        _submit(page, form)
    expect(page.locator("[data-action-item]")).to_have_count(3)
    assert "beratribut di pasar" in page.locator("#id_text").input_value()  # the text survived the reloads
    screenshot(page, "coordination-minutes")

    # 5. The chair approves; the minutes are read-only.
    chair = new_page(leader)
    chair.goto(f"/koordinasi/rapat/{meeting.pk}/notulen/")
    _submit(chair, "form[action$='/setujui/']")
    expect(chair.locator("[data-minutes-readonly]")).to_contain_text("beratribut di pasar")
    expect(chair.locator("#id_text")).to_have_count(0)

    # 6. The Polda member sees the agency's items on their page (phone).
    member = new_page(polda, viewport=PHONE)
    member.goto("/koordinasi/tindak-lanjut/")
    expect(member.locator("[data-agency-item]")).to_have_count(2)
    screenshot(member, "coordination-agency-items-phone")

    # 7. The next meeting opens with them as matters arising.
    page.goto(f"/koordinasi/tim/{team.pk}/rapat/baru/")
    page.select_option("#id_kind", "rakor")
    page.fill("#id_title", "Rakor Triwulan")
    page.fill("#id_date", (today + dt.timedelta(days=7)).isoformat())
    page.fill("#id_venue", "Aula Kesbangpol")
    page.select_option("#id_chair", str(leader.pk))
    _submit(page, "form.wadah-form")
    expect(page.locator("[data-matter-arising]")).to_have_count(3)
    second = page.url

    # 8. Polda closes one with evidence; it leaves the matters arising.
    item = ActionItem.objects.get(text="Patroli pasar")
    member.goto(f"/koordinasi/tindak-lanjut/{item.pk}/")
    member.fill("#id_evidence", "Laporan patroli No. LP/12/2026")
    _submit(member, "form[action$='/selesai/']")
    expect(member.locator("[data-item-status]")).to_have_attribute("data-item-status", "done")
    page.goto(second)
    expect(page.locator("[data-matter-arising]")).to_have_count(2)

    # 9. A protocol version, proposed and endorsed by two agencies.
    page.goto(f"/koordinasi/tim/{team.pk}/kesepahaman/baru/")
    _submit(page, "form.wadah-form")
    page.fill("#id_number", "1")
    page.select_option("#id_topic", "notification")
    page.fill("#id_text", "Kesbangpol memberi tahu Polda dalam 1 hari kerja.")
    _submit(page, "form[action$='/pasal/']")
    _submit(page, "form[action$='/usulkan/']")
    protocol = page.url
    for user in (polda, binda):
        endorser = new_page(user, viewport=PHONE)
        endorser.goto(protocol)
        _submit(endorser, "form[action$='/setujui/']")
    endorser.goto(protocol)
    expect(endorser.locator("[data-endorsement] .badge")).to_have_count(2)
    screenshot(endorser, "coordination-protocol-phone")
    page.goto(protocol)
    screenshot(page, "coordination-protocol")
