"""Every change to a field report: start it, save the draft, add photos, submit it, attach it to a case."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Agency, Role, User
from audit.log import diff, record
from fieldreports.models import ALARMING, FieldReport, FieldReportPhoto
from registry.models import Ormas
from supervision import compartments
from supervision.models import Case
from wadah.lib.files import IMAGE_TYPES, sniff
from wadah.lib.workflow import InvalidTransition

MAX_PHOTO_MB = 10
MAX_PHOTOS = 12

# The fields a reporter fills in; update_draft accepts any subset of them.
EDITABLE = (
    "ormas",
    "ormas_text",
    "region",
    "place",
    "observed_on",
    "observed_at",
    "activity",
    "observations",
    "classification",
    "prohibition",
)


def may_report(user: User) -> bool:
    """Tim Terpadu members with an agency, and Kesbangpol staff who work on the registry."""
    if user.role == Role.AGENCY_MEMBER:
        return bool(user.agency_id)
    return bool(user.can_edit_registry)


def compartment_of(user: User) -> Agency:
    """The agency whose compartment a report by this user belongs to (supervision/compartments.py decides)."""
    return compartments.compartment_of(user)


def _log(report: FieldReport, action: str, *, by: User | None, changes: Any = None, **data: Any) -> None:
    record(report, action, by=by, ormas=report.ormas, changes=changes, data=data, about=report)


def _require_author(report: FieldReport, by: User) -> None:
    if report.author_id != by.pk:
        raise PermissionDenied(_("Only the author can change a draft field report."))


def _values(report: FieldReport) -> dict[str, Any]:
    return {name: getattr(report, name) for name in EDITABLE}


def _check(values: dict[str, Any], *, by: User) -> None:
    """What is wrong with the data whatever the stage (a draft may be incomplete, never wrong)."""
    observed_on = values.get("observed_on")
    if observed_on and observed_on > timezone.localdate():
        raise ValidationError({"observed_on": _("The date observed cannot be in the future.")})
    ormas = values.get("ormas")
    # A member may name any registered Ormas in the province of their agency; staff within their scope.
    if ormas is not None and not Ormas.objects.visible_to(by).filter(pk=ormas.pk).exists():
        raise ValidationError({"ormas": _("Choose a registered Ormas from the list.")})
    region = values.get("region")
    if region is not None and not by.in_scope(region.code):
        raise ValidationError({"region": _("Choose a place within your region.")})


def _tidy(report: FieldReport) -> None:
    """A Pasal 59 item belongs only to a possible violation."""
    if report.classification != FieldReport.Classification.POSSIBLE_VIOLATION:
        report.prohibition = ""


@transaction.atomic
def create_report(*, by: User, **fields: Any) -> FieldReport:
    """Start a draft report in the author's agency compartment."""
    if not may_report(by):
        raise PermissionDenied(_("Only Tim Terpadu members and Kesbangpol officers file field reports."))
    agency = compartment_of(by)
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    fields.setdefault("observed_on", timezone.localdate())
    _check(fields, by=by)
    report = FieldReport(author=by, agency=agency, **fields)
    _tidy(report)
    report.full_clean(exclude=["case"])
    report.save()
    _log(report, "field_report.created", by=by, agency=agency.abbreviation)
    return report


@transaction.atomic
def update_draft(report: FieldReport, *, by: User, **fields: Any) -> bool:
    """Save what the reporter has written so far (autosave calls this often). Returns whether anything changed."""
    report = FieldReport.objects.select_for_update().get(pk=report.pk)
    _require_author(report, by)
    if not report.is_draft:
        raise ValidationError(_("This report has been submitted and can no longer be changed."))
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    _check(fields, by=by)
    before = _values(report)
    for name, value in fields.items():
        setattr(report, name, value)
    _tidy(report)
    changes = diff(before, _values(report))
    if not changes:
        return False
    report.full_clean(exclude=["case"])
    report.save()
    # The autosave runs every few seconds: the trail keeps which fields changed, not every keystroke's text.
    _log(report, "field_report.updated", by=by, fields=sorted(changes))
    return True


def _decimal(value: Any, *, low: int, high: int) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value)).quantize(Decimal("0.000001"))
    except ArithmeticError:
        return None
    return number if low <= number <= high else None


