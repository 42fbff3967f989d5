from django import template

from audit import labels

register = template.Library()


@register.filter
def action_label(code: str) -> str:
    """{{ entry.action|action_label }}: the audit code in words (audit/labels.py)."""
    return labels.label(code)
