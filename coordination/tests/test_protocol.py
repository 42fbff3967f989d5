"""The joint protocol: versions, endorsement per agency by its named representative, in force, diff, citations."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from coordination import actions
from coordination.diff import clause_diff
from coordination.models import Minutes, ProtocolVersion
from coordination.tests.helpers import agency
from supervision import actions as case_actions

CLAUSES = [
    ("1", "notification", "Kesbangpol memberi tahu Polda dalam 1 hari kerja."),
    ("2", "lead", "Polda memimpin penanganan dugaan pidana."),
]


@pytest.fixture
def proposed(team, province_officer):
    version = actions.create_protocol_version(team, by=province_officer, title="Kesepahaman", clauses=CLAUSES)
    return actions.propose_protocol(version, by=province_officer)


def test_in_force_when_every_member_agency_endorsed(proposed, leader, polda_member, binda_member):
    assert proposed.required_agencies.count() == 3
    actions.endorse_protocol(proposed, by=polda_member, agency=agency("Polda"))
    actions.endorse_protocol(proposed, by=binda_member, agency=agency("BINDA"))
    proposed.refresh_from_db()
    assert proposed.status == ProtocolVersion.Status.PROPOSED
    actions.endorse_protocol(proposed, by=leader, agency=agency("Kesbangpol"))
    proposed.refresh_from_db()
    assert proposed.status == ProtocolVersion.Status.IN_FORCE and proposed.in_force_at
    endorsement = proposed.endorsements.get(agency=agency("Polda"))
    assert endorsement.representative == polda_member and endorsement.representative_name == "Dir Intelkam"


def test_endorsing_for_another_agency_is_refused(client, proposed, polda_member, kejati_member, province_officer):
    with pytest.raises(PermissionDenied):
        actions.endorse_protocol(proposed, by=polda_member, agency=agency("BINDA"))
    with pytest.raises(PermissionDenied):  # a Kesbangpol officer not named on the roster
        actions.endorse_protocol(proposed, by=province_officer, agency=agency("Kesbangpol"))
    with pytest.raises(ValidationError):
        actions.endorse_protocol(proposed, by=kejati_member, agency=agency("Kejati"))
    client.force_login(polda_member)
    url = reverse("coordination:protocol-endorse", args=[proposed.pk])
    response = client.post(url, {"agency": agency("BINDA").pk}, follow=True)
    assert response.status_code == 200 and "own agency" in response.text
    assert not proposed.endorsements.exists()
    actions.endorse_protocol(proposed, by=polda_member, agency=agency("Polda"))
    with pytest.raises(ValidationError):
        actions.endorse_protocol(proposed, by=polda_member, agency=agency("Polda"))


def test_a_proposed_version_is_fixed_and_a_new_one_shows_what_changed(
    client, proposed, team, province_officer, leader, polda_member, binda_member
):
    with pytest.raises(ValidationError):
        actions.set_clause(proposed, by=province_officer, number="3", topic="other", text="Terlambat")
    for user, abbreviation in ((polda_member, "Polda"), (binda_member, "BINDA"), (leader, "Kesbangpol")):
        actions.endorse_protocol(proposed, by=user, agency=agency(abbreviation))
    second = actions.create_protocol_version(team, by=province_officer, title="Kesepahaman 2026")
    actions.set_clause(
        second,
        by=province_officer,
        number="1",
        topic="notification",
        text="Kesbangpol memberi tahu Polda dalam 2 hari kerja.",
    )
    actions.set_clause(second, by=province_officer, number="2", topic="lead", text="")
    actions.set_clause(
        second, by=province_officer, number="3", topic="compartments", text="Catatan BINDA tidak dibagikan tanpa izin."
    )
    changes = {c.number: c for c in clause_diff(list(proposed.clauses.all()), list(second.clauses.all()))}
    assert changes["1"].kind == "changed" and ("-", "1") in changes["1"].words and ("+", "2") in changes["1"].words
    assert changes["2"].kind == "removed" and changes["3"].kind == "added"
    client.force_login(province_officer)
    page = client.get(second.get_absolute_url())
    assert page.status_code == 200 and "<del>1</del>" in page.text and "<ins>2</ins>" in page.text
    actions.propose_protocol(second, by=province_officer)
    for user, abbreviation in ((polda_member, "Polda"), (binda_member, "BINDA"), (leader, "Kesbangpol")):
        actions.endorse_protocol(second, by=user, agency=agency(abbreviation))
    proposed.refresh_from_db()
    assert proposed.status == ProtocolVersion.Status.SUPERSEDED


def test_a_case_step_cites_a_clause_of_the_protocol_in_force(
    client, proposed, leader, polda_member, binda_member, city_officer, city_ormas
):
    for user, abbreviation in ((polda_member, "Polda"), (binda_member, "BINDA"), (leader, "Kesbangpol")):
        actions.endorse_protocol(proposed, by=user, agency=agency(abbreviation))
    case = case_actions.open_case(
        ormas=city_ormas, office=city_officer.office, by=city_officer, summary="Pungli", source="monitoring"
    )
    step = case_actions.start_clarification(case, by=city_officer, decision="Panggil pengurus")
    clause = proposed.clauses.get(number="1")
    with pytest.raises(PermissionDenied):
        actions.cite_clause(clause, by=polda_member, case_step=step)
    actions.cite_clause(clause, by=city_officer, case_step=step)
    assert clause.citations.get().case_step == step


def test_minutes_transitions(db):
    for model in (Minutes, ProtocolVersion):
        for source, targets in model.TRANSITIONS.items():
            assert source in model.Status.values and targets <= set(model.Status.values)
