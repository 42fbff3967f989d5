"""The partnerships part of the Ormas 360 record: its links and business-unit records as timeline entries, for
one viewer (Partnership/BusinessUnit.objects.visible_to), newest first."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from partnerships.models import BusinessUnit, BusinessUnitYear, Partnership
from registry.models import Ormas


@dataclass(frozen=True)
class TimelineEntry:
    on: dt.date
    kind: str  # "partnership" | "partnership_end" | "business_year"
    title: str
    detail: str
    url: str


def partnerships_timeline(ormas: Ormas, user: Any, *, limit: int = 30) -> list[TimelineEntry]:
    entries = []
    links = (
        Partnership.objects.visible_to(user)
        .involving(ormas)
        .filter(status=Partnership.Status.CONFIRMED)
        .select_related("ormas", "other_ormas", "partner")[:200]
    )
    for link in links:
        url = reverse("partnerships:detail", args=[link.pk])
        values = {"kind": link.get_kind_display(), "other": link.counterpart_for(ormas)}
        entries.append(
            TimelineEntry(link.starts_on, "partnership", _("%(kind)s with %(other)s") % values, link.title, url)
        )
        if link.ends_on:
            entries.append(
                TimelineEntry(
                    link.ends_on, "partnership_end", _("%(kind)s with %(other)s ends") % values, link.title, url
                )
            )
    years = BusinessUnitYear.objects.filter(unit__ormas=ormas, unit__in=_units(user, ormas)).select_related("unit")
    for row in years.order_by("-year")[:100]:
        entries.append(
            TimelineEntry(
                dt.date(row.year, 12, 31),
                "business_year",
                _("%(unit)s in %(year)d") % {"unit": row.unit.name, "year": row.year},
                _("%(trained)d people trained, %(started)d businesses started, revenue %(band)s")
                % {
                    "trained": row.people_trained,
                    "started": row.businesses_started,
                    "band": row.get_revenue_band_display(),
                },
                reverse("partnerships:unit", args=[row.unit_id]),
            )
        )
    entries.sort(key=lambda e: e.on, reverse=True)
    return entries[:limit]


def _units(user: Any, ormas: Ormas) -> Any:
    return BusinessUnit.objects.visible_to(user).filter(ormas=ormas).values("pk")
