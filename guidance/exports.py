"""The guidance lists as Excel workbooks, exactly as filtered on screen (formula injection neutralised by
wadah.lib.excel)."""

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from guidance.capacity import dimension_names, dimension_order
from guidance.models import Event
from wadah.lib.excel import build_xlsx

EXPORT_LIMIT = 20_000


def programmes_workbook(queryset: Any) -> bytes:
    headers = [
        _("Programme"),
        _("Type"),
        _("Organising office"),
        _("Regency/city"),
        _("Starts on"),
        _("Ends on"),
        _("Budget line"),
        _("Budget (Rp)"),
        _("Status"),
        _("Events"),
        _("Goals"),
    ]
    rows = (
        [
            p.name,
            p.programme_type.name,
            str(p.office),
            p.region.name,
            p.starts_on,
            p.ends_on,
            p.budget_line,
            int(p.budget_amount) if p.budget_amount is not None else None,
            p.get_status_display(),
            getattr(p, "event_count", None),
            p.goals,
        ]
        for p in queryset[:EXPORT_LIMIT]
    )
    return build_xlsx(_("Programmes"), headers, rows)


def events_workbook(queryset: Any) -> bytes:
    headers = [
        _("Event"),
        _("Programme"),
        _("Starts"),
        _("Ends"),
        _("Venue"),
        _("Village"),
        _("Online link"),
        _("Seats"),
        _("Ormas accepted"),
        _("Present"),
        _("Status"),
    ]
    rows = (
        [
            e.title,
            e.programme.name,
            timezone.localtime(e.starts_at),
            timezone.localtime(e.ends_at),
            e.venue_name,
            e.venue_region.name if e.venue_region else "",
            e.online_url,
            e.capacity,
            getattr(e, "accepted", None),
            getattr(e, "present", None),
            e.get_status_display(),
        ]
        for e in queryset[:EXPORT_LIMIT]
    )
    return build_xlsx(_("Events"), headers, rows)


def participants_workbook(event: Event) -> bytes:
    """Names, Ormas, positions, phones and presence; the NIK never leaves Wadah in a spreadsheet."""
    headers = [
        _("Name"),
        _("Organisation"),
        _("Position"),
        _("Phone"),
        _("Invitation"),
        _("Checked in"),
        _("Certificate"),
    ]
    rows = []
    for p in event.participants.select_related("ormas", "invitation", "checkin", "certificate"):
        checkin = getattr(p, "checkin", None)
        rows.append(
            [
                p.name,
                p.organisation,
                p.position,
                p.phone,
                p.invitation.get_status_display() if p.invitation else _("Walk-in"),
                timezone.localtime(checkin.checked_in_at) if checkin else None,
                _("yes") if hasattr(p, "certificate") else "",
            ]
        )
    return build_xlsx(_("Participants"), headers, rows)


def assessments_workbook(queryset: Any) -> bytes:
    codes = dimension_order()
    names = dimension_names()
    headers = [_("Ormas"), _("Regency/city code"), _("Date"), _("Kind"), _("Status"), _("Overall score")] + [
        names.get(c, c) for c in codes
    ]
    rows = (
        [
            a.ormas.name,
            a.ormas.regency_code,
            a.assessed_on,
            a.get_kind_display(),
            a.get_status_display(),
            float(a.total),
            *[a.scores.get(c) for c in codes],
        ]
        for a in queryset.select_related("ormas")[:EXPORT_LIMIT]
    )
    return build_xlsx(_("Capacity assessments"), headers, rows)
