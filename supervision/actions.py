"""Every change to a supervision case, in one place: one action per transition of Case.TRANSITIONS, plus notes,
documents, meetings, mediation, members and the Ormas's responses.

Each action runs in a transaction, refuses moves TRANSITIONS does not list, records the step (CaseStep: legal basis,
decision, decider, date, letter, deadline, rules in force), applies the registry effect in the same transaction,
writes the audit trail ("case.<verb>", ormas=case.ormas) and e-mails the handling officers after the commit.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import Agency, Office, Role, User
from audit.log import record
from letters.actions import issue_letter
from letters.models import Letter
from registry import actions as registry_actions
from registry.models import Ormas
from supervision import compartments, tasks
from supervision.models import (
    Case,
    CaseDocument,
    CaseMember,
    CaseNote,
    CaseStep,
    ClarificationMeeting,
    MediationSession,
    StepAuthority,
    new_reference,
)
from wadah.lib.files import DOCUMENT_TYPES, sniff
from workdays.engine import deadline_for
from workdays.models import Period

S = Case.Status
K = CaseStep.Kind
MAX_UPLOAD_MB = 10
WARNING_PERIOD = "written-warning-compliance"

# Default legal bases offered by the forms (the officer may write a more precise one).
LEGAL_BASIS: dict[str, str] = {
    K.CLARIFICATION: "UU 17/2013 Pasal 53–56 (pengawasan)",
    K.PERSUASION: "UU 17/2013 jo. UU 16/2017 Pasal 60–61",
    K.WRITTEN_WARNING: "UU 17/2013 jo. UU 16/2017 Pasal 61(1)(a), 62(1)",
    K.HALT_RECOMMENDED: "UU 17/2013 jo. UU 16/2017 Pasal 61(1)(b), 62(2)",
    K.HALT: "UU 17/2013 jo. UU 16/2017 Pasal 61(1)(b), 62(2)",
    K.REVOCATION_RECOMMENDED: "UU 17/2013 jo. UU 16/2017 Pasal 61(1)(c), 62(3)",
    K.REVOCATION: "UU 17/2013 jo. UU 16/2017 Pasal 61(1)(c), 62(3)",
    K.DISSOLUTION: "UU 17/2013 jo. UU 16/2017 Pasal 62(3), 80A",
    K.REFERRAL: "UU 17/2013 jo. UU 16/2017 Pasal 82A",
    K.DISPUTE: "UU 17/2013 Pasal 57–58",
}
DIRECT_BASIS = "UU 17/2013 jo. UU 16/2017 Pasal 60(2), 61(3)"


class InvalidTransition(ValidationError):
    pass


# ---------------------------------------------------------------- helpers


def _check(case: Case, new: str) -> None:
    """The one gate every status change passes: refuse what TRANSITIONS does not list."""
    if not case.can_move_to(new):
        raise InvalidTransition(
            _("A case with status “%(old)s” cannot become “%(new)s”.")
            % {"old": case.get_status_display(), "new": S(new).label}
        )


def _move(case: Case, new: str) -> str:
    _check(case, new)
    old = case.status
    case.status = new
    if new in Case.FINAL:
        case.closed_at = timezone.now()
    case.save(update_fields=["status", "closed_at"])
    return old


def _log(case: Case, verb: str, *, by: User | None, old: str | None = None, **data: Any) -> None:
    changes = {"status": [old, case.status]} if old is not None and old != case.status else None
    record(case, f"case.{verb}", by=by, ormas=case.ormas, changes=changes, data=data)


def _notify(case: Case, event: str, label: str = "") -> None:
    case_id = case.pk
    transaction.on_commit(lambda: tasks.notify_officers.enqueue(case_id, event, label))


def is_handler(user: Any, case: Case) -> bool:
    """A Kesbangpol officer or leader whose scope covers the handling office."""
    return bool(getattr(user, "role", None) in (Role.OFFICER, Role.LEADER) and user.in_scope(case.office.region_id))


def _require_handler(user: User, case: Case) -> None:
    if not is_handler(user, case):
        raise PermissionDenied(_("Only a Kesbangpol officer of the handling office may do this."))


def _require_participant(user: User, case: Case) -> None:
    """Handlers, or members of an agency taking part in the case."""
    if is_handler(user, case):
        return
    if user.role == Role.AGENCY_MEMBER and user.agency_id and case.members.filter(agency_id=user.agency_id).exists():
        return
    raise PermissionDenied(_("You do not take part in this case."))


def _require_text(value: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError(message)
    return value


def _refuse_final(case: Case) -> None:
    if case.is_final:
        raise ValidationError(_("This case is closed and can no longer be changed."))


def _period_rule(code: str) -> dict[str, Any]:
    period = Period.objects.filter(code=code).first()
    if period is None:
        raise ValidationError(_("The period “%(code)s” is not configured.") % {"code": code})
    return {
        "code": period.code,
        "days": period.days,
        "unit": period.unit,
        "legal_source": period.legal_source,
        "unverified": period.is_unverified,
    }


def _step(
    case: Case,
    kind: str,
    *,
    by: User | None,
    legal_basis: str = "",
    decision: str = "",
    decided_on: dt.date | None = None,
    letter: Letter | None = None,
    deadline: dt.date | None = None,
    rules: dict[str, Any] | None = None,
    decree_number: str = "",
    decree_date: dt.date | None = None,
) -> CaseStep:
    return CaseStep.objects.create(
        case=case,
        kind=kind,
        legal_basis=legal_basis.strip(),
        decision=decision.strip(),
        decided_by=by if getattr(by, "pk", None) else None,
        decided_on=decided_on or timezone.localdate(),
        letter=letter,
        deadline=deadline,
        rules={"recorded_at": timezone.now().isoformat(), **(rules or {})},
        decree_number=decree_number.strip(),
        decree_date=decree_date,
    )


def _signatory(by: User, office: Office) -> tuple[str, str]:
    position = f"Kepala {office.name}" if by.role == Role.LEADER else f"a.n. Kepala {office.name}"
    return by.get_full_name() or by.username, position


def _letter(case: Case, *, kind: str, title: str, subject: str, body: str, by: User, addressee: str) -> Letter:
    """A letter of the handling office about this case. Official wording is Indonesian (as in services)."""
    name, position = _signatory(by, case.office)
    return issue_letter(
        office=case.office,
        kind=kind,
        title=title,
        subject=subject,
        body=body,
        by=by,
        signatory_name=name,
        signatory_position=position,
        signatory_nip=by.nip,
        ormas=case.ormas,
        addressee=addressee,
        source=case,
    )


def _id_date(day: dt.date) -> str:
    with translation.override("id"):
        return date_format(day, "DATE_FORMAT")


def ministry_for(case: Case) -> tuple[str, str]:
    """Who decides halts and revocations for this Ormas (Pasal 62(2)–(3)): (addressee, short name)."""
    ormas = case.ormas
    if ormas is not None and ormas.legal_form in (Ormas.LegalForm.ASSOCIATION, Ormas.LegalForm.FOUNDATION):
        return "Menteri Hukum Republik Indonesia", "Menkumham"
    return "Menteri Dalam Negeri Republik Indonesia", "Mendagri"


def authority_for(case: Case, step_kind: str) -> StepAuthority | None:
    return StepAuthority.for_office(step_kind, case.office)


def may_take(case: Case, step_kind: str) -> bool:
    authority = authority_for(case, step_kind)
    return authority is not None and authority.power == StepAuthority.Power.TAKE


def _set_ormas_status(case: Case, status: str, *, by: User, reason: str, legal_basis: str) -> None:
    ormas = case.ormas
    if ormas is None:
        return
    ormas = Ormas.objects.select_for_update().get(pk=ormas.pk)
    if ormas.status == status:
        return
    registry_actions.change_ormas_status(
        ormas, status, by=by, reason=f"{case.reference}: {reason}", legal_basis=legal_basis
    )
    case.ormas = ormas


# ---------------------------------------------------------------- opening, members, file contents


def _new_reference() -> str:
    year = timezone.localdate().year
    while True:
        reference = new_reference(year)
        if not Case.objects.filter(reference=reference).exists():
            return reference


@transaction.atomic
def open_case(
    *,
    ormas: Ormas | None = None,
    subject_name: str = "",
    office: Office,
    by: User,
    summary: str,
    source: str,
    complaints: Iterable[Any] = (),
    field_reports: Iterable[Any] = (),
) -> Case:
    """Open a case about an Ormas (or a named unregistered group), handled by `office`.

    Linked field reports get `case` set and their agencies become members of the case (so their authors keep
    seeing their own reports in it). Complaints are linked through Case.complaints; their own status is the
    complaints app's business.
    """
    if by.role not in (Role.OFFICER, Role.LEADER) or not by.in_scope(office.region_id):
        raise PermissionDenied(_("Only a Kesbangpol officer of the handling office may open a case."))
    if ormas is None and not (subject_name or "").strip():
        raise ValidationError(_("Choose the Ormas, or write the name of the group the case is about."))
    if source not in Case.Source.values:
        raise ValidationError(_("Unknown case source “%(source)s”.") % {"source": source})
    summary = _require_text(summary, _("Summarise what the case is about."))
    case = Case.objects.create(
        reference=_new_reference(),
        ormas=ormas,
        subject_name="" if ormas is not None else subject_name.strip(),
        office=office,
        source=source,
        summary=summary,
        opened_by=by,
    )
    complaints = list(complaints)
    if complaints:
        case.complaints.add(*complaints)
    reports = list(field_reports)
    for report in reports:
        type(report).objects.filter(pk=report.pk).update(case=case)
        report.case = case
        if report.agency_id:
            CaseMember.objects.get_or_create(case=case, agency_id=report.agency_id, defaults={"added_by": by})
    _log(
        case,
        "opened",
        by=by,
        source=source,
        office=str(office),
        subject=case.subject,
        complaints=[c.pk for c in complaints],
        field_reports=[r.pk for r in reports],
    )
    _notify(case, "opened")
    return case


@transaction.atomic
def add_member(case: Case, agency: Agency, *, by: User) -> CaseMember:
    """Let a Tim Terpadu agency take part in the case (its members then see the case and their compartment)."""
    _require_handler(by, case)
    _refuse_final(case)
    if agency.kind == Agency.Kind.KESBANGPOL:
        raise ValidationError(_("Kesbangpol handles the case already; add another agency."))
    member, created = CaseMember.objects.get_or_create(case=case, agency=agency, defaults={"added_by": by})
    if not created:
        raise ValidationError(_("%(agency)s already takes part in this case.") % {"agency": agency})
    _log(case, "member_added", by=by, agency=str(agency), agency_id=agency.pk)
    return member


@transaction.atomic
def remove_member(case: Case, agency: Agency, *, by: User) -> None:
    _require_handler(by, case)
    deleted, _rows = CaseMember.objects.filter(case=case, agency=agency).delete()
    if not deleted:
        raise ValidationError(_("%(agency)s does not take part in this case.") % {"agency": agency})
    _log(case, "member_removed", by=by, agency=str(agency), agency_id=agency.pk)


@transaction.atomic
def add_note(case: Case, *, by: User, text: str) -> CaseNote:
    """A note in the author's compartment."""
    _require_participant(by, case)
    _refuse_final(case)
    text = _require_text(text, _("Write the note."))
    note = CaseNote.objects.create(case=case, agency=compartments.compartment_of(by), author=by, text=text)
    _log(case, "note_added", by=by, note=note.pk, compartment=str(note.agency))
    return note


