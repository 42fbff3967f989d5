import datetime as dt
from typing import Any

from django import forms, template
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from registry import panels
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
    Ormas.Status.TERDATA: "bg-azure-lt",
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


@register.simple_tag
def history_changes(entry: Any) -> list[tuple[str, str, str]]:
    """The entry's changes as (field label, before, after) in the reader's language, not stored values."""
    model = entry.subject_type.model_class() if entry.subject_type_id else None
    rows = []
    for name, values in (entry.changes or {}).items():
        before, after = (values + [None, None])[:2] if isinstance(values, list) else (None, values)
        label, field = name, None
        if model is not None:
            try:
                field = model._meta.get_field(name)
                label = str(getattr(field, "verbose_name", name))
            except Exception:
                field = None
        rows.append((label, _display(field, before), _display(field, after)))
    return rows


def _display(field: Any, value: Any) -> str:
    if value in (None, "", []):
        return "—"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    choices = dict(getattr(field, "choices", None) or []) if field is not None else {}
    if value in choices:
        return str(choices[value])
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return date_format(dt.date.fromisoformat(value))
        except ValueError:
            pass
    return str(value)


@register.simple_tag(takes_context=True)
def ormas_panels(context: template.Context, slot: str) -> SafeString:
    """{% ormas_panels "summary" %}: the panels other apps registered for this slot (registry/panels.py)."""
    return panels.render(context, slot)
