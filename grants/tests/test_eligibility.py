"""The gate: every condition answered with pass/fail and its reason; the rules are data."""

import datetime as dt

import pytest

from grants import actions, eligibility
from grants.models import EligibilityRule, Proposal
from grants.tests.helpers import TODAY, eligible_ormas, evaluators, make_window, score_all
from registry import actions as registry_actions
from registry.models import Ormas
from wadah.testing import make_ormas

pytestmark = pytest.mark.django_db


def failing_codes(ormas, window=None, on=TODAY):
    return {c.code for c in eligibility.check(ormas, window=window, on=on).failing}


def test_the_rules_are_seeded_as_data_with_sources_and_unverified_flags():
    rules = {rule.code: rule for rule in EligibilityRule.objects.all()}
    assert set(rules) == set(eligibility.CHECKS)
    assert all(rule.legal_source for rule in rules.values())
    assert rules["non_recurring"].is_unverified and "PMI" in rules["non_recurring"].parameters["exceptions"]
    assert rules["min_age"].is_unverified


def test_an_eligible_ormas_passes_every_condition_with_a_reason(ormas, window):
    verdict = eligibility.check(ormas, window=window, on=TODAY)
    assert verdict.eligible, verdict.reasons()
    assert all(condition.reason for condition in verdict.conditions)
    data = verdict.as_dict()
    assert data["eligible"] is True and len(data["conditions"]) == EligibilityRule.objects.count()


def test_an_ormas_with_nothing_fails_with_every_reason():
    ormas = make_ormas(skt_number="", skt_issued_on=None, skt_expires_on=None)
    assert failing_codes(ormas) == {"registered", "local_presence", "activity_report", "min_age"}


def test_expired_skt_fails_but_a_legal_entity_needs_its_sk_ahu(ormas):
    assert "registered" in failing_codes(ormas, on=dt.date(2027, 8, 1))
    entity = eligible_ormas(
        name="Yayasan Betang", abbreviation="YB", legal_form=Ormas.LegalForm.FOUNDATION, skt_number=""
    )
    assert "registered" in failing_codes(entity)
    entity.ahu_number, entity.ahu_date = "AHU-0001.AH.01.04.2020", dt.date(2020, 1, 2)
    entity.save()
    assert "registered" not in failing_codes(entity)


def test_halted_ormas_is_refused(ormas):
    registry_actions.change_ormas_status(
        ormas,
        Ormas.Status.FROZEN,
        by=None,
        reason="Penghentian kegiatan",
        decision=registry_actions.Decision(number="SK-TEST/1", date=dt.date(2026, 1, 5), basis="UU 16/2017 Pasal 61"),
    )
    verdict = eligibility.check(ormas, on=TODAY)
    assert [c.code for c in verdict.failing] == ["not_sanctioned"]
    assert "halted" in verdict.failing[0].reason


def test_registration_less_than_a_year_ago_fails_only_while_the_rule_is_enabled():
    young = eligible_ormas(name="Pemuda Baru", abbreviation="PB", skt_issued_on=dt.date(2025, 9, 1))
    assert failing_codes(young) == {"min_age"}
    EligibilityRule.objects.filter(code="min_age").update(enabled=False)
    assert failing_codes(young) == set()


def test_a_rule_without_a_check_fails_closed(ormas):
    EligibilityRule.objects.create(code="new_rule", description="Something new")
    assert "new_rule" in failing_codes(ormas)


def test_overdue_lpj_closes_the_gate_and_a_grant_last_year_is_not_repeated(ormas, city_leader):
    last_year = make_window(budget_year=2025, opens_on=dt.date(2025, 3, 1), closes_on=dt.date(2025, 4, 30))
    proposal = actions.submit_proposal(
        last_year,
        ormas,
        by=city_leader,
        title="Bakti sosial",
        requested_amount=10,
        budget_lines=[("Bahan", 10)],
        on=dt.date(2025, 3, 5),
    )
    actions.start_evaluation(proposal, by=city_leader)
    score_all(proposal, *evaluators())
    actions.recommend(proposal, by=city_leader)
    actions.decide(proposal, by=city_leader, nphd_number="NPHD/1/2025", nphd_date=dt.date(2025, 4, 1), amount=10)
    actions.disburse(proposal, by=city_leader, on=dt.date(2025, 4, 10))
    proposal.refresh_from_db()
    assert proposal.lpj_due == dt.date(2025, 7, 9)  # 90 calendar days (UNVERIFIED period data)
    this_year = make_window()
    assert failing_codes(ormas, this_year) == {"no_overdue_lpj", "non_recurring"}
    # Named exceptions (KONI, PMI, Pramuka, Korpri) may be granted every year.
    EligibilityRule.objects.filter(code="non_recurring").update(parameters={"exceptions": ["IPTK"], "gap_years": 1})
    assert failing_codes(ormas, this_year) == {"no_overdue_lpj"}
    assert Proposal.objects.get(pk=proposal.pk).status == Proposal.Status.DISBURSED


def test_window_fields_and_regions_are_conditions_too(ormas, kotim_ormas):
    window = make_window()
    window.eligible_regions.add("62.02")
    assert "window_region" in failing_codes(ormas, window)