@transaction.atomic
def add_document(
    case: Case, *, by: User, title: str, upload: UploadedFile, step: CaseStep | None = None
) -> CaseDocument:
    """Evidence or a letter scan in the author's compartment, stored privately after its type is sniffed."""
    _require_participant(by, case)
    _refuse_final(case)
    title = _require_text(title, _("Give the document a title."))
    if step is not None and step.case_id != case.pk:
        raise ValidationError(_("That step belongs to another case."))
    sniffed = sniff(upload, DOCUMENT_TYPES, max_mb=MAX_UPLOAD_MB)
    document = CaseDocument(case=case, step=step, agency=compartments.compartment_of(by), author=by, title=title)
    digest = document.store(upload, sniffed)
    document.save()
    _log(case, "document_added", by=by, document=document.pk, title=title, sha256=digest)
    return document


@transaction.atomic
def add_meeting(
    case: Case, *, by: User, held_on: dt.date, attendees: str, minutes: str, place: str = ""
) -> ClarificationMeeting:
    """Record a clarification meeting; its minutes go into the author's compartment."""
    _require_participant(by, case)
    _refuse_final(case)
    meeting = ClarificationMeeting.objects.create(
        case=case,
        agency=compartments.compartment_of(by),
        author=by,
        held_on=held_on,
        place=(place or "").strip(),
        attendees=_require_text(attendees, _("List who attended.")),
        minutes=_require_text(minutes, _("Write the minutes of the meeting.")),
    )
    _log(case, "meeting_recorded", by=by, meeting=meeting.pk, held_on=held_on.isoformat())
    return meeting


