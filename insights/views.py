"""The dashboard pages: numbers first, then each chart with its table and its .xlsx export, then the map."""

import datetime as dt
from typing import Any

from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts.decorators import is_officer, registry_reader
from insights import dashboard, figures, quality
from registry.exports import EXPORT_LIMIT, ormas_workbook
from wadah.lib.excel import build_xlsx

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

TABLES: dict[str, Any] = {
    "regency": dashboard.by_regency,
    "status": dashboard.by_status,
    "legal_form": dashboard.by_legal_form,
    "field": dashboard.by_field,
    "trend": dashboard.registration_trend,
    "applications": dashboard.application_trend,
    "deadlines": dashboard.deadlines,
    "open": dashboard.open_matters,
}


def _links(table: dashboard.Table, user: Any) -> list[str]:
    """Turn a table's link hints into URLs: registry queries, or the list an open matter lives in — only where the
    user may open that list (the work list is the offices' own; a Tim Terpadu member sees the figure, no link)."""
    named = {"cases": "supervision:case-list", "complaints": "complaints:list"}
    if is_officer(user):
        named["services"] = "services:worklist"
    registry = reverse("registry:ormas-list")
    return [
        (registry + link if link.startswith("?") else reverse(named[link]) if link in named else "")
        for link in table.links
    ]


def _xlsx(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}-{timezone.localdate():%Y%m%d}.xlsx"'
    return response


# What the page shows is kept at most a minute per audience (role, scope, agency, filter, language, day) and per
# state of the precomputed figures: a new refresh (a new `as_of`) is a new key, so it shows at once; the live figures
# (applications, complaints, cases, decisions waiting) are at most FIGURES_SECONDS old, with their time on the page.
FIGURES_SECONDS = 60


def _counts(
    user: Any, regency: str, snapshot: figures.Snapshot | None, *, today: dt.date | None = None
) -> dashboard.Counts:
    """The Ormas figures of this audience: precomputed (ADR 0011), or directly for a scope they are not kept for
    (`snapshot` is figures.snapshot(user): None when the figures are read live)."""
    if snapshot is None:
        return dashboard.live_counts(user, regency, today=today)
    return figures.counts(user, regency)


def _figures(user: Any, regency: str) -> dict[str, Any]:
    """Everything the page shows, cached per audience and per state of the precomputed figures."""
    today = timezone.localdate()
    snapshot = figures.snapshot(user, today=today)
    key = ":".join(
        str(part)
        for part in (
            "dashboard",
            user.role,
            user.scope_code,
            user.agency_id or "",
            regency or "-",
            get_language(),
            today,
            snapshot.as_of.isoformat() if snapshot else "live",
        )
    )
    found = cache.get(key)
    if found is None:
        counts = _counts(user, regency, snapshot, today=today)
        tables = [build(user, regency, counts, today) for build in TABLES.values()]
        for table in tables:
            table.links = _links(table, user)
        found = {
            "regency_name": dashboard.regency_names(user.scope_code).get(regency, ""),
            "summary": dashboard.summary(counts),
            "tables": tables,
            "charts": {
                t.key: {"labels": [str(row[0]) for row in t.rows], "values": [row[1] for row in t.rows]} for t in tables
            },
            "waiting": dashboard.waiting_for_decision(user, regency),
            "quality": quality.quality_by_office(counts.quality, user.scope_code),
            "live_at": timezone.now(),
        }
        # The figures' part of the page, rendered once per key: rendering its tables took most of a warm view.
        found["body"] = render_to_string(
            "insights/_dashboard_body.html",
            {
                **found,
                "user": user,
                "regency": regency,
                "checks": quality.CHECKS,
                "measures": dashboard.MAP_MEASURES,
                "map_config": {
                    "data_url": reverse("insights:map-data"),
                    "regencies_geo": static("geo/kalteng_kabupaten.geojson"),
                    "districts_geo": static("geo/kalteng_kecamatan.geojson"),
                    "filter_url": reverse("insights:home"),
                    "regency": regency,
                },
            },
        )
        cache.set(key, found, FIGURES_SECONDS)
    return {
        **found,
        "as_of": snapshot.as_of if snapshot else found["live_at"],
        "pending": bool(snapshot and snapshot.pending),
    }


@registry_reader
def home(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    regency = dashboard.valid_regency(user, request.GET.get("regency", ""))
    context = {"regency": regency, **_figures(user, regency)}
    context["body"] = mark_safe(context["body"])  # the page's own template, rendered in _figures
    return render(request, "insights/dashboard.html", context)


@registry_reader
def map_data(request: HttpRequest) -> JsonResponse:
    user: Any = request.user
    regency = dashboard.valid_regency(user, request.GET.get("regency", ""))
    counts = _counts(user, regency, figures.snapshot(user))
    table = dashboard.map_values(user, regency, counts, measure=request.GET.get("measure", "ormas"))
    return JsonResponse(
        {
            "level": "district" if regency else "regency",
            "regency": regency,
            "measure": table.title,
            "regions": [{"code": code, "name": name, "value": value} for code, name, value in table.rows],
        }
    )


@registry_reader
def table_export(request: HttpRequest, key: str) -> HttpResponse:
    user: Any = request.user
    regency = dashboard.valid_regency(user, request.GET.get("regency", ""))
    if key not in TABLES and key not in ("map", "quality"):
        raise Http404
    counts = _counts(user, regency, figures.snapshot(user))
    if key == "map":
        table = dashboard.map_values(user, regency, counts, measure=request.GET.get("measure", "ormas"))
    elif key == "quality":
        rows = quality.quality_by_office(counts.quality, user.scope_code)
        headers = [_("Office"), _("Ormas"), *[str(label) for label in quality.CHECKS.values()], _("Score (%)")]
        body = [[r.office, r.total, *[r.counts[c] for c in quality.CHECKS], r.score] for r in rows]
        return _xlsx(build_xlsx(_("Data quality"), headers, body), "data-quality")
    else:
        table = TABLES[key](user, regency, counts, timezone.localdate())
    return _xlsx(build_xlsx(table.title, table.headers, table.rows), f"dashboard-{key}")


@registry_reader
def quality_detail(request: HttpRequest, check: str) -> HttpResponse:
    """The records behind one data-quality number, so that the office can fix them."""
    if check not in quality.CHECKS:
        raise Http404
    user: Any = request.user
    regency = dashboard.valid_regency(user, request.GET.get("regency", ""))
    records = quality.quality_records(dashboard.ormas_in(user, regency), check).select_related("region")
    if request.GET.get("format") == "xlsx":
        return _xlsx(ormas_workbook(records[:EXPORT_LIMIT]), f"data-quality-{check}")
    page = Paginator(records, 25).get_page(request.GET.get("page"))
    context = {
        "check": check,
        "label": quality.CHECKS[check],
        "page": page,
        "regency": regency,
        "regency_name": dashboard.regency_names(user.scope_code).get(regency, ""),
        "querystring": f"regency={regency}" if regency else "",
    }
    return render(request, "insights/quality_detail.html", context)
