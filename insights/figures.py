"""The dashboard's precomputed figures (ADR 0011): the Ormas figures of dashboard.live_counts, computed per province in
the background, grouped by kab/kota (and by kecamatan for the map), and read back per audience in a few rows.

* `refresh(province)` recomputes one province's AreaFigure rows in one transaction (readers see the old rows until
  it commits) and stamps its FigureRefresh: `as_of` (when the computation started) and `day` (the date the SKT,
  board-term and report rules were evaluated for).
* `request_refresh(province)` queues that in the task worker, at most once at a time per province.
* What triggers it: a dashboard view that finds its province's figures from an earlier day, or audit entries about
  the province's Ormas written after `as_of` (every change to an Ormas, its chapters, documents and applications is
  audited, imports included); `manage.py refresh_figures` from cron every 10 minutes (the same test, with an overlap
  for long transactions) and `--all` nightly. Until the refresh has run the page shows the figures with their
  "as of" time and says that newer changes are being counted.
* `counts(user, regency)` reads a dashboard.Counts from the rows, scoped by AreaFigure.objects.visible_to — the
  registry's own rule (registry.models.RegionScopedQuerySet) on the same kind of region columns.
"""

import datetime as dt
import time
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Q
from django.db.models.functions import Substr
from django.utils import timezone

from audit.models import Entry
from insights import dashboard, quality
from insights.models import AreaFigure, FigureRefresh
from registry.models import Ormas

# A queued refresh that has not started after this long is queued again (a worker was down or restarted).
REQUEST_EXPIRES = dt.timedelta(minutes=10)
# The scheduled run also looks this far before `as_of` for audit entries: a transaction that wrote its entry before
# a refresh started but committed after it was not in that refresh.
LATE_COMMIT = dt.timedelta(minutes=30)


# ---- Computing -------------------------------------------------------------------------------------------------


def compute(province: str, *, today: dt.date) -> list[AreaFigure]:
    """Every figure of one province, per kab/kota and per kecamatan, with the conditions of dashboard/quality."""
    ormas = Ormas.objects.in_region(province).order_by()
    rows: list[AreaFigure] = []

    def add(regency: str, figure: str, key: Any, n: int, region: str = "") -> None:
        if n:
            rows.append(
                AreaFigure(
                    province_code=province,
                    regency_code=regency,
                    region_id=region or regency,
                    figure=figure,
                    key=str(key),
                    n=n,
                )
            )

    for regency, status, form, n in ormas.values_list("regency_code", "status", "legal_form").annotate(n=Count("id")):
        add(regency, "register", f"{status}|{form}", n)
    through = Ormas.fields_of_activity.through
    for regency, field_id, n in (
        through.objects.filter(ormas__in=ormas.values("pk"))
        .order_by()
        .values_list("ormas__regency_code", "fieldofactivity_id")
        .annotate(n=Count("ormas_id"))
    ):
        add(regency, "field", field_id, n)
    for regency, year, n in (
        ormas.annotate(year=dashboard.registration_year())
        .filter(year__isnull=False)
        .values_list("regency_code", "year")
        .annotate(n=Count("id"))
    ):
        add(regency, "year", year, n)
    skt = dashboard.skt_conditions(today)
    grouped: Any = ormas.values("regency_code").annotate(**{k: Count("id", filter=c) for k, c in skt.items()})
    for row in grouped:
        for key in skt:
            add(row["regency_code"], "deadline", key, row[key])
    for key, condition in (
        ("board_ended", dashboard.board_ended_condition(today)),
        ("reports_overdue", dashboard.overdue_report_condition(today)),
    ):
        for regency, n in ormas.filter(condition).values_list("regency_code").annotate(n=Count("id")):
            add(regency, "deadline", key, n)
    for regency, found in quality.counts_by_regency(ormas, today=today).items():
        for check in quality.CHECKS:
            add(regency, "quality", check, found.get(check, 0))
    # The map's drill-down: per kecamatan (the first 8 characters of the secretariat's village code).
    area = Substr("region_id", 1, 8)
    measures = {"ormas": Q(), "active": Q(status=Ormas.Status.ACTIVE), "expired": skt["skt_expired"]}
    for measure, condition in measures.items():
        for regency, district, n in (
            ormas.filter(condition).annotate(area=area).values_list("regency_code", "area").annotate(n=Count("id"))
        ):
            add(regency, "district", measure, n, region=district)
    return rows


def refresh(province: str, *, today: dt.date | None = None) -> FigureRefresh:
    """Recompute one province's figures; concurrent refreshes of the same province wait for each other."""
    FigureRefresh.objects.get_or_create(province_code=province)
    with transaction.atomic():
        marker = FigureRefresh.objects.select_for_update().get(province_code=province)
        started, clock = timezone.now(), time.perf_counter()
        today = today or timezone.localdate()
        rows = compute(province, today=today)
        AreaFigure.objects.filter(province_code=province).delete()
        AreaFigure.objects.bulk_create(rows, batch_size=2000)
        marker.as_of, marker.day, marker.seconds = started, today, time.perf_counter() - clock
        # A request queued before this run started is answered by it; a later one still waits for its own run.
        if marker.requested_at and marker.requested_at <= started:
            marker.requested_at = None
        marker.save()
    cache.delete(_snapshot_key(province))
    return marker


