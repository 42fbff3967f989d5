"""Links: agenda items about a case follow the compartments; the case page's timeline; a case step from a decision."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from coordination import actions, timeline
from coordination.tests.helpers import agency
from supervision import actions as case_actions
from supervision.models import CaseStep


@pytest.fixture
def case(province_officer, city_ormas):
    case = case_actions.open_case(
        ormas=city_ormas, office=province_officer.office, by=province_officer, summary="Pungli", source="complaint"
    )
    case_actions.add_member(case, agency("Polda"), by=province_officer)
    return case


@pytest.fixture
def case_item(held, case, province_officer):
    item = actions.add_agenda_item(held, by=province_officer, title="Kasus pungli Pasar Kahayan", case=case)
    decision = actions.add_decision(item, by=province_officer, text="Klarifikasi pengurus bersama Polda")
    actions.add_action_item(decision, by=province_officer, text="Undang pengurus", owner_agency=agency("Polda"))
    return item


def test_a_case_item_is_shared_with_the_invited_agencies_of_the_case(client, case_item, polda_member, binda_member):
    # Polda takes part in the case and is invited: shared. BINDA is invited but not in the case: restricted.
    client.force_login(polda_member)
    assert "Kasus pungli Pasar Kahayan" in client.get(case_item.meeting.get_absolute_url()).text
    client.force_login(binda_member)
    page = client.get(case_item.meeting.get_absolute_url()).text
    assert "Kasus pungli Pasar Kahayan" not in page and "restricted to its compartment" in page
    minutes = client.get(reverse("coordination:minutes", args=[case_item.meeting.pk])).text
    assert "Klarifikasi pengurus bersama Polda" not in minutes


def test_the_case_timeline_shows_meetings_decisions_and_items_to_who_may_read_them(
    client, case_item, case, province_officer, polda_member, binda_member, city_officer
):
    assert timeline.for_case(case, city_officer) == []  # the meeting is the province team's
    kinds = {entry.kind for entry in timeline.for_case(case, province_officer)}
    assert kinds == {"meeting", "decision", "action_item"}
    assert timeline.for_case(case, binda_member) == []
    assert {e.kind for e in timeline.for_ormas(case.ormas, polda_member)} == {"meeting", "decision", "action_item"}
    client.force_login(province_officer)
    page = client.get(case.get_absolute_url()).text
    assert 'data-timeline="decision"' in page and "Klarifikasi pengurus bersama Polda" in page


def test_a_case_step_from_a_decision(client, case_item, case, province_officer, polda_member):
    decision = case_item.decisions.get()
    with pytest.raises(PermissionDenied):
        actions.case_step_from_decision(decision, by=polda_member, kind="clarification")
    client.force_login(province_officer)
    url = reverse("coordination:decision-step", args=[case_item.meeting.pk, decision.pk])
    assert client.post(url, {"kind": "clarification"}).status_code == 302
    step = case.steps.get()
    assert step.kind == CaseStep.Kind.CLARIFICATION and "Klarifikasi pengurus bersama Polda" in step.decision


def test_the_ormas_record_lists_the_meetings_about_it_only_to_who_may_read_them(
    client, case_item, case, province_officer, city_officer
):
    client.force_login(province_officer)
    page = client.get(case.ormas.get_absolute_url()).text
    assert 'id="koordinasi"' in page and 'data-timeline="decision"' in page
    assert "Klarifikasi pengurus bersama Polda" in page
    # The city officer reads the Ormas but not the province team's meeting: the panel lists nothing of it.
    client.force_login(city_officer)
    page = client.get(case.ormas.get_absolute_url()).text
    assert "Klarifikasi pengurus bersama Polda" not in page and 'data-timeline="decision"' not in page
