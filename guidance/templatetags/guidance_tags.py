"""{% guidance_timeline ormas as entries %}: the Ormas's guidance timeline for the person looking at its record."""

from typing import Any

from django import template

from guidance.timeline import TimelineEntry, guidance_timeline

register = template.Library()


@register.simple_tag(takes_context=True, name="guidance_timeline")
def guidance_timeline_tag(context: template.Context, ormas: Any) -> list[TimelineEntry] | None:
    user = context.get("user")
    if ormas is None or not getattr(user, "can_read_registry", False):
        return None
    return guidance_timeline(ormas, user)  # type: ignore[arg-type]
