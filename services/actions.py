"""Every change to an application, in one place: one action per transition of Application.TRANSITIONS, plus
creating a draft, uploading documents, verifying them, recording the field check and the SKT returned by Kemendagri.

Each action runs in a transaction, refuses moves the TRANSITIONS dict does not list, writes one audit entry (the
code in full at each call, "application.submitted", …) and, where the applicant should know, e-mails them after
the commit.
"""

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import Office, Role, User
from audit.log import record
from letters.actions import issue_letter
from letters.bodies import render_body
from letters.models import Letter
from regions.models import Region
from registry import actions as registry_actions
from registry.models import BoardMember, Chapter, Ormas
from registry.names import find_conflicts
from registry.requirements import registration_problems
from services import prefill, tasks
from services.models import (
    Application,
    ApplicationDocument,
    BukuIndukSequence,
    ChecklistItem,
    FieldCheck,
    FieldCheckPhoto,
    ServiceType,
)
from supervision.queries import active_sanction
from wadah.lib.files import DOCUMENT_TYPES, IMAGE_TYPES, sniff
from wadah.lib.workflow import check_move
from workdays.engine import deadline_for
from workdays.models import Period

MAX_UPLOAD_MB = 10
MAX_PHOTO_MB = 10
# What an applicant may upload against a checklist item: scans, photos and PDFs (office files are converted first).
APPLICATION_TYPES = {k: v for k, v in DOCUMENT_TYPES.items() if k in ("pdf", "jpg", "png", "webp")}

S = Application.Status


def _check(application: Application, new: str) -> None:
    """The one gate every status change passes: refuse what TRANSITIONS does not list."""
    check_move(application, new, _("An application with status “%(old)s” cannot become “%(new)s”."))


def _move(application: Application, new: str) -> str:
    _check(application, new)
    old = application.status
    application.status = new
    return old


def _notify(application: Application, event: str) -> None:
    transaction.on_commit(lambda: tasks.notify_applicant.enqueue(application.pk, event))


def _log(application: Application, action: str, *, by: User | None, old: str | None = None, **data: Any) -> None:
    changes = {"status": [old, application.status]} if old is not None and old != application.status else None
    record(
        application,
        action,
        by=by,
        ormas=application.ormas,
        changes=changes,
        data=data,
        about=application,
    )


def _require_staff(user: User | None, application: Application) -> None:
    if user is None:
        return
    # Not the admin sistem: it maintains accounts and reference data, and has no say in an Ormas's application or
    # the registry data an approval or an SKT writes (issue 8).
    if user.role not in (Role.OFFICER, Role.LEADER) or not user.in_scope(application.office.region_id):
        raise PermissionDenied(_("Only an officer of the handling office may do this."))


def _require_applicant_or_staff(user: User | None, application: Application) -> None:
    if user is None:
        return
    if user.role == Role.ORMAS_ACCOUNT:
        if user.ormas_id != application.ormas_id:
            raise PermissionDenied(_("This application belongs to another Ormas."))
        return
    _require_staff(user, application)


def _refuse_ended(ormas: Ormas) -> None:
    """A revoked or dissolved Ormas files no new applications (issue 11): its registration has no force."""
    if ormas.status in Ormas.ENDED_STATUSES:
        raise ValidationError(
            _("%(ormas)s is “%(status)s” and can no longer file applications.")
            % {"ormas": ormas.name, "status": ormas.get_status_display()},
            code="ended",
        )


def _refuse_unregistered(ormas: Ormas, service_type: ServiceType) -> None:
    """A terdata or in-process Ormas is lawful but not registered (MK 82/PUU-XI/2013): no government services or
    facilitation except its registration route (ServiceType.open_to_unregistered)."""
    if ormas.status in Ormas.UNREGISTERED_STATUSES and not service_type.open_to_unregistered:
        open_names = ", ".join(
            ServiceType.objects.filter(is_active=True, open_to_unregistered=True).values_list("name", flat=True)
        )
        raise ValidationError(
            _(
                "%(ormas)s is not registered yet (“%(status)s”): it can apply only for %(services)s. Other services "
                "follow once its SKT is recorded."
            )
            % {"ormas": ormas.name, "status": ormas.get_status_display(), "services": open_names or "—"},
            code="unregistered",
        )


