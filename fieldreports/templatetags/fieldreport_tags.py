"""{% field_report_panels "detail" %}: the panels other apps registered for a field report's page."""

from django import template
from django.utils.safestring import SafeString

from fieldreports import panels

register = template.Library()


@register.simple_tag(takes_context=True)
def field_report_panels(context: template.Context, slot: str) -> SafeString:
    return panels.render(context, slot)