@transaction.atomic
def record_mediation(
    case: Case, *, by: User, held_on: dt.date, parties: str, outcome: str, agreement: str = ""
) -> MediationSession:
    """A mediation session in a leadership dispute (only while the case is on the dispute track)."""
    _require_handler(by, case)
    if case.status != S.DISPUTE:
        raise ValidationError(_("Mediation is recorded only for a case on the leadership-dispute track."))
    if outcome not in MediationSession.Outcome.values:
        raise ValidationError(_("Choose the outcome of the mediation."))
    if outcome in (MediationSession.Outcome.AGREED, MediationSession.Outcome.PARTIAL) and not agreement.strip():
        raise ValidationError(_("Write the text of the agreement."))
    session = MediationSession.objects.create(
        case=case,
        agency=compartments.compartment_of(by),
        author=by,
        held_on=held_on,
        parties=_require_text(parties, _("List the parties to the dispute.")),
        outcome=outcome,
        agreement=agreement.strip(),
    )
    _log(case, "mediation_recorded", by=by, session=session.pk, outcome=outcome, held_on=held_on.isoformat())
    return session


@transaction.atomic
def record_response(step: CaseStep, text: str, received_on: dt.date, *, by: User) -> CaseStep:
    """The Ormas's answer to a step (to a warning, a clarification summons, …) and the date it came in."""
    case = step.case
    _require_handler(by, case)
    text = _require_text(text, _("Write the Ormas's response."))
    if received_on > timezone.localdate():
        raise ValidationError(_("The response cannot have been received in the future."))
    if received_on < step.decided_on:
        raise ValidationError(_("The response cannot predate the step it answers."))
    before = [step.response, step.response_on]
    step.response = text
    step.response_on = received_on
    step.save(update_fields=["response", "response_on"])
    record(
        case,
        "case.response_recorded",
        by=by,
        ormas=case.ormas,
        changes={"response": [before[0], text]},
        data={"step": step.pk, "kind": step.kind, "received_on": received_on.isoformat()},
    )
    return step


# ---------------------------------------------------------------- transitions


def _simple_step(case: Case, new: str, kind: str, verb: str, *, by: User, legal_basis: str, decision: str) -> CaseStep:
    _require_handler(by, case)
    _check(case, new)
    decision = _require_text(decision, _("Write the decision and its reason."))
    legal_basis = (legal_basis or "").strip() or LEGAL_BASIS.get(kind, "")
    old = _move(case, new)
    step = _step(case, kind, by=by, legal_basis=legal_basis, decision=decision)
    _log(case, verb, by=by, old=old, step=step.pk, legal_basis=legal_basis)
    _notify(case, "step", str(K(kind).label))
    return step


