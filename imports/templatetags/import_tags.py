from typing import Any

from django import template

from registry.models import Ormas

register = template.Library()


@register.filter
def legal_form_label(value: Any) -> str:
    try:
        return str(Ormas.LegalForm(value).label)
    except ValueError:
        return ""


@register.filter
def status_label(value: Any) -> str:
    try:
        return str(Ormas.Status(value).label)
    except ValueError:
        return ""
