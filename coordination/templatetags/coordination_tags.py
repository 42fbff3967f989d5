"""{% coordination_timeline case %}: the meetings, decisions and action items about a case, for the viewer.
{% field_report_citations report as c %}: the protocol clauses a field report cites, and what the viewer may cite."""

from typing import Any

from django import template

from coordination import citations, timeline

register = template.Library()


@register.inclusion_tag("coordination/_timeline.html", takes_context=True)
def coordination_timeline(context: Any, subject: Any, kind: str = "case") -> dict[str, Any]:
    user = context["request"].user
    entries = timeline.for_ormas(subject, user) if kind == "ormas" else timeline.for_case(subject, user)
    return {"entries": entries}


@register.simple_tag(takes_context=True)
def field_report_citations(context: Any, report: Any) -> dict[str, Any]:
    user = context["request"].user
    may_cite = citations.may_cite(user, report)
    cited = list(citations.cited_by(report))
    done = {c.clause_id for c in cited}
    clauses = [c for c in citations.citable_clauses(user, report) if c.pk not in done] if may_cite else []
    return {"cited": cited, "clauses": clauses, "may_cite": may_cite}