@transaction.atomic
def start_clarification(case: Case, *, by: User, legal_basis: str = "", decision: str) -> CaseStep:
    """Ask the Ormas for clarification (klarifikasi/telaah with the Tim Terpadu)."""
    kind = K.CLARIFICATION if case.status == S.OPENED else K.REOPENED
    return _simple_step(
        case, S.CLARIFICATION, kind, "clarification_started", by=by, legal_basis=legal_basis, decision=decision
    )


@transaction.atomic
def start_persuasion(case: Case, *, by: User, legal_basis: str = "", decision: str) -> CaseStep:
    """The persuasive effort and guidance (pembinaan) that comes before any sanction."""
    return _simple_step(
        case, S.PERSUASION, K.PERSUASION, "persuasion_started", by=by, legal_basis=legal_basis, decision=decision
    )


@transaction.atomic
def start_dispute(case: Case, *, by: User, legal_basis: str = "", decision: str) -> CaseStep:
    """Handle the case as a leadership dispute (sengketa kepengurusan): mediation first (Pasal 57–58)."""
    return _simple_step(
        case, S.DISPUTE, K.DISPUTE, "dispute_started", by=by, legal_basis=legal_basis, decision=decision
    )


def _warning_text(
    case: Case, findings: str, legal_basis: str, deadline: dt.date, issued_on: dt.date
) -> tuple[str, str]:
    subject = f"Peringatan Tertulis — {case.subject}"
    body = (
        f"Berdasarkan hasil pengawasan dalam kasus nomor {case.reference}, {case.office.name} menemukan hal-hal "
        f"berikut:\n\n{findings}\n\n"
        f"Sesuai {legal_basis}, dengan ini diberikan PERINGATAN TERTULIS kepada {case.subject}. Peringatan tertulis "
        "ini hanya diberikan satu kali. Saudara wajib mematuhi dan memperbaiki hal-hal tersebut dalam waktu "
        f"7 (tujuh) hari kerja terhitung sejak tanggal {_id_date(issued_on)}, yaitu paling lambat "
        f"{_id_date(deadline)}.\n\n"
        "Apabila dalam jangka waktu tersebut peringatan tertulis ini tidak dipatuhi, akan diusulkan sanksi "
        "penghentian kegiatan sesuai ketentuan peraturan perundang-undangan."
    )
    return subject, body


@transaction.atomic
def issue_written_warning(
    case: Case, *, by: User, legal_basis: str, findings: str, issued_on: dt.date | None = None
) -> CaseStep:
    """The single written warning (Pasal 62(1)): a numbered letter and a 7-working-day compliance window."""
    _require_handler(by, case)
    # Lock the case so that two officers cannot both issue "the" warning; keep the caller's object current.
    Case.objects.select_for_update().filter(pk=case.pk).first()
    case.refresh_from_db(fields=["status"])
    if case.steps.filter(kind=K.WRITTEN_WARNING).exists():
        raise ValidationError(_("This case already has its written warning; the law allows only one."))
    _check(case, S.WRITTEN_WARNING)
    findings = _require_text(findings, _("Write the findings the warning is about."))
    legal_basis = _require_text(legal_basis, _("Give the legal basis (pasal) of the warning."))
    authority = authority_for(case, K.WRITTEN_WARNING)
    if authority is not None and authority.power != StepAuthority.Power.TAKE:
        raise PermissionDenied(_("This office may not issue a written warning itself (see step authorities)."))
    issued_on = issued_on or timezone.localdate()
    period = _period_rule(WARNING_PERIOD)
    deadline = deadline_for(WARNING_PERIOD, issued_on, region_code=case.office.region_id)
    subject, body = _warning_text(case, findings, legal_basis, deadline, issued_on)
    letter = issue_letter(
        office=case.office,
        kind="written-warning",
        title="Surat Peringatan Tertulis",
        subject=subject,
        body=body,
        by=by,
        signatory_name=_signatory(by, case.office)[0],
        signatory_position=_signatory(by, case.office)[1],
        signatory_nip=by.nip,
        ormas=case.ormas,
        addressee=f"Pimpinan {case.subject}",
        issued_on=issued_on,
        source=case,
    )
    old = _move(case, S.WRITTEN_WARNING)
    step = _step(
        case,
        K.WRITTEN_WARNING,
        by=by,
        legal_basis=legal_basis,
        decision=findings,
        decided_on=issued_on,
        letter=letter,
        deadline=deadline,
        rules={"period": period, "authority": authority.as_rule() if authority else None},
    )
    _log(case, "warning_issued", by=by, old=old, step=step.pk, letter=letter.number, deadline=deadline.isoformat())
    _notify(case, "step", str(K.WRITTEN_WARNING.label))
    return step


