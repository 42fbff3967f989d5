"""{% ormas_grants ormas as proposals %}: an Ormas's grant proposals for its record page, as the viewer may read them."""

from typing import Any

from django import template

from accounts.models import Role
from grants.models import Proposal

register = template.Library()


@register.simple_tag(takes_context=True, name="ormas_grants")
def ormas_grants(context: template.Context, ormas: Any) -> list[Proposal] | None:
    """None (no panel) for a viewer who may not read grant proposals (Proposal.for_officer: officers, Pimpinan)."""
    user = context.get("user")
    if ormas is None or getattr(user, "role", None) not in (Role.OFFICER, Role.LEADER):
        return None
    proposals = Proposal.objects.for_officer(user).filter(ormas=ormas).select_related("window")
    return list(proposals.order_by("-submitted_at")[:20])
