"""Every change to an application, in one place: one action per transition of Application.TRANSITIONS, plus
creating a draft, uploading documents, verifying them, recording the field check and the SKT returned by Kemendagri.

Each action runs in a transaction, refuses moves the TRANSITIONS dict does not list, writes one audit entry (the
code in full at each call, "application.submitted", …) and, where the applicant should know, e-mails them after
the commit.

The module is split by what each part is: journal.py (the shared gate and audit), approval.py (the decision and its
letters), lapses.py (periods that lapse); this module holds filing and review and re-exports the rest.
"""

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import Role, User
from registry.models import Ormas
from registry.names import find_conflicts
from services import prefill
from services.approval import (  # noqa: F401  (part of this module's API)
    MINISTRY_ADDRESSEE,
    _field_check_report,
    approve_application,
    next_buku_induk_number,
    record_skt_issued,
    reject_application,
    withdraw_application,
)
from services.journal import (  # noqa: F401  (part of this module's API)
    APPLICATION_TYPES,
    MAX_PHOTO_MB,
    MAX_UPLOAD_MB,
    S,
    _check,
    _log,
    _move,
    _new_reference,
    _notify,
    _refuse_ended,
    _refuse_under_sanction,
    _refuse_unregistered,
    _registration_status,
    _require_applicant_or_staff,
    _require_staff,
    handling_office,
)
from services.lapses import (  # noqa: F401  (part of this module's API)
    apply_lapsed_periods,
    deem_granted,
    lapse_correction,
)
from services.models import (
    Application,
    ApplicationDocument,
    ChecklistItem,
    FieldCheck,
    FieldCheckPhoto,
    ServiceType,
)
from wadah.lib.files import IMAGE_TYPES, sniff
from workdays.engine import deadline_for


@transaction.atomic
def create_application(
    *,
    service_type: ServiceType,
    ormas: Ormas,
    by: User,
    channel: str = Application.Channel.ONLINE,
    applicant_name: str = "",
    applicant_phone: str = "",
    applicant_email: str = "",
) -> Application:
    """Start a draft application. An Ormas may have only one open application of each service type."""
    if not service_type.is_active:
        raise ValidationError(_("This service is not available."))
    if channel == Application.Channel.ONLINE and not service_type.online_allowed:
        raise ValidationError(_("This service can only be requested at the office counter."))
    # Lock the Ormas row so that two simultaneous starts cannot both pass the check below.
    locked = Ormas.objects.select_for_update().filter(pk=ormas.pk).first()
    _refuse_ended(locked or ormas)
    _refuse_unregistered(locked or ormas, service_type)
    _refuse_under_sanction(locked or ormas, service_type)
    existing = Application.objects.open().filter(ormas=ormas, service_type=service_type).first()
    if existing:
        raise ValidationError(
            _("%(ormas)s already has an open application for this service (%(reference)s). Continue that one instead.")
            % {"ormas": ormas.name, "reference": existing.reference},
            code="duplicate",
        )
    office = handling_office(ormas)
    if by.role != Role.ORMAS_ACCOUNT:
        _require_staff(by, Application(office=office))
    application = Application.objects.create(
        reference=_new_reference(),
        service_type=service_type,
        ormas=ormas,
        office=office,
        channel=channel,
        submitted_by=by,
        applicant_name=applicant_name or by.get_full_name() or by.username,
        applicant_phone=applicant_phone or by.phone,
        applicant_email=applicant_email or by.email,
        # A service with pre-filled parts (the activity report) fixes the year they are about when it starts.
        data={"prefill": {"year": prefill.report_year(timezone.localdate()), "parts": {}}}
        if prefill.parts_for(service_type.code)
        else {},
    )
    _log(application, "application.created", by=by, service=service_type.code, channel=channel)
    return application


@transaction.atomic
def update_application_data(
    application: Application, *, by: User, proposed: dict[str, Any] | None = None, **fields: Any
) -> None:
    """Save what the applicant filled in (proposed changes, the officials box, the statements, contact)."""
    _require_applicant_or_staff(by, application)
    if not application.is_editable:
        raise ValidationError(_("This application cannot be changed now."))
    allowed = {"officials_on_board", "statements_confirmed", "applicant_name", "applicant_phone", "applicant_email"}
    for name, value in fields.items():
        if name not in allowed:
            raise ValueError(name)
        setattr(application, name, value)
    if proposed is not None:
        application.proposed = proposed
    application.save()
    _log(
        application,
        "application.data_updated",
        by=by,
        fields=sorted([*fields, *(["proposed"] if proposed is not None else [])]),
    )


