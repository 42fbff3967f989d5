"""Periods that lapse, never silently (UU 30/2014 Pasal 53 as amended): the office's deemed grant and the applicant's
lapsed correction window, recorded by the daily sweep."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import User
from registry.models import Ormas
from services.journal import (
    S,
    _check,
    _log,
    _move,
    _notify,
    _registration_status,
    _require_staff,
)
from services.models import (
    Application,
)
from workdays.models import Period

# ---- Periods that lapse: never silent (UU 30/2014 Pasal 53 as amended; issue 11 item 6) ------------------------


def _period(code: str) -> Period | None:
    return Period.objects.filter(code=code).first()


@transaction.atomic
def deem_granted(application: Application, *, by: User | None = None, today: dt.date | None = None) -> Application:
    """The office let its decision period pass: by law the application is granted (UU 30/2014 Pasal 53(4) as
    amended by the Cipta Kerja law, "dianggap dikabulkan secara hukum"). Recorded by the daily task (by=None) or
    by an officer; the applicant and the office are told, and only the Pimpinan's letter can follow."""
    if by is not None:
        _require_staff(by, application)
    today = today or timezone.localdate()
    _check(application, S.DEEMED_GRANTED)
    if not application.decision_due or application.decision_due >= today:
        raise ValidationError(
            _("The office's decision period runs until %(date)s; the application is not deemed granted before then.")
            % {"date": date_format(application.decision_due, "DATE_FORMAT") if application.decision_due else "—"},
            code="period_open",
        )
    period = _period(application.service_type.decision_period)
    old = _move(application, S.DEEMED_GRANTED)
    application.data["deemed"] = {
        "since": (application.decision_due + dt.timedelta(days=1)).isoformat(),
        "due": application.decision_due.isoformat(),
        "period": period.phrase if period else "",
        "legal_source": period.legal_source if period else "UU 30/2014 Pasal 53",
    }
    application.save()
    _log(application, "application.deemed_granted", by=by, old=old, **application.data["deemed"])
    _notify(application, "deemed_granted")
    return application


@transaction.atomic
def lapse_correction(application: Application, *, by: User | None = None, today: dt.date | None = None) -> Application:
    """The applicant let the correction period pass: the file is closed as lapsed (the Ormas may file again).
    Recorded by the daily task (by=None) or by an officer; the applicant is told."""
    if by is not None:
        _require_staff(by, application)
    today = today or timezone.localdate()
    _check(application, S.LAPSED)
    if not application.correction_due or application.correction_due >= today:
        raise ValidationError(
            _("The applicant may correct the file until %(date)s; it does not lapse before then.")
            % {"date": date_format(application.correction_due, "DATE_FORMAT") if application.correction_due else "—"},
            code="period_open",
        )
    old = _move(application, S.LAPSED)
    _registration_status(
        application,
        Ormas.Status.TERDATA,
        by=by,
        reason=_("SKT application %(ref)s lapsed") % {"ref": application.reference},
    )
    period = _period(application.service_type.correction_period)
    application.data["lapsed"] = {
        "due": application.correction_due.isoformat(),
        "period": period.phrase if period else "",
        "legal_source": period.legal_source if period else "",
    }
    application.decided_at = timezone.now()
    application.save()
    _log(application, "application.correction_lapsed", by=by, old=old, **application.data["lapsed"])
    _notify(application, "correction_lapsed")
    return application


def apply_lapsed_periods(today: dt.date | None = None) -> tuple[int, int]:
    """The daily sweep (services' send_reminders command): every application whose office period or correction
    period has passed is recorded as deemed granted or lapsed. Returns (deemed, lapsed)."""
    today = today or timezone.localdate()
    deemed = lapsed = 0
    for application in Application.objects.filter(status__in=Application.OFFICE_CLOCK, decision_due__lt=today):
        deem_granted(application, today=today)
        deemed += 1
    for application in Application.objects.filter(status=S.CHANGES_REQUESTED, correction_due__lt=today):
        lapse_correction(application, today=today)
        lapsed += 1
    return deemed, lapsed


# Which action performs which move. The tests walk TRANSITIONS against this table.
