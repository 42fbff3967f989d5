"""The decision on an application: the registry effects per service type, the letters (the decision letter and, for the
SKT pre-verification, its berita acara, keabsahan form and cover letter to the Mendagri), rejection, withdrawal and
the SKT returned by Kemendagri."""

import datetime as dt
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import Office, Role, User
from letters.actions import issue_letter
from letters.bodies import render_body
from letters.models import Letter
from regions.models import Region
from registry import actions as registry_actions
from registry.models import BoardMember, Chapter, Ormas
from registry.requirements import registration_problems
from services.journal import (
    S,
    _check,
    _log,
    _move,
    _notify,
    _refuse_ended,
    _refuse_under_sanction,
    _registration_status,
    _require_applicant_or_staff,
    _require_staff,
)
from services.models import (
    Application,
    ApplicationDocument,
    BukuIndukSequence,
    FieldCheck,
    ServiceType,
)

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