@transaction.atomic
def record_compliance(
    case: Case, complied: bool, *, by: User, note: str, legal_basis: str = "", checked_on: dt.date | None = None
) -> CaseStep:
    """After the warning: the Ormas complied (→ complied, then close) or did not (→ not complied, next step)."""
    _require_handler(by, case)
    note = _require_text(note, _("Write what was checked and found."))
    new, kind, verb = (
        (S.COMPLIED, K.COMPLIED, "complied") if complied else (S.NOT_COMPLIED, K.NOT_COMPLIED, "not_complied")
    )
    _check(case, new)
    warning = case.steps.filter(kind=K.WRITTEN_WARNING).first()
    today = checked_on or timezone.localdate()
    if not complied and warning is not None and warning.deadline and today <= warning.deadline:
        raise ValidationError(
            _("The compliance window is open until %(date)s; non-compliance can be recorded only after it.")
            % {"date": date_format(warning.deadline, "DATE_FORMAT")}
        )
    basis = (legal_basis or "").strip() or (warning.legal_basis if warning else LEGAL_BASIS[K.WRITTEN_WARNING])
    old = _move(case, new)
    step = _step(case, kind, by=by, legal_basis=basis, decision=note, decided_on=today)
    _log(case, verb, by=by, old=old, step=step.pk)
    _notify(case, "step", str(K(kind).label))
    return step


def _sanction_letter_text(case: Case, what: str, reason: str, legal_basis: str) -> str:
    warning = case.steps.filter(kind=K.WRITTEN_WARNING).select_related("letter").first()
    history = ""
    if warning is not None and warning.letter is not None:
        history = (
            f"Kepada {case.subject} telah diberikan Peringatan Tertulis nomor {warning.letter.number} tanggal "
            f"{_id_date(warning.decided_on)} dengan jangka waktu 7 (tujuh) hari kerja sampai dengan "
            f"{_id_date(warning.deadline or warning.decided_on)}, dan peringatan tersebut tidak dipatuhi.\n\n"
        )
    return (
        f"Sehubungan dengan kasus pengawasan nomor {case.reference} mengenai {case.subject}:\n\n{history}"
        f"{reason}\n\nBerdasarkan {legal_basis}, {what}"
    )


def propose_next_step(case: Case, *, today: dt.date | None = None) -> dict[str, Any] | None:
    """What comes next when the warning's window has passed without compliance: the step kind, whether the
    office takes it or recommends it (StepAuthority), to whom, and the letter drafted. None when nothing is due.

    The officer confirms with take_step() (the office halts activities itself) or recommend_step() (the
    recommendation letter to the ministry)."""
    today = today or timezone.localdate()
    warning = case.steps.filter(kind=K.WRITTEN_WARNING).first()
    if case.status == S.WRITTEN_WARNING:
        if warning is None or warning.deadline is None or today <= warning.deadline:
            return None
        due = True
    elif case.status in (S.NOT_COMPLIED, S.HALTED):
        due = True
    else:
        return None
    addressee, ministry = ministry_for(case)
    if case.status == S.HALTED:
        kind = K.REVOCATION_RECOMMENDED
        authority = authority_for(case, K.REVOCATION)
        what = (
            f"dengan ini kami merekomendasikan kepada {addressee} untuk mencabut "
            + ("status badan hukum" if ministry == "Menkumham" else "Surat Keterangan Terdaftar (SKT)")
            + f" {case.subject}."
        )
        basis = LEGAL_BASIS[K.REVOCATION_RECOMMENDED]
    else:
        authority = authority_for(case, K.HALT)
        take = authority is not None and authority.power == StepAuthority.Power.TAKE
        kind = K.HALT if take else K.HALT_RECOMMENDED
        what = (
            f"dengan ini dihentikan sementara seluruh kegiatan {case.subject} di wilayah {case.office.region}."
            if take
            else f"dengan ini kami mengusulkan kepada {addressee} untuk menjatuhkan sanksi penghentian kegiatan "
            f"terhadap {case.subject}."
        )
        basis = LEGAL_BASIS[K.HALT]
    reason = "Sampai dengan batas waktu tersebut, tidak terdapat perbaikan yang memadai."
    return {
        "kind": kind,
        "kind_label": str(K(kind).label),
        "overdue": due,
        "needs_compliance_record": case.status == S.WRITTEN_WARNING,
        "office_may_take": authority is not None and authority.power == StepAuthority.Power.TAKE,
        "authority": authority,
        "addressee": addressee if kind != K.HALT else f"Pimpinan {case.subject}",
        "ministry": ministry,
        "legal_basis": basis,
        "letter_subject": f"{K(kind).label} — {case.subject}",
        "letter_body": _sanction_letter_text(case, what, reason, basis),
    }