def request_refresh(province: str) -> bool:
    """Queue a refresh of `province` unless one is already queued (and not expired). True if this call queued it."""
    from insights import tasks

    now = timezone.now()
    FigureRefresh.objects.get_or_create(province_code=province)
    unqueued = Q(requested_at__isnull=True) | Q(requested_at__lt=now - REQUEST_EXPIRES)
    claimed = FigureRefresh.objects.filter(unqueued, province_code=province).update(requested_at=now)
    if claimed:
        cache.delete(_snapshot_key(province))
        transaction.on_commit(lambda: tasks.refresh_figures.enqueue(province))
    return bool(claimed)


def changed_since(province: str, moment: dt.datetime) -> bool:
    """Was anything about the province's Ormas audited after `moment`? (An index range on the audit time.)"""
    return Entry.objects.filter(at__gt=moment, ormas__province_code=province).exists()


def due_provinces(*, today: dt.date | None = None, overlap: dt.timedelta = LATE_COMMIT) -> list[str]:
    """Provinces whose figures are from an earlier day, never computed, or older than audited changes."""
    today = today or timezone.localdate()
    present = set(Ormas.objects.order_by().values_list("province_code", flat=True).distinct())
    markers = {m.province_code: m for m in FigureRefresh.objects.filter(province_code__in=present)}
    due = []
    for province in sorted(present):
        marker = markers.get(province)
        if (
            marker is None
            or marker.as_of is None
            or marker.day != today
            or changed_since(province, marker.as_of - overlap)
        ):
            due.append(province)
    return due


# ---- Reading ---------------------------------------------------------------------------------------------------


@dataclass
class Snapshot:
    """Which precomputed figures an audience reads: their time, and whether newer changes are being counted."""

    province: str
    as_of: dt.datetime
    day: dt.date
    pending: bool


def supports(user: Any) -> bool:
    """The figures are kept per kab/kota: a scope of a province or a kab/kota reads them exactly."""
    scope = getattr(user, "scope_code", None) or ""
    return bool(scope) and scope.count(".") <= 1


# How long a web process trusts what it last learnt of a province's figures (their time, whether they are behind):
# a warm dashboard then needs no query for it. A refresh run in this process forgets it at once.
SNAPSHOT_SECONDS = 10


def _snapshot_key(province: str) -> str:
    return f"figures:snapshot:{province}"


def snapshot(user: Any, *, today: dt.date | None = None) -> Snapshot | None:
    """The state of the user's province's figures, queuing a refresh when they are behind (None: read live).

    Never computed yet (a new installation): computed now, once, in this request."""
    if not supports(user):
        return None
    today = today or timezone.localdate()
    province = user.scope_code.split(".")[0]
    known = cache.get(_snapshot_key(province))
    if known is not None and known.day == today:
        return known
    found = _snapshot(province, today)
    cache.set(_snapshot_key(province), found, SNAPSHOT_SECONDS)
    return found


def _snapshot(province: str, today: dt.date) -> Snapshot:
    marker = FigureRefresh.objects.filter(province_code=province).first()
    if marker is None or marker.as_of is None:
        marker = refresh(province, today=today)
    elif not _queued(marker) and (marker.day != today or changed_since(province, marker.as_of)):
        request_refresh(province)
        # With the immediate task backend (development, tests) the refresh has already run.
        marker = FigureRefresh.objects.get(province_code=province)
    assert marker.as_of is not None and marker.day is not None
    behind = marker.day != today or bool(marker.requested_at and marker.requested_at > marker.as_of)
    return Snapshot(province=province, as_of=marker.as_of, day=marker.day, pending=behind)


def _queued(marker: FigureRefresh) -> bool:
    """A refresh is queued and not yet expired (then a view need not look for changes: they will be counted)."""
    return bool(marker.requested_at and marker.requested_at > timezone.now() - REQUEST_EXPIRES)


def counts(user: Any, regency: str = "") -> dashboard.Counts:
    """A dashboard.Counts from the precomputed rows the user may see, narrowed to one kab/kota or not."""
    rows = AreaFigure.objects.visible_to(user)
    # The kecamatan rows serve only the map's drill-down into one kab/kota.
    rows = rows.filter(regency_code=regency) if regency else rows.exclude(figure="district")
    result = dashboard.Counts(
        deadlines=dict.fromkeys(dashboard.DEADLINE_KEYS, 0), map={key: {} for key in dashboard.MAP_KEYS}
    )
    expired_by_regency: dict[str, int] = {}
    for regency_code, region_id, figure, key, n in rows.values_list("regency_code", "region_id", "figure", "key", "n"):
        if figure == "register":
            status, form = key.split("|")
            result.register[(regency_code, status, form)] = n
        elif figure == "field":
            result.fields[int(key)] = result.fields.get(int(key), 0) + n
        elif figure == "year":
            result.years[int(key)] = result.years.get(int(key), 0) + n
        elif figure == "deadline":
            result.deadlines[key] = result.deadlines.get(key, 0) + n
            if key == "skt_expired":
                expired_by_regency[regency_code] = n
        elif figure == "quality":
            result.quality.setdefault(regency_code, {"total": 0})[key] = n
        elif figure == "district" and regency:
            result.map.setdefault(key, {})[region_id] = n
    for (regency_code, _status, _form), n in result.register.items():
        found = result.quality.setdefault(regency_code, {"total": 0})
        found["total"] += n
    if not regency:
        # Per kab/kota: the register's counts and the SKT-expired deadline, summed from the kab/kota rows.
        result.map = {"ormas": {}, "active": {}, "expired": expired_by_regency}
        for (regency_code, status, _form), n in result.register.items():
            result.map["ormas"][regency_code] = result.map["ormas"].get(regency_code, 0) + n
            if status == Ormas.Status.ACTIVE:
                result.map["active"][regency_code] = result.map["active"].get(regency_code, 0) + n
    return result
