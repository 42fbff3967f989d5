"""Periodic recaps (rekapitulasi): monthly, quarterly or yearly, for one kab/kota office or the province, as .xlsx
and as PDF (typst, like the letters).

The sections follow what a provincial Kesbangpol reports upward each period (registered Ormas by kab/kota and legal
form, what was registered or changed in the period, services decided, complaints and supervision, sanctions).
UNVERIFIED: the exact form Kemendagri prescribes; the sections are data-driven and easy to reorder or extend.
Every figure reads through the user's visibility functions, like the dashboard (insights/dashboard.py).
"""

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Any

import typst
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from complaints.models import Complaint
from insights import dashboard
from insights.dashboard import Table
from letters.pdf import indonesian_date
from regions.models import Region
from registry.models import Ormas
from services.models import Application
from supervision.models import Case, CaseStep
from wadah.lib.excel import safe_cell

PERIODS = ("month", "quarter", "year")
STEPS = 5
TEMPLATE = Path(__file__).resolve().parent / "templates_typst" / "recap.typ"
_SHEET_FORBIDDEN = {ord(c): " " for c in "[]:*?/\\"}


@dataclass
class Recap:
    title: str
    area: str
    period: str
    start: dt.date
    end: dt.date  # inclusive
    slug: str
    sections: list[Table] = field(default_factory=list)


