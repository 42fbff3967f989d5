"""Data quality per office: five checks an office can fix, the share of its Ormas that pass them all, and the records
behind every number.

Each check is a condition on Ormas (a Q with Exists subqueries), so one grouped query counts every check for every
kab/kota, and the same condition lists the records behind a number (quality_records). An Ormas belongs to the
office of its kab/kota (Office.for_region); a province office sees the sum of its kab/kota.

The checks:
* missing_documents — no current document on file at all (the articles, the SKT or deed, the board decree …);
* stale_board — no active chapter whose board term is still running (term ended, or never recorded);
* duplicate_suspect — another Ormas in the same province has the same normalised name;
* no_desa_code — the secretariat is coded to a kecamatan or kab/kota, not to its desa/kelurahan;
* no_contact — neither a phone number nor an e-mail address.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Office
from regions.models import Region
from regions.scope import within_q
from registry.models import Chapter, Document, Ormas, OrmasQuerySet

VILLAGE_LEVELS = [Region.Level.DESA, Region.Level.KELURAHAN, Region.Level.DESA_ADAT]

CHECKS: dict[str, Any] = {
    "missing_documents": _("No documents on file"),
    "stale_board": _("Board term ended or not recorded"),
    "duplicate_suspect": _("Possible duplicate (same name)"),
    "no_desa_code": _("Address without a desa/kelurahan code"),
    "no_contact": _("No phone or e-mail"),
}


def check_condition(check: str, *, today: dt.date | None = None) -> Any:
    """The condition an Ormas fails the check by (a KeyError for an unknown check: callers validate first)."""
    today = today or timezone.localdate()
    if check == "missing_documents":
        return ~Exists(Document.objects.filter(ormas=OuterRef("pk"), archived_at__isnull=True))
    if check == "stale_board":
        running = Chapter.objects.filter(ormas=OuterRef("pk"), is_active=True, term_end__gte=today)
        return ~Exists(running)
    if check == "duplicate_suspect":
        same = Ormas.objects.filter(
            name_search=OuterRef("name_search"), province_code=OuterRef("province_code")
        ).exclude(pk=OuterRef("pk"))
        return Exists(same)
    if check == "no_desa_code":
        return ~Q(region__level__in=VILLAGE_LEVELS)
    if check == "no_contact":
        return Q(phone="", email="")
    raise KeyError(check)


@dataclass
class OfficeQuality:
    office: str
    regency_code: str
    total: int
    counts: dict[str, int]
    clean: int

    @property
    def score(self) -> int:
        """Percentage of Ormas that pass every check (100 for an office with no Ormas: nothing to fix)."""
        return round(100 * self.clean / self.total) if self.total else 100


def quality_by_office(ormas: OrmasQuerySet, scope: str, *, today: dt.date | None = None) -> list[OfficeQuality]:
    """One row per kab/kota office in scope, plus the province's total when the scope is a province. One query."""
    today = today or timezone.localdate()
    conditions = {check: check_condition(check, today=today) for check in CHECKS}
    any_problem = Q()
    for condition in conditions.values():
        any_problem |= condition
    rows = (
        ormas.order_by()
        .values("regency_code")
        .annotate(
            total=Count("id"),
            n_clean=Count("id", filter=~any_problem),
            **{check: Count("id", filter=condition) for check, condition in conditions.items()},
        )
    )
    by_regency: dict[str, dict[str, Any]] = {row["regency_code"]: dict(row) for row in rows}
    offices = Office.objects.filter(within_q("region__code", scope)).select_related("region")
    result = []
    for office in offices:
        if office.is_province:
            continue
        row: dict[str, Any] = by_regency.get(office.region_id, {})
        result.append(
            OfficeQuality(
                office=str(office),
                regency_code=office.region_id,
                total=row.get("total", 0),
                counts={check: row.get(check, 0) for check in CHECKS},
                clean=row.get("n_clean", 0),
            )
        )
    if "." not in scope:
        total = OfficeQuality(
            office=str(_("Whole province")),
            regency_code="",
            total=sum(r["total"] for r in by_regency.values()),
            counts={check: sum(r[check] for r in by_regency.values()) for check in CHECKS},
            clean=sum(r["n_clean"] for r in by_regency.values()),
        )
        result.append(total)
    return result


def quality_records(ormas: OrmasQuerySet, check: str, *, today: dt.date | None = None) -> OrmasQuerySet:
    """The Ormas behind one number: those failing `check`."""
    return ormas.filter(check_condition(check, today=today))