@transaction.atomic
def halt_activities(case: Case, *, by: User, legal_basis: str, reason: str, letter_body: str = "") -> CaseStep:
    """The office halts the Ormas's activities itself — only where StepAuthority says it may (otherwise
    recommend_halt). Registry: dibekukan."""
    _require_handler(by, case)
    _check(case, S.HALTED)
    if case.status != S.NOT_COMPLIED:
        raise ValidationError(_("A halt decided by the ministry is recorded as the ministry's decision on this case."))
    authority = authority_for(case, K.HALT)
    if authority is None or authority.power != StepAuthority.Power.TAKE:
        raise PermissionDenied(
            _("This office may only recommend a halt of activities to the ministry (see step authorities).")
        )
    legal_basis = _require_text(legal_basis, _("Give the legal basis (pasal)."))
    reason = _require_text(reason, _("Give the reason."))
    body = (letter_body or "").strip() or _sanction_letter_text(
        case, f"dengan ini dihentikan sementara seluruh kegiatan {case.subject}.", reason, legal_basis
    )
    letter = _letter(
        case,
        kind="halt-of-activities",
        title="Keputusan Penghentian Sementara Kegiatan",
        subject=f"Penghentian Kegiatan — {case.subject}",
        body=body,
        by=by,
        addressee=f"Pimpinan {case.subject}",
    )
    old = _move(case, S.HALTED)
    step = _step(
        case,
        K.HALT,
        by=by,
        legal_basis=legal_basis,
        decision=reason,
        letter=letter,
        rules={"authority": authority.as_rule()},
    )
    _set_ormas_status(case, Ormas.Status.FROZEN, by=by, reason=reason, legal_basis=legal_basis)
    _log(case, "halted", by=by, old=old, step=step.pk, letter=letter.number, legal_basis=legal_basis)
    _notify(case, "step", str(K.HALT.label))
    return step


@transaction.atomic
def recommend_halt(case: Case, *, by: User, legal_basis: str, reason: str, letter_body: str = "") -> CaseStep:
    """Recommend a halt of activities to the Mendagri (no legal entity) or the Menkumham (legal entity)."""
    _require_handler(by, case)
    _check(case, S.HALT_PROPOSED)
    legal_basis = _require_text(legal_basis, _("Give the legal basis (pasal)."))
    reason = _require_text(reason, _("Give the reason."))
    addressee, ministry = ministry_for(case)
    authority = authority_for(case, K.HALT)
    body = (letter_body or "").strip() or _sanction_letter_text(
        case,
        f"dengan ini kami mengusulkan kepada {addressee} untuk menjatuhkan sanksi penghentian kegiatan terhadap "
        f"{case.subject}.",
        reason,
        legal_basis,
    )
    letter = _letter(
        case,
        kind="halt-recommendation",
        title="Usulan Penghentian Kegiatan",
        subject=f"Usulan Penghentian Kegiatan — {case.subject}",
        body=body,
        by=by,
        addressee=addressee,
    )
    old = _move(case, S.HALT_PROPOSED)
    step = _step(
        case,
        K.HALT_RECOMMENDED,
        by=by,
        legal_basis=legal_basis,
        decision=reason,
        letter=letter,
        rules={"authority": authority.as_rule() if authority else None, "ministry": ministry},
    )
    _log(case, "halt_recommended", by=by, old=old, step=step.pk, letter=letter.number, ministry=ministry)
    _notify(case, "step", str(K.HALT_RECOMMENDED.label))
    return step


@transaction.atomic
def recommend_revocation(
    case: Case, *, by: User, legal_basis: str, reason: str, direct: bool = False, letter_body: str = ""
) -> CaseStep:
    """Recommend revoking the SKT (to the Mendagri) or the legal status (to the Menkumham).

    After a halt this is the next rung; from opened/clarification it is the direct path for Pasal 60(2) breaches
    (Pasal 61(3)), which must be asked for explicitly (direct=True) and cite Pasal 60(2)."""
    _require_handler(by, case)
    _check(case, S.REVOCATION_RECOMMENDED)
    if case.ormas is None:
        raise ValidationError(_("Only a registered Ormas has a registration or legal status to revoke."))
    legal_basis = _require_text(legal_basis, _("Give the legal basis (pasal)."))
    reason = _require_text(reason, _("Give the reason."))
    is_direct = case.status in (S.OPENED, S.CLARIFICATION)
    if is_direct and not direct:
        raise ValidationError(
            _("Revocation before a warning and a halt is only for Pasal 60(2) breaches; confirm the direct path.")
        )
    if is_direct and "60(2)" not in legal_basis.replace(" ", ""):
        raise ValidationError(_("The direct path needs Pasal 60(2) in the legal basis."))
    addressee, ministry = ministry_for(case)
    thing = "status badan hukum" if ministry == "Menkumham" else "Surat Keterangan Terdaftar (SKT)"
    body = (letter_body or "").strip() or _sanction_letter_text(
        case,
        f"dengan ini kami merekomendasikan kepada {addressee} untuk mencabut {thing} {case.subject}.",
        reason,
        legal_basis,
    )
    letter = _letter(
        case,
        kind="revocation-recommendation",
        title="Rekomendasi Pencabutan",
        subject=f"Rekomendasi Pencabutan {thing} — {case.subject}",
        body=body,
        by=by,
        addressee=addressee,
    )
    authority = authority_for(case, K.REVOCATION)
    old = _move(case, S.REVOCATION_RECOMMENDED)
    step = _step(
        case,
        K.REVOCATION_RECOMMENDED,
        by=by,
        legal_basis=legal_basis,
        decision=reason,
        letter=letter,
        rules={"authority": authority.as_rule() if authority else None, "ministry": ministry, "direct": is_direct},
    )
    _log(case, "revocation_recommended", by=by, old=old, step=step.pk, letter=letter.number, direct=is_direct)
    _notify(case, "step", str(K.REVOCATION_RECOMMENDED.label))
    return step


