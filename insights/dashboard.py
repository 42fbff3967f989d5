"""The leader's dashboard: counts, trends, deadlines and open matters, each read through its app's visibility rule.

Every figure here is one aggregate query (grouped in SQL, never a loop over records), and every figure starts from
the visibility function of its kind of record: Ormas.objects.visible_to, Application.objects.for_officer,
Complaint.objects.visible_to, Case.objects.visible_to (which applies case membership), so that the dashboard
never counts what the user could not open. A kab/kota chosen on the map narrows every figure (`regency`).

The figures over the Ormas themselves (hundreds of thousands of rows at national scale) come in one `Counts`: either
computed directly here (`live_counts`, the definition) or read from the precomputed figures (insights/figures.py,
ADR 0011), which are these same queries grouped by kab/kota and kecamatan. The tables are built from a Counts by
plain functions, so the page, the export and the direct count cannot disagree on what a number means. Figures
over applications, complaints and cases (small, indexed tables) are always read live.

Figures come back as `Table`s: a title, column headings and rows. The page draws a chart from a table and shows the
table beside it; the .xlsx export writes the same rows (views.py), so the chart, the table and the file agree.
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.core.cache import cache
from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce, ExtractYear, Substr, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from complaints.models import Complaint
from regions.models import Region
from regions.scope import within
from registry.models import Chapter, FieldOfActivity, Ormas, OrmasQuerySet
from services.models import Application, ApplicationDocument
from supervision.models import Case, CaseStep

TREND_YEARS = 10
TREND_MONTHS = 12


@dataclass
class Table:
    """One chart's data: what the chart draws, the table shows and the export writes."""

    key: str
    title: str
    headers: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    # Per row, the staff list the row counts (ux.md: every number clickable to the list it counts).
    links: list[str] = field(default_factory=list)

    @property
    def items(self) -> list[tuple[list[Any], str]]:
        """(row, link) pairs, for the template."""
        return list(zip(self.rows, self.links, strict=False))


DEADLINE_KEYS = ("skt30", "skt90", "skt_expired", "board_ended", "reports_overdue")
MAP_KEYS = ("ormas", "active", "expired")


@dataclass
class Counts:
    """The Ormas figures of one audience (a user's scope, narrowed to one kab/kota or not).

    register: Ormas by (kab/kota, status, legal form); fields: by bidang id; years: by year of national registration;
    deadlines: the DEADLINE_KEYS; quality: per kab/kota, "total" and the failures of each data-quality check;
    map: per MAP_KEYS measure, per kab/kota (or per kecamatan of the chosen kab/kota).
    """

    register: dict[tuple[str, str, str], int] = field(default_factory=dict)
    fields: dict[int, int] = field(default_factory=dict)
    years: dict[int, int] = field(default_factory=dict)
    deadlines: dict[str, int] = field(default_factory=dict)
    quality: dict[str, dict[str, int]] = field(default_factory=dict)
    map: dict[str, dict[str, int]] = field(default_factory=dict)


def skt_conditions(today: dt.date) -> dict[str, Q]:
    """SKT expiring within 30 and 90 days, and expired (SKT holders only: an SK AHU does not expire)."""
    skt = Q(legal_form=Ormas.LegalForm.UNINCORPORATED)
    return {
        "skt30": skt & Q(skt_expires_on__gte=today, skt_expires_on__lte=today + dt.timedelta(days=30)),
        "skt90": skt & Q(skt_expires_on__gte=today, skt_expires_on__lte=today + dt.timedelta(days=90)),
        "skt_expired": skt & Q(skt_expires_on__lt=today),
    }


def board_ended_condition(today: dt.date) -> Exists:
    """An active chapter whose board term has ended."""
    return Exists(Chapter.objects.filter(ormas=OuterRef("pk"), is_active=True, term_end__lt=today))


def overdue_report_condition(today: dt.date) -> Q:
    """SKT holders registered over a year ago with no activity report approved in the last 12 months.

    The same rule as the risk signal (insights/risk.py overdue_activity_report), as one condition for many Ormas.
    """
    since = today - dt.timedelta(days=365)
    approved = Application.objects.filter(
        ormas=OuterRef("pk"),
        service_type__code="activity-report",
        status=Application.Status.APPROVED,
        decided_at__date__gte=since,
    )
    return (
        Q(legal_form=Ormas.LegalForm.UNINCORPORATED, status=Ormas.Status.ACTIVE)
        & ~Q(skt_number="")
        & (Q(skt_issued_on__isnull=True) | Q(skt_issued_on__lte=since))
        & Q(~Exists(approved))
    )


