"""{% coordination_timeline case %}: the meetings, decisions and action items about a case, for the viewer."""

from typing import Any

from django import template

from coordination import timeline

register = template.Library()


@register.inclusion_tag("coordination/_timeline.html", takes_context=True)
def coordination_timeline(context: Any, subject: Any, kind: str = "case") -> dict[str, Any]:
    user = context["request"].user
    entries = timeline.for_ormas(subject, user) if kind == "ormas" else timeline.for_case(subject, user)
    return {"entries": entries}