@transaction.atomic
def record_decision(
    case: Case,
    *,
    by: User,
    outcome: str,
    decree_number: str,
    decree_date: dt.date,
    legal_basis: str = "",
    note: str = "",
) -> CaseStep:
    """The ministry's decision arrives (SK number and date): "halted", "revoked" (SKT) or "dissolved" (legal
    status, Pasal 80A). The registry follows in the same transaction: dibekukan, dicabut or bubar."""
    _require_handler(by, case)
    decree_number = _require_text(decree_number, _("Give the number of the decree (SK)."))
    if decree_date > timezone.localdate():
        raise ValidationError(_("The decree cannot be dated in the future."))
    legal_form = case.ormas.legal_form if case.ormas else None
    is_entity = legal_form in (Ormas.LegalForm.ASSOCIATION, Ormas.LegalForm.FOUNDATION)
    if outcome == "halted":
        new, kind, status = S.HALTED, K.HALT, Ormas.Status.FROZEN
        if case.status != S.HALT_PROPOSED:
            raise InvalidTransition(_("A halt decision answers a halt recommendation."))
    elif outcome in ("revoked", "dissolved"):
        if case.status != S.REVOCATION_RECOMMENDED:
            raise InvalidTransition(_("A revocation decision answers a revocation recommendation."))
        if outcome == "dissolved" and not is_entity:
            raise ValidationError(_("Only an Ormas with legal-entity status is dissolved; its SKT is revoked."))
        if outcome == "revoked" and is_entity:
            raise ValidationError(_("Revoking a legal entity's status dissolves it (Pasal 80A): record “dissolved”."))
        new = S.DECIDED
        kind = K.DISSOLUTION if outcome == "dissolved" else K.REVOCATION
        status = Ormas.Status.DISSOLVED if outcome == "dissolved" else Ormas.Status.REVOKED
    else:
        raise ValidationError(_("Unknown decision “%(outcome)s”.") % {"outcome": outcome})
    _check(case, new)
    legal_basis = (legal_basis or "").strip() or LEGAL_BASIS[kind]
    reason = f"SK {decree_number} ({decree_date.isoformat()})"
    old = _move(case, new)
    step = _step(
        case,
        kind,
        by=by,
        legal_basis=legal_basis,
        decision=(note or "").strip() or reason,
        decided_on=decree_date,
        decree_number=decree_number,
        decree_date=decree_date,
        rules={"decided_by": ministry_for(case)[1]},
    )
    _set_ormas_status(case, status, by=by, reason=reason, legal_basis=legal_basis)
    _log(case, "decision_recorded", by=by, old=old, step=step.pk, outcome=outcome, decree=decree_number)
    _notify(case, "step", str(K(kind).label))
    return step


@transaction.atomic
def lift_sanction(case: Case, *, by: User, reason: str, legal_basis: str, lifted_on: dt.date | None = None) -> CaseStep:
    """End a halt or a revocation (compliance restored, decision annulled): the Ormas is aktif again and the case
    closes. A dissolution is final (Ormas.TRANSITIONS) and cannot be lifted here."""
    _require_handler(by, case)
    reason = _require_text(reason, _("Give the reason the sanction is lifted."))
    legal_basis = _require_text(legal_basis, _("Give the legal basis of the lifting."))
    _check(case, S.CLOSED)
    sanctions = list(case.steps.filter(kind__in=list(CaseStep.SANCTIONS), lifted_on__isnull=True))
    if not sanctions:
        raise ValidationError(_("No sanction of this case is in force."))
    if any(step.kind == K.DISSOLUTION for step in sanctions):
        raise ValidationError(_("A dissolved Ormas cannot be restored."))
    lifted_on = lifted_on or timezone.localdate()
    CaseStep.objects.filter(pk__in=[s.pk for s in sanctions]).update(lifted_on=lifted_on)
    _set_ormas_status(case, Ormas.Status.ACTIVE, by=by, reason=reason, legal_basis=legal_basis)
    old = _move(case, S.CLOSED)
    step = _step(case, K.LIFTED, by=by, legal_basis=legal_basis, decision=reason, decided_on=lifted_on)
    _log(case, "sanction_lifted", by=by, old=old, step=step.pk, lifted=[s.pk for s in sanctions])
    _notify(case, "step", str(K.LIFTED.label))
    return step


@transaction.atomic
def refer_case(
    case: Case,
    *,
    by: User,
    reason: str,
    legal_basis: str = "",
    addressee: str = "Kepala Kepolisian Daerah Kalimantan Tengah",
) -> CaseStep:
    """Refer a suspected crime to law enforcement (aparat penegak hukum) with a referral letter."""
    _require_handler(by, case)
    _check(case, S.REFERRED)
    reason = _require_text(reason, _("Describe what is referred and why."))
    legal_basis = (legal_basis or "").strip() or LEGAL_BASIS[K.REFERRAL]
    addressee = _require_text(addressee, _("Say to whom the case is referred."))
    body = (
        f"Sehubungan dengan kasus pengawasan nomor {case.reference} mengenai {case.subject}, terdapat dugaan tindak "
        f"pidana sebagai berikut:\n\n{reason}\n\nBerdasarkan {legal_basis}, dengan ini kami menyampaikan hal tersebut "
        "untuk ditindaklanjuti sesuai kewenangan."
    )
    letter = _letter(
        case,
        kind="referral-letter",
        title="Surat Penerusan kepada Aparat Penegak Hukum",
        subject=f"Penerusan Dugaan Tindak Pidana — {case.subject}",
        body=body,
        by=by,
        addressee=addressee,
    )
    old = _move(case, S.REFERRED)
    step = _step(case, K.REFERRAL, by=by, legal_basis=legal_basis, decision=reason, letter=letter)
    _log(case, "referred", by=by, old=old, step=step.pk, letter=letter.number, addressee=addressee)
    _notify(case, "step", str(K.REFERRAL.label))
    return step


