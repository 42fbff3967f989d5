"""The grants part of the pre-filled annual activity report: grants received in the year, with their amounts."""

from decimal import Decimal

from grants import actions
from grants.prefill import grants_received
from grants.tests.helpers import TODAY, evaluators, propose, score_all


def test_a_decided_grant_is_listed_for_its_budget_year(ormas, window, applicant, city_leader):
    proposal = propose(window, ormas, applicant)
    assert grants_received(ormas, window.budget_year) == []  # proposed is not received
    actions.start_evaluation(proposal, by=city_leader)
    score_all(proposal, *evaluators())
    actions.recommend(proposal, by=city_leader)
    actions.decide(proposal, by=city_leader, nphd_number="900/1/NPHD/2026", nphd_date=TODAY, amount=Decimal("20000000"))
    items = grants_received(ormas, window.budget_year)
    assert len(items) == 1
    assert proposal.reference in items[0].text and "20.000.000" in items[0].text and "900/1/NPHD/2026" in items[0].text
