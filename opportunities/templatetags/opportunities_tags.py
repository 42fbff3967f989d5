"""{% ormas_opportunities ormas as applications %}: the opportunities an Ormas applied for, for its record page."""

from typing import Any

from django import template

from accounts.models import Role
from opportunities.models import OfferApplication

register = template.Library()


@register.simple_tag(takes_context=True, name="ormas_opportunities")
def ormas_opportunities(context: template.Context, ormas: Any) -> list[OfferApplication] | None:
    """None (no panel) for a viewer who may not read the applications of the Ormas's region."""
    user = context.get("user")
    # Officers and Pimpinan read the applications of their scope (OfferApplication.for_officer); Tim Terpadu
    # members and the system administrator do not, so they get no panel.
    if ormas is None or getattr(user, "role", None) not in (Role.OFFICER, Role.LEADER):
        return None
    visible = OfferApplication.objects.for_officer(user).filter(ormas=ormas)
    return list(visible.select_related("offer__party").order_by("-created_at")[:20])
