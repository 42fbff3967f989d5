from typing import Any

from django import forms, template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from registry.models import Ormas
from wadah.lib.nik import mask_nik as _mask_nik

register = template.Library()

# Status colours follow ux.md: one sentiment per status, always with its text.
STATUS_CLASSES = {
    Ormas.Status.ACTIVE: "bg-green-lt",
    Ormas.Status.INACTIVE: "bg-secondary-lt",
    Ormas.Status.FROZEN: "bg-orange-lt",
    Ormas.Status.REVOKED: "bg-red-lt",
    Ormas.Status.DISSOLVED: "bg-dark-lt",
}


@register.filter
def add_class(field: forms.BoundField, css: str) -> SafeString:
    widget = field.field.widget
    if isinstance(widget, forms.Select) and not isinstance(widget, forms.SelectMultiple) and css == "form-control":
        css = "form-select"
    attrs: dict[str, Any] = {"class": css + (" is-invalid" if field.errors else "")}
    if field.help_text:
        attrs["aria-describedby"] = f"{field.id_for_label}_hint"
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.filter
def is_checkbox(field: forms.BoundField) -> bool:
    return isinstance(field.field.widget, forms.CheckboxInput)


@register.filter
def is_multicheckbox(field: forms.BoundField) -> bool:
    return isinstance(field.field.widget, forms.CheckboxSelectMultiple)


@register.simple_tag
def status_badge(ormas: Ormas) -> SafeString:
    return format_html(
        '<span class="badge {}">{}</span>',
        STATUS_CLASSES.get(Ormas.Status(ormas.status), "bg-secondary-lt"),
        ormas.get_status_display(),
    )


@register.filter
def mask_nik(nik: str | None) -> str:
    return _mask_nik(nik or "")


@register.filter
def field_label(model: Any, name: str) -> str:
    try:
        return str(model._meta.get_field(name).verbose_name)
    except Exception:
        return name