@transaction.atomic
def upload_application_document(
    application: Application, item: ChecklistItem, *, by: User, upload: UploadedFile
) -> ApplicationDocument:
    """Store a file against a checklist item; an earlier upload for the item becomes an earlier version."""
    _require_applicant_or_staff(by, application)
    if not application.is_editable:
        raise ValidationError(_("Documents can only be changed while the application is a draft or being corrected."))
    if item.service_type_id != application.service_type_id:
        raise ValidationError(_("This document is not part of this service's checklist."))
    sniffed = sniff(upload, APPLICATION_TYPES, max_mb=MAX_UPLOAD_MB)
    previous = list(application.current_documents().filter(checklist_item=item))
    document = ApplicationDocument(application=application, checklist_item=item, uploaded_by=by)
    document.store(upload, sniffed)
    document.save()
    ApplicationDocument.objects.filter(pk__in=[p.pk for p in previous]).update(replaced_by=document)
    _log(
        application,
        "application.document_uploaded",
        by=by,
        item=item.document_type.name,
        name=document.original_name,
        size=document.size,
        replaces=len(previous),
    )
    return document


def missing_documents(application: Application) -> list[ChecklistItem]:
    present = set(application.current_documents().values_list("checklist_item_id", flat=True))
    return [item for item in application.checklist() if item.required and item.pk not in present]


def _start_clock(application: Application) -> None:
    region = application.office.region_id
    application.decision_due = deadline_for(
        application.service_type.decision_period, timezone.localdate(), region_code=region
    )


@transaction.atomic
def submit_application(application: Application, *, by: User) -> Application:
    """Send a complete draft to the office: every required document present, statements confirmed."""
    _require_applicant_or_staff(by, application)
    current = Ormas.objects.get(pk=application.ormas_id)
    _refuse_ended(current)
    _refuse_unregistered(current, application.service_type)
    _refuse_under_sanction(current, application.service_type)
    missing = missing_documents(application)
    problems = [_("Upload “%(document)s”.") % {"document": item.document_type.name} for item in missing]
    if not application.statements_confirmed:
        problems.append(_("Confirm the statements."))
    if application.service_type.proposal != "none" and not application.proposed:
        problems.append(_("Fill in the proposed data."))
    for row in prefill.unanswered(application):
        problems.append(_("Confirm or correct “%(part)s”.") % {"part": row.part.label})
    _check(application, S.SUBMITTED)
    if problems:
        raise ValidationError(problems, code="incomplete")
    old = _move(application, S.SUBMITTED)
    if application.service_type.checks_name:
        ormas = application.ormas
        conflicts = find_conflicts(ormas.name, ormas.abbreviation, exclude_ormas_id=ormas.pk)
        application.data["name_conflicts"] = [
            {
                "kind": c.kind,
                "name": c.name,
                "abbreviation": c.abbreviation,
                "score": c.score,
                "reason": c.reason,
                "effect": c.effect,
            }
            for c in conflicts
        ]
    application.submitted_at = timezone.now()
    _start_clock(application)
    application.save()
    _log(application, "application.submitted", by=by, old=old, decision_due=str(application.decision_due))
    _notify(application, "submitted")
    return application


@transaction.atomic
def start_review(application: Application, *, by: User) -> Application:
    _require_staff(by, application)
    old = _move(application, S.IN_REVIEW)
    # Accepted for review: an Ormas that was only recorded (terdata) is now registering.
    _registration_status(
        application,
        Ormas.Status.IN_PROCESS,
        by=by,
        reason=_("SKT application %(ref)s accepted for review") % {"ref": application.reference},
    )
    application.save()
    _log(application, "application.review_started", by=by, old=old)
    _notify(application, "review_started")
    return application