def _refuse_under_sanction(ormas: Ormas, service_type: ServiceType) -> None:
    """Services such as the activity recommendation are refused while a sanction is in force (supervision's one
    definition of it, active_sanction)."""
    if not service_type.refused_under_sanction:
        return
    sanction = active_sanction(ormas)
    if sanction is not None:
        raise ValidationError(
            _(
                "%(ormas)s is under a sanction in force (%(sanction)s since %(date)s): the office cannot give "
                "“%(service)s” while it lasts."
            )
            % {
                "ormas": ormas.name,
                "sanction": sanction.get_kind_display(),
                "date": date_format(sanction.decided_on, "DATE_FORMAT") if sanction.decided_on else "—",
                "service": service_type.name,
            },
            code="sanction",
        )


def _registration_status(application: Application, new: str, *, by: User | None, reason: str) -> None:
    """The registration route moves the Ormas between terdata and dalam proses (never a sanction status)."""
    if not application.service_type.open_to_unregistered:
        return
    ormas = Ormas.objects.select_for_update().get(pk=application.ormas_id)
    wanted_from = Ormas.Status.TERDATA if new == Ormas.Status.IN_PROCESS else Ormas.Status.IN_PROCESS
    if ormas.status == wanted_from:
        registry_actions.change_ormas_status(
            ormas, new, by=by, reason=reason, legal_basis=application.service_type.legal_basis
        )
        application.ormas = ormas


def handling_office(ormas: Ormas) -> Office:
    """The office that handles an Ormas's applications: its kab/kota office, or the province for wider scopes."""
    if ormas.scope_level in (Ormas.ScopeLevel.PROVINCE, Ormas.ScopeLevel.NATIONAL):
        return Office.objects.get(region_id=ormas.province_code)
    return Office.for_region(ormas.region_id)


def _new_reference() -> str:
    from services.models import new_reference

    year = timezone.localdate().year
    while True:
        reference = new_reference(year)
        if not Application.objects.filter(reference=reference).exists():
            return reference


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


# ---- Approval: registry effects per service type, then the letter -------------------------------------------


def _chapter_for_office(application: Application, *, by: User) -> Chapter:
    """The Ormas's chapter in the handling office's region, created if it does not exist yet."""
    office = application.office
    ormas = application.ormas
    chapter = ormas.chapters.filter(region_id=office.region_id, is_active=True).first()
    if chapter:
        return chapter
    proposed = application.proposed or {}
    level = Chapter.Level.PROVINCE if office.is_province else Chapter.Level.REGENCY
    region = Region.objects.get(code=office.region_id)
    prefix = "DPD" if office.is_province else "DPC"
    chapter = Chapter(
        ormas=ormas,
        level=level,
        region=region,
        name=(proposed.get("chapter_name") or f"{prefix} {ormas.abbreviation or ormas.name} {region.name}")[:200],
        address=(proposed.get("address") or ormas.address)[:300],
    )
    registry_actions.save_chapter(chapter, by=by)
    return chapter


def next_buku_induk_number(office: Office) -> str:
    """BI-{office region}-{seq:04d}: a per-office running number, locked so that two approvals never share one."""
    sequence, _created = BukuIndukSequence.objects.select_for_update().get_or_create(office=office)
    sequence.last += 1
    sequence.save(update_fields=["last"])
    return f"BI-{office.region_id}-{sequence.last:04d}"


def _parse_date(value: Any) -> dt.date | None:
    if not value:
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _apply_board_change(application: Application, *, by: User) -> None:
    chapter = _chapter_for_office(application, by=by)
    proposed = application.proposed or {}
    term_start = _parse_date(proposed.get("term_start"))
    term_end = _parse_date(proposed.get("term_end"))
    members = proposed.get("members") or []
    positions = {m["position"] for m in members}
    today = timezone.localdate()
    for seat in BoardMember.objects.filter(chapter=chapter, ended_on__isnull=True, position__in=positions):
        registry_actions.end_board_member(
            seat, by=by, ended_on=term_start or today, reason=_("Replaced (%(ref)s)") % {"ref": application.reference}
        )
    if term_start or term_end:
        chapter.term_start = term_start or chapter.term_start
        chapter.term_end = term_end or chapter.term_end
        registry_actions.save_chapter(chapter, by=by, changed_fields=["term_start", "term_end"])
    for member in members:
        registry_actions.add_board_member(
            chapter,
            by=by,
            nik=member.get("nik") or None,
            person_values={"name": member["name"], "phone": member.get("phone", "")},
            position=member["position"],
            term_start=term_start,
            term_end=term_end,
        )