def registration_year() -> Any:
    return ExtractYear(Coalesce("skt_issued_on", "ahu_date"))


def live_counts(user: Any, regency: str = "", *, today: dt.date | None = None) -> Counts:
    """Every Ormas figure computed directly from the register (the definition the precomputed figures follow)."""
    from insights import quality  # quality builds on this module's conditions

    today = today or timezone.localdate()
    ormas = ormas_in(user, regency).order_by()
    through = Ormas.fields_of_activity.through
    counts = Counts(register=_register_counts(user, regency))
    counts.fields = dict(
        through.objects.filter(ormas__in=ormas.values("pk"))
        .order_by()
        .values_list("fieldofactivity_id")
        .annotate(n=Count("ormas_id"))
    )
    counts.years = dict(
        ormas.annotate(year=registration_year()).filter(year__isnull=False).values_list("year").annotate(n=Count("id"))
    )
    counts.deadlines = ormas.aggregate(**{k: Count("id", filter=c) for k, c in skt_conditions(today).items()})
    counts.deadlines["board_ended"] = ormas.filter(board_ended_condition(today)).count()
    counts.deadlines["reports_overdue"] = ormas.filter(overdue_report_condition(today)).count()
    counts.quality = quality.counts_by_regency(ormas, today=today)
    # The map: per kecamatan of the chosen kab/kota, else per kab/kota.
    area = Substr("region_id", 1, 8) if regency else F("regency_code")
    measures = {"ormas": Q(), "active": Q(status=Ormas.Status.ACTIVE), "expired": skt_conditions(today)["skt_expired"]}
    counts.map = {
        measure: dict(ormas.filter(condition).annotate(area=area).values_list("area").annotate(n=Count("id")))
        for measure, condition in measures.items()
    }
    return counts


# Region names are reference data (changed only by load_regions): kept a few minutes per process.
REGION_NAMES_SECONDS = 300


def regency_names(scope: str) -> dict[str, str]:
    key = f"dashboard:regency-names:{scope}"
    names = cache.get(key)
    if names is None:
        names = dict(Region.objects.regencies().within(scope).values_list("code", "name"))
        cache.set(key, names, REGION_NAMES_SECONDS)
    return names


def ormas_in(user: Any, regency: str = "") -> OrmasQuerySet:
    queryset = Ormas.objects.visible_to(user)
    if regency:
        queryset = queryset.filter(regency_code=regency)
    return queryset


def valid_regency(user: Any, code: str) -> str:
    """The kab/kota filter if it is a kab/kota inside the user's scope, else "" (a bad value shows everything)."""
    scope = getattr(user, "scope_code", None) or ""
    if code and code.count(".") == 1 and scope and within(code, scope) and len(code) == 5:
        return code
    return ""


def _registry_link(**params: Any) -> str:
    return "?" + urlencode({k: v for k, v in params.items() if v not in ("", None)})


# ---- Registry counts ------------------------------------------------------------------------------------------


def _register_counts(user: Any, regency: str) -> dict[tuple[str, str, str], int]:
    """Ormas counted by (kab/kota, status, legal form) in one grouped query; the four registry figures read it."""
    rows = (
        ormas_in(user, regency).order_by().values_list("regency_code", "status", "legal_form").annotate(n=Count("id"))
    )
    return {(code, status, form): n for code, status, form, n in rows}


def _sum(counts: dict[tuple[str, str, str], int], index: int) -> dict[str, int]:
    totals: dict[str, int] = {}
    for key, n in counts.items():
        totals[key[index]] = totals.get(key[index], 0) + n
    return totals


# Every table builder takes (user, regency, counts, today): `counts` from live_counts() or the precomputed figures.


