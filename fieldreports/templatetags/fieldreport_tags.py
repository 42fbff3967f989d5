"""{% field_report_panels "detail" %}: the panels other apps registered for a field report's page."""

from django import template
from django.utils.safestring import SafeString, mark_safe

from fieldreports import panels

register = template.Library()


@register.simple_tag(takes_context=True)
def field_report_panels(context: template.Context, slot: str) -> SafeString:
    engine = context.template.engine  # type: ignore[union-attr]
    # Each panel renders like an {% include %}: with the page's context, autoescaped by its own template.
    return mark_safe("".join(engine.get_template(p.template).render(context) for p in panels.panels_in(slot)))
