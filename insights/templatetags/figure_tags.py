"""A fast thousands separator for the dashboard's many numbers (humanize's intcomma formats through the full
localisation machinery: a few hundred calls were a good part of rendering the page)."""

from typing import Any

from django import template
from django.utils.formats import get_format

register = template.Library()


@register.filter
def thousands(value: Any) -> Any:
    """1234567 → "1.234.567" in Indonesian, "1,234,567" in English; anything but an int is returned as is."""
    if not isinstance(value, int) or isinstance(value, bool):
        return value
    return f"{value:,}".replace(",", str(get_format("THOUSAND_SEPARATOR")))
