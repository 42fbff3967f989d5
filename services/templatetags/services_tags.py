from typing import Any

from django import template

from services import prefill

register = template.Library()


@register.filter
def absolute(value: int) -> int:
    return abs(value)


@register.simple_tag
def prefill_parts(application: Any) -> list[prefill.Shown]:
    """{% prefill_parts application as prefill_parts %}: the pre-filled parts of the application (none for most)."""
    if not prefill.parts_for(application.service_type.code):
        return []
    return prefill.shown(application)