@transaction.atomic
def add_photo(
    report: FieldReport,
    upload: UploadedFile,
    *,
    by: User,
    latitude: Any = None,
    longitude: Any = None,
    accuracy: Any = None,
    taken_at: dt.datetime | None = None,
) -> FieldReportPhoto:
    """Store one photo (JPG, PNG or WEBP) privately with the position and time the phone gave, if any."""
    _require_author(report, by)
    if not report.is_draft:
        raise ValidationError(_("This report has been submitted; photos can no longer be added."))
    if report.photos.count() >= MAX_PHOTOS:
        raise ValidationError(_("A report holds at most %(count)d photos.") % {"count": MAX_PHOTOS})
    sniffed = sniff(upload, IMAGE_TYPES, max_mb=MAX_PHOTO_MB)
    lat, lng = _decimal(latitude, low=-90, high=90), _decimal(longitude, low=-180, high=180)
    if lat is None or lng is None:  # half a position is no position
        lat = lng = None
    try:
        meters = int(float(accuracy)) if accuracy not in (None, "") and lat is not None else None
    except (TypeError, ValueError):
        meters = None
    if taken_at and taken_at > timezone.now() + dt.timedelta(minutes=10):
        taken_at = None  # a phone clock far ahead is not evidence of anything
    photo = FieldReportPhoto(
        report=report,
        latitude=lat,
        longitude=lng,
        accuracy=meters if meters is None or meters >= 0 else None,
        taken_at=taken_at,
        uploaded_by=by,
    )
    digest = photo.store(upload, sniffed)
    photo.save()
    _log(
        report,
        "field_report.photo_added",
        by=by,
        photo=photo.pk,
        size=photo.size,
        sha256=digest,
        located=photo.has_position,
    )
    return photo


@transaction.atomic
def submit_report(report: FieldReport, *, by: User) -> FieldReport:
    """draft → submitted, once the report says who, where, when, what and how serious."""
    report = FieldReport.objects.select_for_update().get(pk=report.pk)
    _require_author(report, by)
    if not report.can_move_to(FieldReport.Status.SUBMITTED):
        raise InvalidTransition(_("This report has already been submitted."))
    missing = {}
    if not report.ormas_id and not report.ormas_text.strip():
        missing["ormas_text"] = _("Name the Ormas, or describe it if it is not registered.")
    if not report.region_id:
        missing["region"] = _("Choose the district (kecamatan) or village where it happened.")
    if not report.observed_on:
        missing["observed_on"] = _("Give the date you observed it.")
    if not report.activity.strip():
        missing["activity"] = _("Say what the Ormas was doing.")
    if not report.observations.strip():
        missing["observations"] = _("Write what you observed.")
    if not report.classification:
        missing["classification"] = _("Choose a classification.")
    elif report.classification == FieldReport.Classification.POSSIBLE_VIOLATION and not report.prohibition:
        missing["prohibition"] = _("Choose which prohibition of Pasal 59 may have been breached.")
    if missing:
        raise ValidationError(missing)
    report.status = FieldReport.Status.SUBMITTED
    report.submitted_at = timezone.now()
    report.save(update_fields=["status", "submitted_at", "updated_at"])
    _log(
        report,
        "field_report.submitted",
        by=by,
        classification=report.classification,
        prohibition=report.prohibition,
        photos=report.photos.count(),
        alarming=report.classification in ALARMING,
    )
    return report


def may_attach(report: FieldReport, case: Any, user: User) -> bool:
    """Kesbangpol staff handling the case, or a member of the report's agency when that agency sits on the case."""
    if user.role == Role.AGENCY_MEMBER:
        return bool(user.agency_id == report.agency_id and case.members.filter(agency_id=user.agency_id).exists())
    return bool(user.can_edit_registry and Case.objects.visible_to(user).filter(pk=case.pk).exists())


@transaction.atomic
def attach_to_case(report: FieldReport, case: Any, *, by: User) -> FieldReport:
    """File a submitted report in a case. The report stays in its agency's compartment."""
    report = FieldReport.objects.select_for_update().get(pk=report.pk)
    if report.is_draft:
        raise ValidationError(_("Submit the report before attaching it to a case."))
    if report.case_id == case.pk:
        raise ValidationError(_("The report is already attached to this case."))
    if not may_attach(report, case, by):
        raise PermissionDenied(_("You cannot attach reports to this case."))
    if report.ormas_id and case.ormas_id and report.ormas_id != case.ormas_id:
        raise ValidationError(_("The report is about another Ormas than the case."))
    before = report.case
    report.case = case
    report.save(update_fields=["case", "updated_at"])
    _log(
        report,
        "field_report.attached",
        by=by,
        changes={"case": [str(before) if before else None, str(case)]},
        case=case.pk,
    )
    return report
