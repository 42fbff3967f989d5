"""{% ormas_network ormas as net %}: the links, business units and timeline of an Ormas for its record page."""

from typing import Any

from django import template

from partnerships.models import BusinessUnit, Partnership
from partnerships.timeline import partnerships_timeline

register = template.Library()


@register.simple_tag(takes_context=True)
def ormas_network(context: template.Context, ormas: Any) -> dict[str, Any] | None:
    user = context.get("user")
    if ormas is None or not getattr(user, "can_read_registry", False):
        return None
    links = (
        Partnership.objects.visible_to(user)
        .involving(ormas)
        .exclude(status__in=(Partnership.Status.DECLINED, Partnership.Status.REMOVED))
        .select_related("ormas", "other_ormas", "partner")
        .prefetch_related("documents")[:20]
    )
    units = BusinessUnit.objects.visible_to(user).filter(ormas=ormas).prefetch_related("years")[:20]
    return {"links": links, "units": units, "timeline": partnerships_timeline(ormas, user, limit=10)}