def by_regency(user: Any, regency: str, counts: Counts, today: dt.date) -> Table:
    names = regency_names(user.scope_code)
    per_regency = _sum(counts.register, 0)
    codes = [regency] if regency else sorted(names)
    table = Table("regency", _("Ormas by regency/city"), [_("Regency/city"), _("Ormas")])
    for code in codes:
        table.rows.append([names.get(code, code), per_regency.get(code, 0)])
        table.links.append(_registry_link(regency=code))
    return table


def by_status(user: Any, regency: str, counts: Counts, today: dt.date) -> Table:
    per_status = _sum(counts.register, 1)
    table = Table("status", _("Ormas by status"), [_("Status"), _("Ormas")])
    for value, label in Ormas.Status.choices:
        table.rows.append([str(label), per_status.get(value, 0)])
        table.links.append(_registry_link(regency=regency, status=value))
    return table


def by_legal_form(user: Any, regency: str, counts: Counts, today: dt.date) -> Table:
    per_form = _sum(counts.register, 2)
    table = Table("legal_form", _("Ormas by legal form"), [_("Legal form"), _("Ormas")])
    for value, label in Ormas.LegalForm.choices:
        table.rows.append([str(label), per_form.get(value, 0)])
        table.links.append(_registry_link(regency=regency, legal_form=value))
    return table


def by_field(user: Any, regency: str, counts: Counts, today: dt.date) -> Table:
    table = Table("field", _("Ormas by field of activity (bidang)"), [_("Field of activity"), _("Ormas")])
    for pk, name in FieldOfActivity.objects.order_by("name").values_list("pk", "name"):
        if counts.fields.get(pk):
            table.rows.append([name, counts.fields[pk]])
            table.links.append(_registry_link(regency=regency, field=pk))
    order = sorted(range(len(table.rows)), key=lambda i: -table.rows[i][1])
    table.rows, table.links = [table.rows[i] for i in order], [table.links[i] for i in order]
    return table


def registration_trend(user: Any, regency: str, counts: Counts, today: dt.date) -> Table:
    """Ormas by year of national registration (SKT issued or SK AHU), the last TREND_YEARS years."""
    first = today.year - TREND_YEARS + 1
    table = Table("trend", _("Registrations by year (SKT or SK AHU)"), [_("Year"), _("Ormas")])
    for year in range(first, today.year + 1):
        table.rows.append([year, counts.years.get(year, 0)])
        table.links.append("")
    return table


def application_trend(user: Any, regency: str, counts: Counts, today: dt.date) -> Table:
    """Applications per month (read live: applications are scoped by their handling office)."""
    start = (today.replace(day=1) - dt.timedelta(days=31 * (TREND_MONTHS - 1))).replace(day=1)
    applications = Application.objects.for_officer(user).filter(submitted_at__date__gte=start)
    if regency:
        applications = applications.filter(ormas__regency_code=regency)
    per_month = {
        timezone.localtime(month).date().replace(day=1) if isinstance(month, dt.datetime) else month: n
        for month, n in applications.order_by()
        .annotate(month=TruncMonth("submitted_at"))
        .values_list("month")
        .annotate(n=Count("id"))
    }
    table = Table("applications", _("Applications submitted per month"), [_("Month"), _("Applications")])
    month = start
    while month <= today:
        table.rows.append([month.strftime("%Y-%m"), per_month.get(month, 0)])
        table.links.append("")
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return table


# ---- Deadlines and open matters ------------------------------------------------------------------------------


WARNING_KINDS = [CaseStep.Kind.WRITTEN_WARNING]


def deadlines(user: Any, regency: str, counts: Counts, today: dt.date) -> Table:
    """SKT expiring and expired, board terms past, overdue reports (from `counts`); overdue applications and
    warnings past their deadline (read live)."""
    applications = Application.objects.for_officer(user).exclude(status=Application.Status.DRAFT).open()
    if regency:
        applications = applications.filter(ormas__regency_code=regency)
    overdue_applications = (
        applications.exclude(status=Application.Status.CHANGES_REQUESTED).filter(decision_due__lt=today).count()
    )
    warnings = overdue_warnings(user, regency, today=today).count()
    found = counts.deadlines
    table = Table("deadlines", _("Deadlines"), [_("What"), _("Number")])
    rows = [
        (
            _("SKT expiring within 30 days"),
            found.get("skt30", 0),
            _registry_link(regency=regency, expiring=30, sort="skt"),
        ),
        (
            _("SKT expiring within 90 days"),
            found.get("skt90", 0),
            _registry_link(regency=regency, expiring=90, sort="skt"),
        ),
        (_("SKT expired"), found.get("skt_expired", 0), _registry_link(regency=regency, expired="on", sort="skt")),
        (_("Ormas whose board term has ended"), found.get("board_ended", 0), ""),
        (_("Applications past their decision date"), overdue_applications, "services"),
        (_("Annual activity reports overdue"), found.get("reports_overdue", 0), ""),
        (_("Written warnings past their deadline, next step not yet taken"), warnings, "cases"),
    ]
    for label, number, link in rows:
        table.rows.append([label, number])
        table.links.append(link)
    return table


