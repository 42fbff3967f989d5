"""The pages: scoped lists and details (out of scope → 404), the gate's refusal shown, the JSON answer, export."""

import datetime as dt

import pytest
from django.urls import reverse

from grants.models import Proposal
from grants.tests.helpers import evaluators, jpeg, make_window, pdf, propose, score_all
from registry import actions as registry_actions
from registry.models import Ormas
from services.tests.helpers import account_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_window(db):
    today = dt.date.today()
    return make_window(opens_on=today - dt.timedelta(days=5), closes_on=today + dt.timedelta(days=30))


def test_officer_list_detail_and_out_of_scope_404(client, window, ormas, applicant, city_officer, kotim_officer):
    proposal = propose(window, ormas, applicant)
    client.force_login(city_officer)
    assert proposal.reference in client.get(reverse("grants:proposal-list")).content.decode()
    page = client.get(proposal.get_absolute_url())
    assert page.status_code == 200 and "Eligibility today" in page.content.decode()
    export = client.get(reverse("grants:proposal-export"))
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    client.force_login(kotim_officer)
    assert client.get(proposal.get_absolute_url()).status_code == 404
    assert proposal.reference not in client.get(reverse("grants:proposal-list")).content.decode()


def test_ormas_account_sees_open_windows_with_its_eligibility_and_proposes(client, open_window, ormas, applicant):
    client.force_login(applicant)
    page = client.get(reverse("grants:my-grants")).content.decode()
    assert str(open_window.title) in page and "Propose an activity" in page
    response = client.post(
        reverse("grants:my-propose", args=[open_window.pk]),
        {"title": "Pelatihan", "requested_amount": "1500000", "budget": "Konsumsi ; 1000000\nModul ; 500000"},
    )
    proposal = Proposal.objects.get()
    assert response.status_code == 302 and response["Location"] == proposal.get_applicant_url()
    assert proposal.budget_lines.count() == 2


def test_gate_refusal_is_shown_with_reasons_and_nothing_saved(client, open_window, ormas, applicant):
    registry_actions.change_ormas_status(
        ormas,
        Ormas.Status.FROZEN,
        by=None,
        reason="Penghentian",
        decision=registry_actions.Decision(number="SK-TEST/1", date=dt.date(2026, 1, 5), basis="UU 16/2017 Pasal 61"),
    )
    client.force_login(applicant)
    response = client.post(
        reverse("grants:my-propose", args=[open_window.pk]),
        {"title": "Pelatihan", "requested_amount": "1000", "budget": "Konsumsi ; 1000"},
    )
    body = response.content.decode()
    assert response.status_code == 200 and "does not meet the grant conditions" in body
    assert "Not halted, revoked or dissolved" in body
    assert not Proposal.objects.exists()


def test_another_ormas_proposal_is_404_for_an_account(client, window, ormas, applicant, city_officer, kotim_ormas):
    other = make_window(office=window.office, title="Lain")
    proposal = propose(other, ormas, city_officer)
    stranger = account_for(kotim_ormas, username="lain")
    client.force_login(stranger)
    assert client.get(proposal.get_applicant_url()).status_code == 404
    client.force_login(applicant)
    assert client.get(proposal.get_applicant_url()).status_code == 200


def test_eligibility_json(client, ormas, city_officer, kotim_officer):
    client.force_login(city_officer)
    data = client.get(reverse("grants:eligibility", args=[ormas.pk])).json()
    assert data["eligible"] is True and {c["code"] for c in data["conditions"]} >= {"registered", "min_age"}
    client.force_login(kotim_officer)
    assert client.get(reverse("grants:eligibility", args=[ormas.pk])).status_code == 404


def test_officer_steps_through_the_page_and_an_image_lpj_is_refused(client, window, ormas, applicant, city_leader):
    proposal = propose(window, ormas, applicant)
    client.force_login(city_leader)
    url = proposal.get_absolute_url()
    client.post(url, {"do": "evaluate"})
    score_all(Proposal.objects.get(pk=proposal.pk), *evaluators())
    client.post(url, {"do": "recommend"})
    client.post(url, {"do": "decide", "nphd_number": "NPHD/1", "nphd_date": "2026-03-20", "amount": "1000"})
    again = client.post(
        url, {"do": "decide", "nphd_number": "NPHD/2", "nphd_date": "2026-03-20", "amount": "9"}, follow=True
    )
    assert "cannot become" in again.content.decode()
    client.post(url, {"do": "disburse"})
    refused = client.post(url, {"do": "lpj", "file": jpeg()})
    assert "not an accepted type" in refused.content.decode()
    client.post(url, {"do": "lpj", "file": pdf()})
    client.post(url, {"do": "verify"})
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.LPJ_VERIFIED and proposal.nphd_number == "NPHD/1"
