"""The case file: members (agencies), notes, documents, clarification meetings and mediation sessions. Each is
written in its author's agency compartment (supervision/compartments.py) and audited about the item itself."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import Agency, User
from supervision import compartments, rules
from supervision.journal import _log, _require_text
from supervision.models import (
    Case,
    CaseDocument,
    CaseMember,
    CaseNote,
    CaseStep,
    ClarificationMeeting,
    MediationSession,
)
from wadah.lib.files import DOCUMENT_TYPES, sniff

MAX_UPLOAD_MB = 10
S = Case.Status


@transaction.atomic
def add_member(case: Case, agency: Agency, *, by: User) -> CaseMember:
    """Let a Tim Terpadu agency take part in the case (its members then see the case and their compartment)."""
    rules.require_handler(by, case)
    rules.refuse_final(case)
    if agency.kind == Agency.Kind.KESBANGPOL:
        raise ValidationError(_("Kesbangpol handles the case already; add another agency."))
    member, created = CaseMember.objects.get_or_create(case=case, agency=agency, defaults={"added_by": by})
    if not created:
        raise ValidationError(_("%(agency)s already takes part in this case.") % {"agency": agency})
    _log(case, "case.member_added", by=by, agency=str(agency), agency_id=agency.pk)
    return member


@transaction.atomic
def remove_member(case: Case, agency: Agency, *, by: User) -> None:
    rules.require_handler(by, case)
    deleted, _rows = CaseMember.objects.filter(case=case, agency=agency).delete()
    if not deleted:
        raise ValidationError(_("%(agency)s does not take part in this case.") % {"agency": agency})
    _log(case, "case.member_removed", by=by, agency=str(agency), agency_id=agency.pk)


@transaction.atomic
def add_note(case: Case, *, by: User, text: str) -> CaseNote:
    """A note in the author's compartment."""
    rules.require_participant(by, case)
    rules.refuse_final(case)
    text = _require_text(text, _("Write the note."))
    note = CaseNote.objects.create(case=case, agency=compartments.compartment_of(by), author=by, text=text)
    _log(case, "case.note_added", by=by, note=note.pk, compartment=str(note.agency))
    return note


@transaction.atomic
def add_document(
    case: Case, *, by: User, title: str, upload: UploadedFile, step: CaseStep | None = None
) -> CaseDocument:
    """Evidence or a letter scan in the author's compartment, stored privately after its type is sniffed."""
    rules.require_participant(by, case)
    rules.refuse_final(case)
    title = _require_text(title, _("Give the document a title."))
    if step is not None and step.case_id != case.pk:
        raise ValidationError(_("That step belongs to another case."))
    sniffed = sniff(upload, DOCUMENT_TYPES, max_mb=MAX_UPLOAD_MB)
    document = CaseDocument(case=case, step=step, agency=compartments.compartment_of(by), author=by, title=title)
    digest = document.store(upload, sniffed)
    document.save()
    _log(case, "case.document_added", by=by, document=document.pk, title=title, sha256=digest)
    return document


@transaction.atomic
def add_meeting(
    case: Case, *, by: User, held_on: dt.date, attendees: str, minutes: str, place: str = ""
) -> ClarificationMeeting:
    """Record a clarification meeting; its minutes go into the author's compartment."""
    rules.require_participant(by, case)
    rules.refuse_final(case)
    meeting = ClarificationMeeting.objects.create(
        case=case,
        agency=compartments.compartment_of(by),
        author=by,
        held_on=held_on,
        place=(place or "").strip(),
        attendees=_require_text(attendees, _("List who attended.")),
        minutes=_require_text(minutes, _("Write the minutes of the meeting.")),
    )
    _log(case, "case.meeting_recorded", by=by, meeting=meeting.pk, held_on=held_on.isoformat())
    return meeting


@transaction.atomic
def record_mediation(
    case: Case, *, by: User, held_on: dt.date, parties: str, outcome: str, agreement: str = ""
) -> MediationSession:
    """A mediation session in a leadership dispute (only while the case is on the dispute track)."""
    rules.require_handler(by, case)
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
    _log(case, "case.mediation_recorded", by=by, session=session.pk, outcome=outcome, held_on=held_on.isoformat())
    return session
