"""Community economic empowerment in figures: business units and their yearly records, per kab/kota or per
guidance programme, for the units of the Ormas a user may read (BusinessUnit.objects.visible_to).

Three grouped queries, whatever the number of units: the units by group and kind, the year's records by group, and
the year's revenue bands by group.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Sum
from django.utils.translation import gettext as _

from guidance.models import Programme
from partnerships.models import BusinessUnit, BusinessUnitYear
from regions.models import Region

BANDS = BusinessUnitYear.RevenueBand
KINDS = BusinessUnit.Kind


@dataclass
class Row:
    key: str
    label: str
    units: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    members: int = 0
    reported: int = 0
    trained: int = 0
    started: int = 0
    bands: dict[str, int] = field(default_factory=dict)

    def kind(self, code: str) -> int:
        return self.by_kind.get(code, 0)

    @property
    def koperasi(self) -> int:
        return self.kind(KINDS.COOPERATIVE)

    @property
    def umkm(self) -> int:
        return self.kind(KINDS.MSME)

    @property
    def bumdes(self) -> int:
        return self.kind(KINDS.BUMDES)

    @property
    def with_revenue(self) -> int:
        return sum(n for band, n in self.bands.items() if band != BANDS.NONE)


def figures(user: Any, *, year: int, by: str = "regency", regency: str = "") -> tuple[list[Row], Row]:
    """(rows, total). by = "regency" (the kab/kota where the unit works) or "programme" (the guidance programme)."""
    units = BusinessUnit.objects.visible_to(user).filter(is_active=True)
    if regency:
        units = units.filter(regency_id=regency)
    group = "regency_id" if by == "regency" else "programme_id"
    rows: dict[Any, Row] = {}

    def row(key: Any) -> Row:
        if key not in rows:
            rows[key] = Row(key=str(key or ""), label="")
        return rows[key]

    for key, kind, n, members in units.values_list(group, "kind").annotate(n=Count("pk"), m=Sum("members_involved")):
        r = row(key)
        r.units += n
        r.by_kind[kind] = r.by_kind.get(kind, 0) + n
        r.members += members or 0
    records = BusinessUnitYear.objects.filter(unit__in=units.values("pk"), year=year)
    for key, n, trained, started in records.values_list(f"unit__{group}").annotate(
        n=Count("pk"), t=Sum("people_trained"), s=Sum("businesses_started")
    ):
        r = row(key)
        r.reported, r.trained, r.started = n, trained or 0, started or 0
    bands: dict[Any, dict[str, int]] = defaultdict(dict)
    for key, band, n in records.values_list(f"unit__{group}", "revenue_band").annotate(n=Count("pk")):
        bands[key][band] = n
    for key, counts in bands.items():
        row(key).bands = counts
    _label(rows, by)
    ordered = sorted(rows.values(), key=lambda r: (r.key == "", r.label.casefold()))
    total = Row(key="", label=_("Total"))
    for r in ordered:
        total.units += r.units
        total.members += r.members
        total.reported += r.reported
        total.trained += r.trained
        total.started += r.started
        for k, n in r.by_kind.items():
            total.by_kind[k] = total.by_kind.get(k, 0) + n
        for b, n in r.bands.items():
            total.bands[b] = total.bands.get(b, 0) + n
    return ordered, total


def _label(rows: dict[Any, Row], by: str) -> None:
    keys = [k for k in rows if k]
    names: dict[Any, str]
    if by == "regency":
        names = dict(Region.objects.filter(code__in=keys).values_list("code", "name"))
    else:
        names = dict(Programme.objects.filter(pk__in=keys).values_list("pk", "name"))
    for key, r in rows.items():
        r.label = str(names.get(key, key)) if key else (_("No guidance programme") if by == "programme" else "—")
