"""The proposal's TRANSITIONS walked through the actions, and the refusals item 9 asks for."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command

from audit.models import Entry
from grants import actions
from grants.models import Proposal
from grants.tests.helpers import TODAY, evaluators, jpeg, make_window, pdf, propose, score_all
from letters.models import Letter
from registry import actions as registry_actions
from registry.models import Ormas
from wadah.lib.workflow import InvalidTransition

pytestmark = pytest.mark.django_db
S = Proposal.Status


def test_every_status_is_in_the_table_and_final_ones_lead_nowhere():
    assert set(Proposal.TRANSITIONS) == set(S.values)
    for final in (S.LPJ_VERIFIED, S.REJECTED, S.WITHDRAWN, S.FUNDED_ELSEWHERE, S.NOT_FUNDED):
        assert Proposal.TRANSITIONS[final] == set()


def test_walk_from_proposal_to_verified_lpj(window, ormas, applicant, city_leader):
    proposal = propose(window, ormas, applicant)
    assert proposal.channel == Proposal.Channel.ONLINE and proposal.eligibility["eligible"] is True
    actions.add_document(proposal, pdf("proposal.pdf"), by=applicant)
    actions.start_evaluation(proposal, by=city_leader)
    first, second = evaluators()
    score_all(proposal, first)
    with pytest.raises(ValidationError, match="2 evaluators"):
        actions.recommend(proposal, by=city_leader)
    score_all(proposal, second)
    actions.recommend(proposal, by=city_leader)
    actions.decide(proposal, by=city_leader, nphd_number="NPHD/7/2026", nphd_date=TODAY, amount=Decimal(20000000))
    actions.disburse(proposal, by=first, on=dt.date(2026, 4, 1))
    assert proposal.lpj_due == dt.date(2026, 6, 30)
    actions.receive_lpj(proposal, pdf(), by=applicant)
    actions.return_lpj(proposal, by=first, note="Kuitansi belum lengkap")
    actions.receive_lpj(proposal, pdf("lpj-2.pdf"), by=applicant)
    actions.verify_lpj(proposal, by=first)
    proposal.refresh_from_db()
    assert proposal.status == S.LPJ_VERIFIED and proposal.score_total() == 16
    actions_logged = set(
        Entry.objects.filter(about="grants.proposal", about_id=proposal.pk).values_list("action", flat=True)
    )
    assert {"grant.submitted", "grant.decided", "grant.disbursed", "grant.lpj_verified"} <= actions_logged


def test_bpkad_window_recommendation_letter_and_outcome(ormas, city_officer, city_leader):
    window = make_window(recommendation_only=True)
    proposal = propose(window, ormas, city_officer)
    assert proposal.channel == Proposal.Channel.COUNTER
    actions.start_evaluation(proposal, by=city_officer)
    score_all(proposal, *evaluators())
    actions.recommend(proposal, by=city_leader)
    with pytest.raises(ValidationError):
        actions.decide(proposal, by=city_leader, nphd_number="X", nphd_date=TODAY, amount=Decimal(1))
    actions.send_recommendation(proposal, by=city_leader)
    letter = Letter.objects.get(pk=proposal.recommendation_letter_id)
    assert letter.kind == "grant-recommendation" and letter.number
    actions.record_outcome(proposal, by=city_officer, funded=True, note="SK Gubernur", nphd_number="NPHD/B/1")
    assert proposal.status == S.FUNDED_ELSEWHERE


def test_withdraw_and_reject(window, ormas, applicant, city_leader):
    proposal = propose(window, ormas, applicant)
    actions.withdraw(proposal, by=applicant)
    assert proposal.status == S.WITHDRAWN
    again = propose(window, ormas, applicant)
    actions.start_evaluation(again, by=city_leader)
    with pytest.raises(ValidationError):
        actions.reject(again, by=city_leader, note=" ")
    actions.reject(again, by=city_leader, note="Tidak sesuai tujuan")
    assert again.status == S.REJECTED


# ---- Bad input (issue 12 item 9) ------------------------------------------------------------------------------


def test_proposal_from_an_ineligible_ormas_is_refused_with_the_failing_conditions(window, ormas, applicant):
    registry_actions.change_ormas_status(
        ormas,
        Ormas.Status.REVOKED,
        by=None,
        reason="Dicabut",
        decision=registry_actions.Decision(number="SK-TEST/1", date=dt.date(2026, 1, 5), basis="UU 16/2017 Pasal 61"),
    )
    with pytest.raises(ValidationError) as refused:
        propose(window, ormas, applicant)
    text = " ".join(refused.value.messages)
    assert "does not meet" in text and "Not halted, revoked or dissolved" in text and "Revoked" in text
    assert not Proposal.objects.exists()


def test_an_lpj_that_is_not_a_document_is_refused(window, ormas, applicant, city_leader):
    proposal = propose(window, ormas, applicant)
    actions.start_evaluation(proposal, by=city_leader)
    score_all(proposal, *evaluators())
    actions.recommend(proposal, by=city_leader)
    actions.decide(proposal, by=city_leader, nphd_number="N/1", nphd_date=TODAY, amount=Decimal(1000))
    actions.disburse(proposal, by=city_leader, on=TODAY)
    with pytest.raises(ValidationError, match="not an accepted type"):
        actions.receive_lpj(proposal, jpeg(), by=applicant)
    proposal.refresh_from_db()
    assert proposal.status == S.DISBURSED and not proposal.documents.exists()


def test_a_grant_decided_twice_is_refused(window, ormas, applicant, city_leader):
    proposal = propose(window, ormas, applicant)
    actions.start_evaluation(proposal, by=city_leader)
    score_all(proposal, *evaluators())
    actions.recommend(proposal, by=city_leader)
    actions.decide(proposal, by=city_leader, nphd_number="N/1", nphd_date=TODAY, amount=Decimal(1000))
    with pytest.raises(InvalidTransition):
        actions.decide(proposal, by=city_leader, nphd_number="N/2", nphd_date=TODAY, amount=Decimal(5000))
    proposal.refresh_from_db()
    assert proposal.nphd_number == "N/1" and proposal.granted_amount == 1000


def test_wrong_people_are_refused(window, ormas, applicant, city_officer, kotim_officer, kotim_ormas):
    with pytest.raises(PermissionDenied):
        propose(window, kotim_ormas, applicant)  # not its Ormas
    proposal = propose(window, ormas, applicant)
    with pytest.raises(PermissionDenied):
        actions.start_evaluation(proposal, by=kotim_officer)  # outside the window's region
    actions.start_evaluation(proposal, by=city_officer)
    with pytest.raises(PermissionDenied):
        actions.recommend(proposal, by=city_officer)  # Pimpinan only


def test_budget_lines_must_add_up(window, ormas, applicant):
    with pytest.raises(ValidationError, match="add up"):
        actions.submit_proposal(
            window,
            ormas,
            by=applicant,
            title="X",
            requested_amount=Decimal(10),
            budget_lines=[("A", Decimal(5))],
            on=TODAY,
        )


def test_lpj_reminders_once_a_day(window, ormas, applicant, city_leader, mailoutbox):
    proposal = propose(window, ormas, applicant)
    actions.start_evaluation(proposal, by=city_leader)
    score_all(proposal, *evaluators())
    actions.recommend(proposal, by=city_leader)
    actions.decide(proposal, by=city_leader, nphd_number="N/1", nphd_date=TODAY, amount=Decimal(1000))
    actions.disburse(proposal, by=city_leader, on=TODAY)
    assert proposal.lpj_due is not None
    day = proposal.lpj_due + dt.timedelta(days=1)
    call_command("grant_lpj_reminders", "--today", day.isoformat())
    call_command("grant_lpj_reminders", "--today", day.isoformat())
    assert len(mailoutbox) == 1 and proposal.reference in mailoutbox[0].subject  # sent in Indonesian
