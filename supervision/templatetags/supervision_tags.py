from typing import Any

from django import template

from audit import labels
from supervision.queries import active_sanction

register = template.Library()


@register.simple_tag
def sanction_of(ormas: Any) -> Any:
    """{% sanction_of ormas as sanction %}: the sanction in force against the Ormas, or None (one query)."""
    return active_sanction(ormas)


@register.filter
def history_label(action: str) -> str:
    return labels.label(action)


@register.filter
def case_status_label(status: str) -> str:
    from supervision.models import Case

    return str(dict(Case.Status.choices).get(status, status))
