"""Grants in a real browser (issue 12): a proposal refused by the eligibility gate with its reasons, and one carried
from the Ormas's proposal through evaluation, decision and disbursement to a verified LPJ."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from accounts.models import Role
from grants import actions
from grants.models import Proposal
from grants.tests.helpers import PDF, eligible_ormas, make_window
from registry import actions as registry_actions
from registry.models import Ormas
from services.tests.helpers import account_for
from tests.browser.helpers import screenshot
from wadah.testing import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def scene():
    ormas = eligible_ormas()
    today = dt.date.today()
    window = make_window(opens_on=today - dt.timedelta(days=3), closes_on=today + dt.timedelta(days=30))
    secretary = account_for(ormas, username="sekretariat@iptk.example")
    return ormas, window, secretary


def test_a_halted_ormas_is_refused_by_the_gate_with_its_reasons(new_page, scene):
    ormas, window, secretary = scene
    registry_actions.change_ormas_status(
        ormas,
        Ormas.Status.FROZEN,
        by=None,
        reason="Penghentian kegiatan",
        decision=registry_actions.Decision(number="SK-TEST/1", date=dt.date(2026, 1, 5), basis="UU 16/2017 Pasal 61"),
    )
    page = new_page(secretary)
    page.goto("/hibah/saya/")
    expect(page.locator("[data-testid=verdict]").first).to_contain_text("Tidak terpenuhi")
    page.goto(f"/hibah/saya/jendela/{window.pk}/ajukan/")
    page.fill("input[name=title]", "Pelatihan kader")
    page.fill("input[name=requested_amount]", "1000000")
    page.fill("textarea[name=budget]", "Konsumsi ; 1000000")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_contain_text("tidak memenuhi persyaratan hibah")
    screenshot(page, "grants-01-refused-by-the-gate")
    assert not Proposal.objects.exists()


def test_a_grant_from_proposal_to_verified_lpj(new_page, scene):
    ormas, window, secretary = scene
    leader = make_user("kepala.pky", Role.LEADER, office_code="62.71")
    second = make_user("penilai.pky", Role.OFFICER, office_code="62.71")

    phone = new_page(secretary, viewport={"width": 390, "height": 844})
    phone.goto("/hibah/saya/")
    phone.locator(f"a[href$='/jendela/{window.pk}/ajukan/']").click()
    phone.fill("input[name=title]", "Pelatihan kader")
    phone.fill("input[name=requested_amount]", "1500000")
    phone.fill("textarea[name=budget]", "Konsumsi ; 1000000\nModul ; 500000")
    phone.locator("main form button[type=submit]").click()
    proposal = Proposal.objects.get()
    expect(phone.locator("[data-testid=status]")).to_contain_text("Diajukan")

    office = new_page(leader)
    office.goto(proposal.get_absolute_url())
    office.locator("button[value=evaluate]").click()
    for criterion in window.criteria.all():
        office.fill(f"input[name=c{criterion.pk}]", "8")
    office.locator("button[value=score]").click()
    actions.score(Proposal.objects.get(), by=second, scores={c.pk: 7 for c in window.criteria.all()})
    office.reload()
    office.locator("button[value=recommend]").click()
    office.fill("input[name=nphd_number]", "900/12/NPHD/2026")
    office.locator("button[value=decide]").click()
    office.locator("button[value=disburse]").click()
    expect(office.locator("[data-testid=status]")).to_contain_text("menunggu LPJ")

    phone.goto(proposal.get_applicant_url())
    phone.set_input_files(
        "main input[type=file]", files=[{"name": "lpj.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    phone.locator("main form button[type=submit]").click()
    expect(phone.locator("[data-testid=status]")).to_contain_text("LPJ diterima")

    office.goto(proposal.get_absolute_url())
    office.locator("button[value=verify]").click()
    expect(office.locator("[data-testid=status]")).to_contain_text("LPJ diverifikasi")
    screenshot(office, "grants-02-lpj-verified")
    assert Proposal.objects.get().status == Proposal.Status.LPJ_VERIFIED
