from typing import Any

from django import template

from supervision.queries import active_sanction

register = template.Library()


@register.simple_tag
def sanction_of(ormas: Any) -> Any:
    """{% sanction_of ormas as sanction %}: the sanction in force against the Ormas, or None (one query)."""
    return active_sanction(ormas)
