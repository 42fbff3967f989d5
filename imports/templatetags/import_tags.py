import datetime as dt
from typing import Any

from django import template
from django.utils.formats import date_format

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


@register.filter
def iso_date(value: Any) -> str:
    """A date kept as ISO text in a row's JSON values, shown the way the reader writes dates."""
    try:
        return date_format(dt.date.fromisoformat(str(value)))
    except ValueError:
        return str(value)
