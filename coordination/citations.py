"""Protocol clauses cited by field reports, read both ways and for the person looking.

A field report (fieldreports) may cite a clause of a joint protocol in force; the link is coordination's
ClauseCitation (coordination imports fieldreports, never the reverse: test_layers.py). The report's page shows the
clauses it cites through a panel coordination registers in fieldreports' slot; the protocol's page shows, under each
clause, the reports that cite it — only those the viewer may read (supervision.compartments, through
FieldReport.objects.visible_to), with a count of the others.
"""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q

from coordination import access
from coordination.models import Clause, ClauseCitation, ProtocolVersion, Team
from fieldreports.models import FieldReport


def citable_clauses(user: Any, report: FieldReport) -> Any:
    """Clauses of the protocols in force of the teams the user works in, at the report's place or above it (the
    province team's protocol applies in every kab/kota); all of the user's teams if the report has no place."""
    teams = Team.objects.visible_to(user)
    if report.region_id:
        code = report.region_id
        levels = [code[:i] for i in range(len(code), 0, -1) if i == len(code) or code[i] == "."]
        teams = teams.filter(region_id__in=levels)
    return (
        Clause.objects.filter(version__status=ProtocolVersion.Status.IN_FORCE, version__team__in=teams)
        .select_related("version__team")
        .order_by("version__team__region_id", "version__team__name", "id")
    )


def may_cite(user: Any, report: FieldReport) -> bool:
    """The report's author, a member of its agency (its compartment), or a Kesbangpol officer who may read it."""
    if not FieldReport.objects.visible_to(user).filter(pk=report.pk).exists():
        return False
    return report.author_id == user.pk or access.acts_for(user, report.agency_id) or bool(user.can_edit_registry)


def cited_by(report: FieldReport) -> Any:
    return (
        ClauseCitation.objects.filter(field_report=report)
        .select_related("clause__version__team", "cited_by")
        .order_by("cited_at", "id")
    )


@dataclass
class ClauseReports:
    readable: list[FieldReport] = field(default_factory=list)
    hidden: int = 0


def reports_citing(user: Any, clauses: list[Clause]) -> dict[int, ClauseReports]:
    """For each clause, the field reports citing it that the user may read, and how many others there are."""
    rows = ClauseCitation.objects.filter(clause__in=clauses, field_report__isnull=False).values_list(
        "clause_id", "field_report_id"
    )
    ids = {report_id for _clause, report_id in rows}
    readable = {r.pk: r for r in FieldReport.objects.visible_to(user).filter(Q(pk__in=ids)).select_related("ormas")}
    out: dict[int, ClauseReports] = {}
    for clause_id, report_id in rows:
        entry = out.setdefault(clause_id, ClauseReports())
        if report_id in readable:
            entry.readable.append(readable[report_id])
        else:
            entry.hidden += 1
    return out