def _apply_address_change(application: Application, *, by: User) -> None:
    proposed = application.proposed or {}
    changes: dict[str, Any] = {"address": proposed["address"]}
    if proposed.get("region"):
        changes["region"] = Region.objects.get(code=proposed["region"])
    registry_actions.update_ormas(application.ormas, by=by, changes=changes)


def _apply_presence(application: Application, letter: Any, *, by: User) -> None:
    chapter = _chapter_for_office(application, by=by)
    fields = ["presence_letter_number", "presence_letter_date"]
    chapter.presence_letter_number = letter.number
    chapter.presence_letter_date = letter.issued_on
    registry_actions.save_chapter(chapter, by=by, changed_fields=fields)


def _apply_dissolution(application: Application, *, by: User) -> None:
    registry_actions.change_ormas_status(
        application.ormas,
        Ormas.Status.DISSOLVED,
        by=by,
        reason=_("Dissolution notified by the Ormas (%(ref)s)") % {"ref": application.reference},
        legal_basis=application.service_type.legal_basis,
        # The Ormas's own dissolution notice is the decision the status rests on.
        decision=registry_actions.Decision(
            number=application.reference,
            date=timezone.localdate(),
            basis=application.service_type.legal_basis or "UU 17/2013",
            source="dissolution notice",
        ),
    )


def _letter_text(
    application: Application,
    note: str,
    *,
    preverification: list[Any] = (),  # type: ignore[assignment]
) -> tuple[str, str, str]:
    """Subject, body and signatory position of the letter. A letter is an official Indonesian document whatever
    language the Pimpinan's screen uses, so its wording is Indonesian (the body: letters/bodies/)."""
    subject = f"{application.service_type.letter_title} — {application.ormas.name}"
    context = {
        "application": application,
        "submitted_on": timezone.localtime(application.submitted_at or timezone.now()).date(),
        "buku_induk_number": application.data.get("buku_induk_number"),
        "note": note,
        "deemed": application.data.get("deemed"),
        "activity": application.proposed
        if application.service_type.proposal == ServiceType.Proposal.ACTIVITY
        else None,
        "documents": preverification,
        "is_renewal": application.service_type.code == "skt-renewal",
    }
    if application.service_type.forwards_to_ministry:
        template = "ministry-cover-letter"
    elif application.service_type.proposal == ServiceType.Proposal.ACTIVITY:
        template = "activity-recommendation"
    else:
        template = "application-approved"
    return subject, render_body(template, context), f"Kepala {application.office.name}"


# Whom the pre-verification's cover letter goes to: the Mendagri c.q. Dirjen Polpum, not the Ormas (domain.md §0).
MINISTRY_ADDRESSEE = "Yth. Menteri Dalam Negeri c.q. Direktur Jenderal Politik dan Pemerintahan Umum\ndi Jakarta"


def _deemed_context(application: Application) -> dict[str, Any] | None:
    deemed = application.data.get("deemed")
    if not deemed:
        return None
    return {**deemed, "since": _parse_date(deemed.get("since"))}


def _activity_context(application: Application) -> dict[str, Any] | None:
    if application.service_type.proposal != ServiceType.Proposal.ACTIVITY:
        return None
    proposed = dict(application.proposed or {})
    for key in ("starts_on", "ends_on"):
        proposed[key] = _parse_date(proposed.get(key))
    return proposed


def _letter_valid_until(application: Application) -> dt.date | None:
    """The validity the service defines: an activity recommendation holds until the activity's last day."""
    if application.service_type.proposal == ServiceType.Proposal.ACTIVITY:
        return _parse_date((application.proposed or {}).get("ends_on") or (application.proposed or {}).get("starts_on"))
    return None


def _document_rows(application: Application) -> list[list[str]]:
    rows = []
    for document in application.current_documents().select_related("checklist_item__document_type", "verified_by"):
        checked = ""
        if document.verified_at:
            checked = " — " + date_format(timezone.localtime(document.verified_at).date(), "DATE_FORMAT")
            if document.verified_by:
                checked += f", {document.verified_by.get_full_name() or document.verified_by.username}"
        rows.append([document.checklist_item.document_type.name, f"{document.get_status_display()}{checked}"])
    return rows


