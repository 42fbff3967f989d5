"""The partnerships and business units parts of the pre-filled annual activity report (services/prefill.py)."""

import datetime as dt

from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from partnerships.models import BusinessUnit, BusinessUnitYear, Partnership
from registry.models import Ormas
from services.prefill import Item


def partnerships_in(ormas: Ormas, year: int) -> list[Item]:
    """Confirmed links of the Ormas that ran at some time in the year."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    links = (
        Partnership.objects.current()
        .involving(ormas)
        .filter(starts_on__lte=end)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=start))
        .select_related("ormas", "other_ormas", "partner")
    )
    items = []
    for link in links:
        until = _(", until %(date)s") % {"date": date_format(link.ends_on)} if link.ends_on else ""
        items.append(
            Item(
                _("%(kind)s with %(other)s: %(title)s (from %(start)s%(until)s).")
                % {
                    "kind": link.get_kind_display(),
                    "other": link.counterpart_for(ormas),
                    "title": link.title,
                    "start": date_format(link.starts_on),
                    "until": until,
                },
                on=link.starts_on.isoformat(),
            )
        )
    return items


def business_units_in(ormas: Ormas, year: int) -> list[Item]:
    """Each active business unit with its figures for the year, or a note that they are not recorded yet."""
    records = {r.unit_id: r for r in BusinessUnitYear.objects.filter(unit__ormas=ormas, year=year)}
    items = []
    for unit in BusinessUnit.objects.filter(ormas=ormas, is_active=True):
        head = _("%(name)s (%(kind)s, %(sector)s)") % {
            "name": unit.name,
            "kind": unit.get_kind_display(),
            "sector": unit.get_sector_display(),
        }
        record = records.get(unit.pk)
        if record is None:
            text = _("%(unit)s: no figures recorded for %(year)d yet.") % {"unit": head, "year": year}
        else:
            text = _(
                "%(unit)s in %(year)d: %(members)d members involved, %(trained)d people trained, %(started)d "
                "businesses started, revenue %(band)s."
            ) % {
                "unit": head,
                "year": year,
                "members": record.members_involved,
                "trained": record.people_trained,
                "started": record.businesses_started,
                "band": record.get_revenue_band_display(),
            }
        items.append(Item(text, on=unit.started_on.isoformat() if unit.started_on else ""))
    return items
