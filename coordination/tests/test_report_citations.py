"""A field report cites a clause of the joint protocol in force (issue 13 item 5): from the report's page (a panel
coordination registers in fieldreports' slot), shown on the report and under the clause — to those who may read
the report only."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from coordination import actions, citations
from coordination.tests.helpers import agency
from fieldreports.tests.helpers import submitted_report

CLAUSES = [
    ("1", "notification", "Polda memberi tahu Kesbangpol dalam 1 hari kerja."),
    ("2", "lead", "Polda memimpin penanganan dugaan pidana."),
]


def _clause_choices(page: str) -> str:
    start = page.index('name="clause"')
    return page[start : page.index("</select>", start)]


@pytest.fixture
def in_force(team, province_officer, leader, polda_member, binda_member):
    version = actions.create_protocol_version(team, by=province_officer, title="Kesepahaman 2026", clauses=CLAUSES)
    actions.propose_protocol(version, by=province_officer)
    for user, abbreviation in ((polda_member, "Polda"), (binda_member, "BINDA"), (leader, "Kesbangpol")):
        actions.endorse_protocol(version, by=user, agency=agency(abbreviation))
    version.refresh_from_db()
    return version


def test_the_reporter_cites_a_clause_from_the_report_page(client, in_force, polda_member):
    report = submitted_report(polda_member)
    clause = in_force.clauses.get(number="1")
    client.force_login(polda_member)
    page = client.get(report.get_absolute_url()).content.decode()
    assert reverse("coordination:field-report-cite", args=[report.pk]) in page
    assert f'value="{clause.pk}"' in _clause_choices(page)
    client.post(reverse("coordination:field-report-cite", args=[report.pk]), {"clause": clause.pk})
    assert clause.citations.get().field_report == report
    page = client.get(report.get_absolute_url()).content.decode()
    assert "data-report-citations" in page and f"#pasal-{clause.number}" in page
    # Cited once: the clause is no longer offered, and citing it again is refused.
    assert f'value="{clause.pk}"' not in _clause_choices(page)
    with pytest.raises(ValidationError):
        actions.cite_clause(clause, by=polda_member, field_report=report)
    # The protocol's page lists the report under the clause.
    protocol = client.get(in_force.get_absolute_url()).content.decode()
    assert report.reference in protocol and "data-citing-reports" in protocol


def test_other_agencies_do_not_see_the_report_under_the_clause_until_it_is_shared(
    client, in_force, polda_member, binda_member
):
    report = submitted_report(polda_member)
    clause = in_force.clauses.get(number="1")
    actions.cite_clause(clause, by=polda_member, field_report=report)
    client.force_login(binda_member)
    protocol = client.get(in_force.get_absolute_url()).content.decode()
    assert report.reference not in protocol
    assert "1 laporan lagi" in protocol or "1 more in another agency" in protocol
    assert citations.reports_citing(binda_member, [clause])[clause.pk].hidden == 1
    # And BINDA cannot cite from a report it cannot read.
    with pytest.raises(PermissionDenied):
        actions.cite_clause(in_force.clauses.get(number="2"), by=binda_member, field_report=report)
    response = client.post(reverse("coordination:field-report-cite", args=[report.pk]), {"clause": clause.pk})
    assert response.status_code == 404


def test_only_clauses_in_force_of_the_reporter_s_teams_are_cited(client, team, province_officer, polda_member):
    draft = actions.create_protocol_version(team, by=province_officer, title="Draf", clauses=CLAUSES)
    report = submitted_report(polda_member)
    with pytest.raises(ValidationError):
        actions.cite_clause(draft.clauses.get(number="1"), by=polda_member, field_report=report)
    assert not citations.citable_clauses(polda_member, report).exists()
    client.force_login(polda_member)
    # No protocol in force: the panel stays away; a forged post is refused with a message, nothing changed.
    assert "data-report-citations" not in client.get(report.get_absolute_url()).content.decode()
    for junk in ("", "abc", "99999999999999", str(draft.clauses.first().pk)):
        response = client.post(reverse("coordination:field-report-cite", args=[report.pk]), {"clause": junk})
        assert response.status_code == 302
    assert not draft.clauses.first().citations.exists()