@transaction.atomic
def verify_document(document: ApplicationDocument, *, by: User, valid: bool, reason: str = "") -> None:
    """Mark one document valid, or as needing correction with the reason the applicant will read."""
    application = document.application
    _require_staff(by, application)
    if application.status not in (S.IN_REVIEW, S.FIELD_CHECK):
        raise ValidationError(_("Documents are checked while the application is in review."))
    if document.replaced_by_id:
        raise ValidationError(_("This is an earlier version; check the current one."))
    if not valid and not reason.strip():
        raise ValidationError(_("Say what needs to be corrected."))
    old = document.status
    document.status = ApplicationDocument.Status.VALID if valid else ApplicationDocument.Status.NEEDS_CORRECTION
    document.reason = "" if valid else reason.strip()
    document.verified_by = by
    document.verified_at = timezone.now()
    document.save()
    _log(
        application,
        "application.document_verified",
        by=by,
        item=document.checklist_item.document_type.name,
        result=document.status,
        previous=old,
        reason=document.reason,
    )


@transaction.atomic
def request_changes(application: Application, *, by: User, note: str = "") -> Application:
    """Send the file back to the applicant: at least one document marked for correction, or a note."""
    _require_staff(by, application)
    to_correct = application.current_documents().filter(status=ApplicationDocument.Status.NEEDS_CORRECTION)
    _check(application, S.CHANGES_REQUESTED)
    if not to_correct.exists() and not note.strip():
        raise ValidationError(_("Mark at least one document as needing correction, or write what must change."))
    old = _move(application, S.CHANGES_REQUESTED)
    application.decision_note = note.strip()
    application.correction_due = deadline_for(
        application.service_type.correction_period, timezone.localdate(), region_code=application.office.region_id
    )
    application.save()
    _log(
        application,
        "application.changes_requested",
        by=by,
        old=old,
        note=application.decision_note,
        documents=[d.checklist_item.document_type.name for d in to_correct.select_related("checklist_item")],
        correction_due=application.correction_due.isoformat(),
    )
    _notify(application, "changes_requested")
    return application


@transaction.atomic
def resubmit_application(application: Application, *, by: User) -> Application:
    """Send the corrected file back: every document marked for correction has been replaced."""
    _require_applicant_or_staff(by, application)
    _check(application, S.RESUBMITTED)
    if application.correction_due and application.correction_due < timezone.localdate():
        raise ValidationError(
            _(
                "The correction period ended on %(date)s, so this application has lapsed. File a new application "
                "for the service."
            )
            % {"date": date_format(application.correction_due, "DATE_FORMAT")},
            code="lapsed",
        )
    still_wrong = application.current_documents().filter(status=ApplicationDocument.Status.NEEDS_CORRECTION)
    problems = [
        _("Upload a corrected “%(document)s”.") % {"document": d.checklist_item.document_type.name}
        for d in still_wrong.select_related("checklist_item__document_type")
    ]
    problems += [
        _("Upload “%(document)s”.") % {"document": i.document_type.name} for i in missing_documents(application)
    ]
    if problems:
        raise ValidationError(problems, code="incomplete")
    old = _move(application, S.RESUBMITTED)
    application.correction_due = None
    # The office's clock starts again from the corrected file.
    _start_clock(application)
    application.save()
    _log(application, "application.resubmitted", by=by, old=old, decision_due=str(application.decision_due))
    _notify(application, "resubmitted")
    return application


@transaction.atomic
def schedule_field_check(application: Application, *, by: User, scheduled_for: dt.date, officer: User) -> FieldCheck:
    _require_staff(by, application)
    _require_staff(officer, application)
    # Rescheduling a visit within the field-check step is not a status change.
    old = None if application.status == S.FIELD_CHECK else _move(application, S.FIELD_CHECK)
    check = FieldCheck.objects.create(application=application, scheduled_for=scheduled_for, officer=officer)
    application.save()
    _log(
        application,
        "application.field_check_scheduled",
        by=by,
        old=old,
        on=scheduled_for.isoformat(),
        officer=str(officer),
    )
    _notify(application, "field_check_scheduled")
    return check