def _field_check_report(application: Application, check: FieldCheck, *, by: User) -> Any:
    """Berita acara hasil penelitian lapangan: made when the visit is recorded, signed by the officer who made it."""
    with translation.override("id"):
        result = str(FieldCheck.Result(check.result).label)
    return issue_letter(
        office=application.office,
        kind="field-check-report",
        title="Berita Acara Hasil Penelitian Lapangan",
        subject=f"Penelitian lapangan sekretariat {application.ormas.name}",
        body=render_body(
            "field-check-report",
            {"application": application, "check": check, "result": result, "visited_on": check.scheduled_for},
        ),
        by=by,
        signatory_name=by.get_full_name() or by.username,
        signatory_position=f"Petugas Peneliti Lapangan, {application.office.name}",
        signatory_nip=by.nip,
        ormas=application.ormas,
        source=application,
    )


def _preverification_documents(application: Application, *, by: User) -> list[Any]:
    """The pre-verification's record (domain.md §3.3): the berita acara of the document check and the formulir
    keabsahan dokumen, numbered now, with the field check's berita acara made at the visit."""
    rows = _document_rows(application)
    deemed = _deemed_context(application)

    def record(kind: str, title: str, subject: str) -> Any:
        return issue_letter(
            office=application.office,
            kind=kind,
            title=title,
            subject=subject,
            body=render_body(kind, {"application": application, "deemed": deemed}),
            content={"fields": rows},
            by=by,
            signatory_name=by.get_full_name() or by.username,
            signatory_position=f"Kepala {application.office.name}",
            signatory_nip=by.nip,
            ormas=application.ormas,
            source=application,
        )

    name = application.ormas.name
    document_report = record(
        "document-check-report",
        "Berita Acara Hasil Penelitian Administrasi",
        f"Penelitian kelengkapan dan keabsahan dokumen {name}",
    )
    validity_form = record(
        "document-validity-form", "Formulir Keabsahan Dokumen", f"Keabsahan dokumen permohonan SKT {name}"
    )
    field_reports = list(
        Letter.objects.filter(
            source_type=ContentType.objects.get_for_model(Application),
            source_id=application.pk,
            kind="field-check-report",
            status=Letter.Status.VALID,
        ).order_by("pk")
    )
    return [document_report, *field_reports[-1:], validity_form]


@transaction.atomic
def approve_application(application: Application, *, by: User, note: str = "") -> Application:
    """The Pimpinan's approval: registry effects, the signed letter and the decision, all or nothing."""
    if by.role != Role.LEADER:
        raise PermissionDenied(_("Only the Pimpinan may approve an application."))
    _require_staff(by, application)
    deemed = application.status == S.DEEMED_GRANTED
    # Granted by law once the office's period lapsed: the office has lost the checks it did not make in time.
    if not deemed:
        if application.status == S.IN_REVIEW and application.service_type.requires_field_check:
            raise ValidationError(_("This service needs a field check before it can be approved."))
        if application.status == S.FIELD_CHECK and not application.field_checks.filter(done_at__isnull=False).exists():
            raise ValidationError(_("Record the field check before deciding."))
    _check(application, S.APPROVED)
    if not deemed and application.current_documents().exclude(status=ApplicationDocument.Status.VALID).exists():
        raise ValidationError(_("Every document must be checked and valid before approval."))
    current = Ormas.objects.get(pk=application.ormas_id)
    _refuse_ended(current)
    _refuse_under_sanction(current, application.service_type)
    if application.service_type.forwards_to_ministry:
        problems = registration_problems(current)
        if problems:
            raise ValidationError(
                [_("The file cannot be forwarded to the Mendagri yet:"), *problems], code="requirements"
            )
    old = _move(application, S.APPROVED)
    code = application.service_type.code
    kind = application.service_type.proposal
    if kind == ServiceType.Proposal.BOARD:
        _apply_board_change(application, by=by)
    elif kind == ServiceType.Proposal.ADDRESS:
        _apply_address_change(application, by=by)
    elif code == "dissolution-notice":
        _apply_dissolution(application, by=by)
    if code == "presence-report":
        # The Buku Induk number goes into the letter, the letter's number onto the chapter.
        chapter = _chapter_for_office(application, by=by)
        if not chapter.buku_induk_number:
            chapter.buku_induk_number = next_buku_induk_number(application.office)
            registry_actions.save_chapter(chapter, by=by, changed_fields=["buku_induk_number"])
        application.data["buku_induk_number"] = chapter.buku_induk_number
    preverification = (
        _preverification_documents(application, by=by) if application.service_type.forwards_to_ministry else []
    )
    subject, body, position = _letter_text(application, note, preverification=preverification)
    letter = issue_letter(
        office=application.office,
        kind=application.service_type.letter_kind,
        title=application.service_type.letter_title,
        subject=subject,
        body=body,
        by=by,
        signatory_name=by.get_full_name() or by.username,
        signatory_position=position,
        signatory_nip=by.nip,
        ormas=application.ormas,
        addressee=MINISTRY_ADDRESSEE if application.service_type.forwards_to_ministry else str(application.ormas),
        source=application,
        valid_until=_letter_valid_until(application),
        attachment_note=", ".join(f"{d.title} {d.number}" for d in preverification)[:200],
    )
    if code == "presence-report":
        _apply_presence(application, letter, by=by)
    application.letter = letter
    application.decided_at = timezone.now()
    application.decided_by = by
    application.decision_note = note.strip()
    application.save()
    _log(
        application,
        "application.approved",
        by=by,
        old=old,
        letter=getattr(letter, "number", ""),
        note=application.decision_note,
    )
    _notify(application, "approved")
    return application


