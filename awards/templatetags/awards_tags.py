"""{% ormas_awards ormas as candidacies %}: an Ormas's shortlistings and awards, for its record page."""

from typing import Any

from django import template

from accounts.models import Role
from awards.models import AwardRound, Candidate

register = template.Library()


@register.simple_tag(takes_context=True, name="ormas_awards")
def ormas_awards(context: template.Context, ormas: Any) -> list[Candidate] | None:
    """None (no panel) for viewers who do not read award rounds (officers and Pimpinan of the round's scope do)."""
    user = context.get("user")
    if ormas is None or getattr(user, "role", None) not in (Role.OFFICER, Role.LEADER):
        return None
    rounds = AwardRound.objects.for_officer(user)
    return list(
        Candidate.objects.filter(ormas=ormas, round__in=rounds).select_related("round").order_by("-round__year")
    )
