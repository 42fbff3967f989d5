"""Pre-filling an application from what Wadah already knows: a registry of providers that higher apps fill.

The annual activity report asks an Ormas what it did in the year. Much of that is already in Wadah: the guidance
events its people attended, the grants it received, its partnerships and business units, its board changes. Those
live in apps above services, which services may not import. So each of those apps registers a *provider* for a
service type in its AppConfig.ready() (like registry/panels.py):

    prefill.register("activity-report", "guidance.events", _("Guidance events attended"), events_attended, order=10)

A provider is `provider(ormas, year) -> list[Item]`: what Wadah knows for that part of the report. The report shows
each part with its items; the Ormas (or the counter officer) confirms it or writes a correction
(services.actions.answer_prefill_part), which freezes the items it answered about in `Application.data["prefill"]`.
A part with items must be answered before the report is sent; an empty part may be, to add what Wadah missed.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils import timezone
from django.utils.functional import Promise

if TYPE_CHECKING:
    from registry.models import Ormas
    from services.models import Application

CONFIRMED, CORRECTED = "confirmed", "corrected"


@dataclass(frozen=True)
class Item:
    text: str
    url: str = ""  # where the Ormas (or an officer) can read or correct it in Wadah; "" for none
    on: str = ""  # ISO date, when the item happened (sorting and display)


Provider = Callable[["Ormas", int], list[Item]]


@dataclass(frozen=True)
class Part:
    code: str
    label: str | Promise
    provider: Provider
    order: int = 100
    # Where the Ormas account adds or corrects these records itself (a URL name taking no arguments), if anywhere.
    edit_url_name: str = ""


_parts: dict[str, dict[str, Part]] = {}


def register(
    service_code: str,
    code: str,
    label: str | Promise,
    provider: Provider,
    *,
    order: int = 100,
    edit_url_name: str = "",
) -> None:
    """Add part `code` to the pre-filled form of service `service_code` (registering it again replaces it)."""
    _parts.setdefault(service_code, {})[code] = Part(code, label, provider, order, edit_url_name)


def parts_for(service_code: str) -> list[Part]:
    return sorted(_parts.get(service_code, {}).values(), key=lambda p: (p.order, p.code))


def report_year(started: dt.date) -> int:
    """The year an activity report is about: the past year until June, the current year from July (reports are
    due "setiap akhir tahun", Permendagri 57/2017; many come in the first months of the next year)."""
    return started.year - 1 if started.month <= 6 else started.year


@dataclass
class Shown:
    """One part as the report shows it: what Wadah knows now, or what was answered (frozen)."""

    part: Part
    items: list[Item]
    answer: str = ""  # "" (not yet), CONFIRMED or CORRECTED
    correction: str = ""
    answered_at: str = ""

    @property
    def needs_answer(self) -> bool:
        return not self.answer and bool(self.items)


def stored(application: "Application") -> dict[str, Any]:
    return dict((application.data or {}).get("prefill") or {})


def year_of(application: "Application") -> int:
    prefill = stored(application)
    if "year" in prefill:
        return int(prefill["year"])
    created = timezone.localdate(application.created_at) if application.created_at else timezone.localdate()
    return report_year(created)


def collect(part: Part, ormas: "Ormas", year: int) -> list[Item]:
    return sorted(part.provider(ormas, year), key=lambda item: (item.on, item.text))


def shown(application: "Application") -> list[Shown]:
    """Every registered part of this application's service: answered parts as frozen, the others as Wadah knows
    them now (so a record added after the report was started shows up until the part is answered)."""
    answers = stored(application).get("parts", {})
    year = year_of(application)
    rows = []
    for part in parts_for(application.service_type.code):
        answer = answers.get(part.code)
        if answer:
            items = [Item(**item) for item in answer.get("items", [])]
            rows.append(Shown(part, items, answer["answer"], answer.get("correction", ""), answer.get("at", "")))
        else:
            rows.append(Shown(part, collect(part, application.ormas, year)))
    return rows


def unanswered(application: "Application") -> list[Shown]:
    return [row for row in shown(application) if row.needs_answer]