def period_bounds(period: str, start: str | dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of the month, quarter or year that contains `start` (ValueError if malformed)."""
    if period not in PERIODS:
        raise ValueError(period)
    day = start if isinstance(start, dt.date) else dt.date.fromisoformat(start)
    if period == "month":
        first = day.replace(day=1)
        months = 1
    elif period == "quarter":
        first = day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
        months = 3
    else:
        first = day.replace(month=1, day=1)
        months = 12
    year, month = divmod(first.month - 1 + months, 12)
    after = dt.date(first.year + year, month + 1, 1)
    return first, after - dt.timedelta(days=1)


def _in_period(field_name: str, start: dt.date, end: dt.date) -> Q:
    return Q(**{f"{field_name}__date__gte": start, f"{field_name}__date__lte": end})


def build(
    user: Any, *, period: str, start: str | dt.date, regency: str = "", progress: Callable[[int], None] = lambda s: None
) -> Recap:
    first, last = period_bounds(period, start)
    regency = dashboard.valid_regency(user, regency)
    names = dashboard.regency_names(user.scope_code)
    area = names.get(regency) or Region.objects.filter(code=user.scope_code).values_list("name", flat=True).first()
    label = {"month": _("Monthly recap"), "quarter": _("Quarterly recap"), "year": _("Yearly recap")}[period]
    recap = Recap(
        title=str(label),
        area=area or "",
        period=period,
        start=first,
        end=last,
        slug=f"{regency or user.scope_code}-{period}-{first:%Y%m%d}",
    )
    ormas = dashboard.ormas_in(user, regency)

    # 1. The register by kab/kota at the end of the period, and what entered it during the period.
    rows = (
        ormas.filter(created_at__date__lte=last)
        .order_by()
        .values("regency_code")
        .annotate(
            total=Count("id"),
            active=Count("id", filter=Q(status=Ormas.Status.ACTIVE)),
            skt=Count("id", filter=Q(legal_form=Ormas.LegalForm.UNINCORPORATED)),
            legal=Count("id", filter=Q(legal_form__in=[Ormas.LegalForm.ASSOCIATION, Ormas.LegalForm.FOUNDATION])),
            foreign=Count("id", filter=Q(legal_form=Ormas.LegalForm.FOREIGN)),
            new=Count("id", filter=_in_period("created_at", first, last)),
        )
    )
    by_code: dict[str, dict[str, Any]] = {row["regency_code"]: dict(row) for row in rows}
    register = Table(
        "register",
        _("Registered Ormas by regency/city"),
        [_("Regency/city"), _("Ormas"), _("Active"), _("SKT"), _("Legal entity"), _("Foreign"), _("New in period")],
    )
    for code in [regency] if regency else sorted(names):
        counts_row = by_code.get(code, {})
        register.rows.append(
            [
                names.get(code, code),
                *(counts_row.get(k, 0) for k in ("total", "active", "skt", "legal", "foreign", "new")),
            ]
        )
    register.rows.append([_("Total"), *(sum(r[i] for r in register.rows) for i in range(1, 7))])
    recap.sections.append(register)
    progress(1)

    # 2. Services decided in the period, by service and outcome.
    applications = Application.objects.for_officer(user).filter(_in_period("decided_at", first, last))
    if regency:
        applications = applications.filter(ormas__regency_code=regency)
    services = Table("services", _("Services decided in the period"), [_("Service"), _("Approved"), _("Rejected")])
    for service_row in (
        applications.order_by()
        .values("service_type__name")
        .annotate(
            approved=Count("id", filter=Q(status=Application.Status.APPROVED)),
            rejected=Count("id", filter=Q(status=Application.Status.REJECTED)),
        )
        .order_by("service_type__name")
    ):
        services.rows.append([service_row["service_type__name"], service_row["approved"], service_row["rejected"]])
    recap.sections.append(services)
    progress(2)

    # 3. Complaints received and closed in the period.
    complaints = Complaint.objects.visible_to(user)
    if regency:
        complaints = complaints.filter(region__code__startswith=regency)
    counts = complaints.aggregate(
        received=Count("id", filter=_in_period("created_at", first, last)),
        closed=Count("id", filter=Q(status=Complaint.Status.CLOSED) & _in_period("updated_at", first, last)),
    )
    recap.sections.append(
        Table(
            "complaints",
            _("Complaints"),
            [_("What"), _("Number")],
            [[_("Received in the period"), counts["received"]], [_("Closed in the period"), counts["closed"]]],
        )
    )
    progress(3)

    # 4. Supervision: cases opened in the period, and the steps decided in it.
    cases = Case.objects.visible_to(user)
    if regency:
        cases = cases.filter(ormas__regency_code=regency)
    opened = cases.filter(_in_period("opened_at", first, last)).count()
    steps = dict(
        CaseStep.objects.filter(case__in=cases.order_by().values("pk"), decided_on__gte=first, decided_on__lte=last)
        .order_by()
        .values_list("kind")
        .annotate(n=Count("id"))
    )
    supervision = Table("supervision", _("Supervision"), [_("What"), _("Number")], [[_("Cases opened"), opened]])
    for kind, kind_label in CaseStep.Kind.choices:
        if steps.get(kind):
            supervision.rows.append([str(kind_label), steps[kind]])
    recap.sections.append(supervision)
    progress(4)

    # 5. Status changes of Ormas in the period (frozen, revoked, dissolved …).
    changes = Table("status", _("Ormas status at the end of the period"), [_("Status"), _("Ormas")])
    status_counts = dict(
        ormas.filter(created_at__date__lte=last).order_by().values_list("status").annotate(n=Count("id"))
    )
    for value, status_label in Ormas.Status.choices:
        changes.rows.append([str(status_label), status_counts.get(value, 0)])
    recap.sections.append(changes)
    progress(5)
    return recap


def workbook(recap: Recap) -> bytes:
    """One sheet per section, each with its heading row in bold; formula-like text neutralised."""
    book = Workbook()
    first = True
    for table in recap.sections:
        sheet = book.active if first else book.create_sheet()
        assert sheet is not None
        first = False
        sheet.title = table.title.translate(_SHEET_FORBIDDEN)[:31] or "Sheet"
        sheet.append([safe_cell(f"{recap.title} — {recap.area}")])
        sheet.append([safe_cell(f"{recap.start.isoformat()} – {recap.end.isoformat()}")])
        sheet.append([])
        sheet.append([safe_cell(h) for h in table.headers])
        for cell in sheet[4]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append([safe_cell(v) for v in row])
        sheet.column_dimensions["A"].width = 40
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def pdf(recap: Recap) -> bytes:
    """The recap as an A4 PDF. All text reaches typst as data (sys_inputs), never as markup."""
    data = {
        "title": recap.title,
        "area": recap.area,
        "period": f"{indonesian_date(recap.start)} – {indonesian_date(recap.end)}",
        "made": indonesian_date(timezone.localdate()),
        "sections": [
            {"title": t.title, "headers": t.headers, "rows": [[str(v) for v in row] for row in t.rows]}
            for t in recap.sections
        ],
    }
    return typst.compile(TEMPLATE.read_bytes(), format="pdf", sys_inputs={"recap": json.dumps(data)})