def overdue_activity_reports(user: Any, regency: str = "", *, today: dt.date | None = None) -> OrmasQuerySet:
    """The Ormas whose annual activity report is overdue (overdue_report_condition), within the user's scope."""
    return ormas_in(user, regency).filter(overdue_report_condition(today or timezone.localdate()))


def overdue_warnings(user: Any, regency: str = "", *, today: dt.date | None = None) -> Any:
    today = today or timezone.localdate()
    cases = Case.objects.visible_to(user).filter(status=Case.Status.WRITTEN_WARNING)
    if regency:
        cases = cases.filter(ormas__regency_code=regency)
    return CaseStep.objects.filter(
        kind=CaseStep.Kind.WRITTEN_WARNING, deadline__lt=today, case__in=cases.order_by().values("pk")
    )


def open_matters(user: Any, regency: str, counts: Counts, today: dt.date) -> Table:
    complaints = Complaint.objects.visible_to(user).open()
    cases = Case.objects.visible_to(user).open()
    if regency:
        complaints = complaints.filter(region__code__startswith=regency)
        cases = cases.filter(ormas__regency_code=regency)
    table = Table("open", _("Open complaints and cases"), [_("What"), _("Number")])
    table.rows = [[_("Open complaints"), complaints.count()], [_("Open supervision cases"), cases.count()]]
    table.links = ["complaints", "cases"]
    return table


def waiting_for_decision(user: Any, regency: str = "") -> list[Application]:
    """Applications a Pimpinan can decide now: in review or after the field check, every document valid."""
    if getattr(user, "role", None) != "pimpinan":
        return []
    not_valid = ApplicationDocument.objects.filter(application=OuterRef("pk"), replaced_by__isnull=True).exclude(
        status=ApplicationDocument.Status.VALID
    )
    ready = (
        Application.objects.for_officer(user)
        .filter(
            Q(status=Application.Status.IN_REVIEW, service_type__requires_field_check=False)
            | Q(status=Application.Status.FIELD_CHECK, field_checks__done_at__isnull=False)
        )
        .filter(~Exists(not_valid))
        .distinct()
        .select_related("service_type", "ormas")
        .order_by("decision_due", "submitted_at")
    )
    if regency:
        ready = ready.filter(ormas__regency_code=regency)
    return list(ready[:20])


MAP_MEASURES = {
    "ormas": gettext_lazy("Ormas registered"),
    "active": gettext_lazy("Active Ormas"),
    "expired": gettext_lazy("SKT expired"),
}


def map_values(user: Any, regency: str, counts: Counts, measure: str = "ormas") -> Table:
    """The choropleth's numbers: per kab/kota, or per kecamatan of one kab/kota (drill-down)."""
    measure = measure if measure in MAP_MEASURES else "ormas"
    if regency:
        names = dict(Region.objects.filter(parent_id=regency).values_list("code", "name"))
    else:
        names = regency_names(user.scope_code)
    values = counts.map.get(measure, {})
    table = Table("map", str(MAP_MEASURES[measure]), [_("Code"), _("Region"), str(MAP_MEASURES[measure])])
    for code in sorted(names):
        table.rows.append([code, names[code], values.get(code, 0)])
        table.links.append(_registry_link(regency=code) if not regency else "")
    return table


def summary(counts: Counts) -> dict[str, int]:
    """The big numbers on top of the page."""
    return {
        "total": sum(counts.register.values()),
        "active": sum(n for (_code, status, _form), n in counts.register.items() if status == Ormas.Status.ACTIVE),
    }