@transaction.atomic
def close_case(case: Case, *, by: User, reason: str, legal_basis: str = "") -> CaseStep:
    """Close the case (nothing further to do, the Ormas complied, mediation succeeded, …)."""
    if case.status == S.HALTED:
        raise ValidationError(
            _("Activities are halted: lift the halt (which closes the case) or recommend revocation.")
        )
    return _simple_step(case, S.CLOSED, K.CLOSED, "closed", by=by, legal_basis=legal_basis, decision=reason)


@transaction.atomic
def withdraw_case(case: Case, *, by: User, reason: str) -> CaseStep:
    """Withdraw a case opened in error or whose complaint was unfounded."""
    return _simple_step(case, S.WITHDRAWN, K.WITHDRAWN, "withdrawn", by=by, legal_basis="", decision=reason)


def take_step(case: Case, *, by: User, legal_basis: str, reason: str, letter_body: str = "") -> CaseStep:
    """Confirm the proposed next step when the office takes it itself (a halt of activities)."""
    proposal = propose_next_step(case)
    if proposal is None or proposal["kind"] != K.HALT:
        raise ValidationError(_("There is no step this office may take itself now; recommend it instead."))
    return halt_activities(case, by=by, legal_basis=legal_basis, reason=reason, letter_body=letter_body)


def recommend_step(case: Case, *, by: User, legal_basis: str, reason: str, letter_body: str = "") -> CaseStep:
    """Confirm the proposed next step as a recommendation to the ministry (halt or revocation)."""
    if case.status == S.HALTED:
        return recommend_revocation(case, by=by, legal_basis=legal_basis, reason=reason, letter_body=letter_body)
    if case.status in (S.NOT_COMPLIED,):
        return recommend_halt(case, by=by, legal_basis=legal_basis, reason=reason, letter_body=letter_body)
    raise ValidationError(_("Nothing is due for a recommendation now."))


# Which action performs which move. The tests walk TRANSITIONS against this table.
ACTION_FOR: dict[tuple[str, str], Callable[..., Any]] = {
    (S.OPENED, S.CLARIFICATION): start_clarification,
    (S.OPENED, S.PERSUASION): start_persuasion,
    (S.OPENED, S.REVOCATION_RECOMMENDED): recommend_revocation,
    (S.OPENED, S.REFERRED): refer_case,
    (S.OPENED, S.DISPUTE): start_dispute,
    (S.OPENED, S.CLOSED): close_case,
    (S.OPENED, S.WITHDRAWN): withdraw_case,
    (S.CLARIFICATION, S.PERSUASION): start_persuasion,
    (S.CLARIFICATION, S.REVOCATION_RECOMMENDED): recommend_revocation,
    (S.CLARIFICATION, S.REFERRED): refer_case,
    (S.CLARIFICATION, S.DISPUTE): start_dispute,
    (S.CLARIFICATION, S.CLOSED): close_case,
    (S.CLARIFICATION, S.WITHDRAWN): withdraw_case,
    (S.PERSUASION, S.WRITTEN_WARNING): issue_written_warning,
    (S.PERSUASION, S.REFERRED): refer_case,
    (S.PERSUASION, S.CLOSED): close_case,
    (S.WRITTEN_WARNING, S.COMPLIED): record_compliance,
    (S.WRITTEN_WARNING, S.NOT_COMPLIED): record_compliance,
    (S.COMPLIED, S.CLOSED): close_case,
    (S.NOT_COMPLIED, S.HALT_PROPOSED): recommend_halt,
    (S.NOT_COMPLIED, S.HALTED): halt_activities,
    (S.HALT_PROPOSED, S.HALTED): record_decision,
    (S.HALT_PROPOSED, S.CLOSED): close_case,
    (S.HALTED, S.REVOCATION_RECOMMENDED): recommend_revocation,
    (S.HALTED, S.CLOSED): lift_sanction,
    (S.REVOCATION_RECOMMENDED, S.DECIDED): record_decision,
    (S.REVOCATION_RECOMMENDED, S.CLOSED): close_case,
    (S.DECIDED, S.CLOSED): lift_sanction,
    (S.REFERRED, S.CLARIFICATION): start_clarification,
    (S.REFERRED, S.CLOSED): close_case,
    (S.DISPUTE, S.CLARIFICATION): start_clarification,
    (S.DISPUTE, S.CLOSED): close_case,
    (S.DISPUTE, S.WITHDRAWN): withdraw_case,
}
