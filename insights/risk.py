"""Explainable risk signals per Ormas: each says what it counts and why it matters. There is deliberately no score.

risk_signals(ormas) answers with a handful of queries (one per source: complaints, activity reports, sanctions,
field reports, cases); it is meant for one Ormas's record, not for the registry list. With `user`, the counts that
belong to compartments or to cases (field reports, cases) are limited to what that user may read, so that a signal
never reveals a report the compartment rule hides. Signals carry no personal data: counts, dates and references only.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max, Min, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from complaints.models import Complaint
from fieldreports.models import ALARMING, Classification, FieldReport
from services.models import Application
from supervision.compartments import readable
from supervision.models import Case, CaseStep
from supervision.queries import active_sanction

INFO, WARNING, DANGER = "info", "warning", "danger"
SEVERITY_ORDER = {DANGER: 0, WARNING: 1, INFO: 2}
LOOKBACK_DAYS = 365


@dataclass(frozen=True)
class Signal:
    code: str
    label: str
    reason: str
    severity: str
    link: str = ""


def _url(name: str, *args: Any, query: str = "") -> str:
    try:
        url = reverse(name, args=args)
    except NoReverseMatch:
        return ""
    return f"{url}?{query}" if query else url


def _day(value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date()
    return date_format(value, "DATE_FORMAT")


def _month(value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date()
    return date_format(value, "YEAR_MONTH_FORMAT")


def open_complaints(ormas: Any) -> Signal | None:
    row = Complaint.objects.filter(ormas=ormas).open().aggregate(n=Count("id"), since=Min("created_at"))
    if not row["n"]:
        return None
    reason = ngettext(
        "%(count)d open complaint since %(month)s",
        "%(count)d open complaints since %(month)s",
        row["n"],
    ) % {"count": row["n"], "month": _month(row["since"])}
    return Signal(
        code="open_complaints",
        label=_("Open complaints"),
        reason=reason,
        severity=DANGER if row["n"] >= 3 else WARNING,
        link=_url("complaints:list", query=f"ormas={ormas.pk}"),
    )


def overdue_activity_report(ormas: Any, *, today: dt.date) -> Signal | None:
    """An SKT holder reports its activities every year; no approved report in the last 12 months is overdue."""
    if ormas.legal_form != ormas.LegalForm.UNINCORPORATED or not ormas.skt_number:
        return None
    since = today - dt.timedelta(days=LOOKBACK_DAYS)
    if ormas.skt_issued_on and ormas.skt_issued_on > since:
        return None  # registered less than a year ago: the first report is not due yet
    last = Application.objects.filter(
        ormas=ormas, service_type__code="activity-report", status=Application.Status.APPROVED
    ).aggregate(last=Max("decided_at"))["last"]
    if last and timezone.localtime(last).date() >= since:
        return None
    if last:
        reason = _("No annual activity report approved since %(date)s (more than 12 months)") % {"date": _day(last)}
    else:
        reason = _("No annual activity report on record, although the Ormas holds an SKT")
    return Signal(
        code="activity_report_overdue",
        label=_("Annual activity report overdue"),
        reason=reason,
        severity=WARNING,
        link=_url("services:worklist"),
    )


def expired_skt(ormas: Any, *, today: dt.date) -> Signal | None:
    if ormas.legal_form != ormas.LegalForm.UNINCORPORATED or not ormas.skt_expires_on:
        return None
    if ormas.skt_expires_on >= today:
        return None
    days = (today - ormas.skt_expires_on).days
    reason = ngettext(
        "The SKT expired on %(date)s, %(days)d day ago",
        "The SKT expired on %(date)s, %(days)d days ago",
        days,
    ) % {"date": _day(ormas.skt_expires_on), "days": days}
    return Signal(
        code="skt_expired",
        label=_("SKT expired"),
        reason=reason,
        severity=WARNING,
        link=_url("registry:ormas-detail", ormas.pk) + "#profil",
    )


def sanctions(ormas: Any, *, today: dt.date) -> list[Signal]:
    """The sanction in force (if any), and the history of warnings and sanctions (two queries)."""
    signals = []
    active = active_sanction(ormas, today=today)
    if active is not None:
        if active.kind == CaseStep.Kind.WRITTEN_WARNING and active.deadline:
            reason = _("Written warning of %(date)s; the compliance period ends on %(deadline)s (case %(ref)s)") % {
                "date": _day(active.decided_on),
                "deadline": _day(active.deadline),
                "ref": active.case.reference,
            }
        else:
            reason = _("%(sanction)s in force since %(date)s (case %(ref)s)") % {
                "sanction": active.get_kind_display(),
                "date": _day(active.decided_on),
                "ref": active.case.reference,
            }
        signals.append(
            Signal(
                code="active_sanction",
                label=_("Sanction in force"),
                reason=reason,
                severity=DANGER,
                link=active.case.get_absolute_url(),
            )
        )
    kinds = [CaseStep.Kind.WRITTEN_WARNING, *CaseStep.SANCTIONS]
    history = CaseStep.objects.filter(case__ormas_id=ormas.pk, kind__in=kinds)
    if active is not None:
        history = history.exclude(pk=active.pk)
    row = history.aggregate(n=Count("id"), last=Max("decided_on"))
    if row["n"]:
        reason = ngettext(
            "%(count)d earlier warning or sanction, the latest on %(date)s",
            "%(count)d earlier warnings or sanctions, the latest on %(date)s",
            row["n"],
        ) % {"count": row["n"], "date": _day(row["last"])}
        signals.append(
            Signal(code="sanction_history", label=_("Sanction history"), reason=reason, severity=INFO, link="")
        )
    return signals


def alarming_field_reports(ormas: Any, *, today: dt.date, user: Any = None) -> Signal | None:
    reports: Any = FieldReport.objects.submitted().filter(
        ormas=ormas,
        classification__in=ALARMING,
        observed_on__gte=today - dt.timedelta(days=LOOKBACK_DAYS),
    )
    if user is not None:
        reports = readable(user, reports)
    row = reports.aggregate(
        n=Count("id"), urgent=Count("id", filter=Q(classification=Classification.URGENT)), last=Max("observed_on")
    )
    if not row["n"]:
        return None
    reason = ngettext(
        "%(count)d field report of a possible violation or urgent matter in the last 12 months, the latest on %(date)s",
        "%(count)d field reports of possible violations or urgent matters in the last 12 months, the latest on %(date)s",
        row["n"],
    ) % {"count": row["n"], "date": _day(row["last"])}
    if row["urgent"]:
        reason += " " + ngettext("(%(urgent)d urgent)", "(%(urgent)d urgent)", row["urgent"]) % {
            "urgent": row["urgent"]
        }
    return Signal(
        code="field_reports",
        label=_("Field reports of concern"),
        reason=reason,
        severity=DANGER if row["urgent"] else WARNING,
        link=_url("fieldreports:list", query="tampil=perhatian"),
    )


def open_cases(ormas: Any, *, user: Any = None) -> Signal | None:
    cases = Case.objects.filter(ormas=ormas).open()
    if user is not None:
        cases = cases.filter(pk__in=Case.objects.visible_to(user).values("pk"))
    found = list(cases.order_by("-opened_at").only("reference", "status", "opened_at")[:5])
    if not found:
        return None
    latest = found[0]
    count = len(found)
    reason = ngettext(
        "%(count)d open supervision case: %(ref)s (%(status)s), opened %(date)s",
        "%(count)d open supervision cases; the latest %(ref)s (%(status)s), opened %(date)s",
        count,
    ) % {
        "count": count,
        "ref": latest.reference,
        "status": latest.get_status_display(),
        "date": _day(latest.opened_at),
    }
    return Signal(
        code="open_cases",
        label=_("Open supervision case"),
        reason=reason,
        severity=WARNING,
        link=latest.get_absolute_url(),
    )


def risk_signals(ormas: Any, *, user: Any = None, today: dt.date | None = None) -> list[Signal]:
    """Every signal that applies to `ormas`, the most serious first. Each carries its own reason."""
    today = today or timezone.localdate()
    found: list[Signal | None] = [
        *sanctions(ormas, today=today),
        open_cases(ormas, user=user),
        open_complaints(ormas),
        alarming_field_reports(ormas, today=today, user=user),
        expired_skt(ormas, today=today),
        overdue_activity_report(ormas, today=today),
    ]
    signals = [signal for signal in found if signal is not None]
    return sorted(signals, key=lambda s: SEVERITY_ORDER.get(s.severity, 9))