@transaction.atomic
def reject_application(application: Application, *, by: User, reason: str) -> Application:
    if by.role != Role.LEADER:
        raise PermissionDenied(_("Only the Pimpinan may reject an application."))
    _require_staff(by, application)
    _check(application, S.REJECTED)
    if not reason.strip():
        raise ValidationError(_("Give the reason for the rejection; the applicant will read it."))
    old = _move(application, S.REJECTED)
    _registration_status(
        application,
        Ormas.Status.TERDATA,
        by=by,
        reason=_("SKT application %(ref)s rejected") % {"ref": application.reference},
    )
    application.decided_at = timezone.now()
    application.decided_by = by
    application.decision_note = reason.strip()
    application.save()
    _log(application, "application.rejected", by=by, old=old, reason=application.decision_note)
    _notify(application, "rejected")
    return application


@transaction.atomic
def withdraw_application(application: Application, *, by: User, reason: str = "") -> Application:
    _require_applicant_or_staff(by, application)
    old = _move(application, S.WITHDRAWN)
    _registration_status(
        application,
        Ormas.Status.TERDATA,
        by=by,
        reason=_("SKT application %(ref)s withdrawn") % {"ref": application.reference},
    )
    application.decision_note = reason.strip()
    application.save()
    _log(application, "application.withdrawn", by=by, old=old, reason=application.decision_note)
    _notify(application, "withdrawn")
    return application


@transaction.atomic
def record_skt_issued(
    application: Application,
    number: str,
    issued_on: dt.date,
    expires_on: dt.date,
    *,
    by: User,
    siola_reference: str = "",
) -> None:
    """Kemendagri's SKT came back for an approved pre-verification or renewal: write it into the registry."""
    _require_staff(by, application)
    if application.status != S.APPROVED or application.service_type.code not in ("skt-preverification", "skt-renewal"):
        raise ValidationError(_("An SKT can only be recorded for an approved SKT application."))
    if not number.strip():
        raise ValidationError(_("Enter the SKT number."))
    if expires_on <= issued_on:
        raise ValidationError(_("The SKT must expire after it was issued."))
    registry_actions.update_ormas(
        application.ormas,
        by=by,
        changes={
            "skt_number": number.strip(),
            "skt_issued_on": issued_on,
            "skt_expires_on": expires_on,
            "skt_issuer": Ormas.SktIssuer.KEMENDAGRI,
            **({"siola_reference": siola_reference.strip()} if siola_reference.strip() else {}),
        },
    )
    # Registered: the Ormas that was registering becomes active with its SKT.
    ormas = Ormas.objects.select_for_update().get(pk=application.ormas_id)
    if ormas.status == Ormas.Status.IN_PROCESS:
        registry_actions.change_ormas_status(
            ormas,
            Ormas.Status.ACTIVE,
            by=by,
            reason=_("SKT %(number)s issued by the Mendagri") % {"number": number.strip()},
            legal_basis="Permendagri 57/2017",
            effective_on=issued_on,
        )
    application.data["skt"] = {
        "number": number.strip(),
        "issued_on": issued_on.isoformat(),
        "expires_on": expires_on.isoformat(),
    }
    Application.objects.filter(pk=application.pk).update(data=application.data)
    _log(application, "application.skt_recorded", by=by, number=number.strip(), expires_on=expires_on.isoformat())


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