@transaction.atomic
def record_field_check(
    check: FieldCheck,
    *,
    by: User,
    result: str,
    notes: str = "",
    photos: list[tuple[UploadedFile, dict[str, Any]]] = (),  # type: ignore[assignment]
) -> FieldCheck:
    """Record the visit's result and photos (with their position and time from the phone, when given)."""
    application = check.application
    _require_staff(by, application)
    if application.status != S.FIELD_CHECK:
        raise ValidationError(_("The application is not in the field-check step."))
    if check.done_at:
        raise ValidationError(_("This field check has already been recorded."))
    if result not in FieldCheck.Result.values:
        raise ValidationError(_("Choose the result of the visit."))
    check.result = result
    check.notes = notes
    check.done_at = timezone.now()
    check.save()
    for upload, meta in photos:
        sniffed = sniff(upload, IMAGE_TYPES, max_mb=MAX_PHOTO_MB)
        photo = FieldCheckPhoto(
            field_check=check,
            latitude=meta.get("latitude"),
            longitude=meta.get("longitude"),
            taken_at=meta.get("taken_at"),
        )
        photo.store(upload, sniffed)
        photo.full_clean(exclude=["file"])
        photo.save()
    letter = None
    if application.service_type.forwards_to_ministry:
        letter = _field_check_report(application, check, by=by)
    _log(
        application,
        "application.field_check_recorded",
        by=by,
        result=result,
        notes=notes,
        photos=len(photos),
        **({"report": letter.number} if letter else {}),
    )
    return check


ACTION_FOR: dict[tuple[str, str], Callable[..., Any]] = {
    (S.DRAFT, S.SUBMITTED): submit_application,
    (S.DRAFT, S.WITHDRAWN): withdraw_application,
    (S.SUBMITTED, S.IN_REVIEW): start_review,
    (S.SUBMITTED, S.WITHDRAWN): withdraw_application,
    (S.IN_REVIEW, S.CHANGES_REQUESTED): request_changes,
    (S.IN_REVIEW, S.FIELD_CHECK): schedule_field_check,
    (S.IN_REVIEW, S.APPROVED): approve_application,
    (S.IN_REVIEW, S.REJECTED): reject_application,
    (S.CHANGES_REQUESTED, S.RESUBMITTED): resubmit_application,
    (S.CHANGES_REQUESTED, S.WITHDRAWN): withdraw_application,
    (S.RESUBMITTED, S.IN_REVIEW): start_review,
    (S.FIELD_CHECK, S.APPROVED): approve_application,
    (S.FIELD_CHECK, S.REJECTED): reject_application,
    (S.FIELD_CHECK, S.CHANGES_REQUESTED): request_changes,
    (S.SUBMITTED, S.DEEMED_GRANTED): deem_granted,
    (S.IN_REVIEW, S.DEEMED_GRANTED): deem_granted,
    (S.RESUBMITTED, S.DEEMED_GRANTED): deem_granted,
    (S.FIELD_CHECK, S.DEEMED_GRANTED): deem_granted,
    (S.DEEMED_GRANTED, S.APPROVED): approve_application,
    (S.CHANGES_REQUESTED, S.LAPSED): lapse_correction,
}


@transaction.atomic
def answer_prefill_part(
    application: Application, code: str, *, by: User, confirmed: bool, correction: str = ""
) -> None:
    """The Ormas (or the counter officer) confirms what Wadah knows for one part of the report, or corrects it.
    The items answered about are frozen with the answer; answering again replaces the answer."""
    _require_applicant_or_staff(by, application)
    if not application.is_editable:
        raise ValidationError(_("This application cannot be changed now."))
    part = next((p for p in prefill.parts_for(application.service_type.code) if p.code == code), None)
    if part is None:
        raise ValidationError(_("This part is not in this report."))
    correction = correction.strip()
    if not confirmed and not correction:
        raise ValidationError(_("Write what is missing or wrong in this part."))
    if len(correction) > 4000:
        raise ValidationError(_("Keep the correction under 4,000 characters."))
    items = prefill.collect(part, application.ormas, prefill.year_of(application))
    data = dict(application.data or {})
    stored = dict(data.get("prefill") or {})
    stored.setdefault("year", prefill.year_of(application))
    stored["parts"] = {
        **(stored.get("parts") or {}),
        code: {
            "answer": prefill.CONFIRMED if confirmed else prefill.CORRECTED,
            "correction": "" if confirmed else correction,
            "items": [{"text": i.text, "url": i.url, "on": i.on} for i in items],
            "at": timezone.now().isoformat(),
        },
    }
    data["prefill"] = stored
    application.data = data
    application.save(update_fields=["data", "updated_at"])
    _log(
        application,
        "application.prefill_answered",
        by=by,
        part=code,
        answer=prefill.CONFIRMED if confirmed else prefill.CORRECTED,
        items=len(items),
    )
