"""Every change to a complaint: submission (public or officer intake) and one action per move of
Complaint.TRANSITIONS. Each runs in a transaction, refuses moves the table does not list, and writes one audit
entry (the code in full at each call, "complaint.received", …)."""

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Office, Role, User
from audit.log import record
from complaints.models import Complaint, ComplaintAttachment, hash_code, new_tracking_code
from letters.actions import issue_letter
from letters.bodies import render_body
from regions.models import Region
from registry.models import Ormas
from supervision.actions import open_case
from wadah.lib.files import DOCUMENT_TYPES, SniffedType, sniff
from wadah.lib.workflow import check_move
from workdays.engine import deadline_for

S = Complaint.Status
# Photos and PDFs: what a phone produces and what a scanned letter is.
ATTACHMENT_TYPES = {k: v for k, v in DOCUMENT_TYPES.items() if k in ("pdf", "jpg", "png", "webp")}
TRIAGE_PERIOD = "complaint-triage"


def handling_office(region: Region) -> Office:
    """The office that handles a complaint: the kab/kota office of the incident's region, else the province's."""
    return Office.for_region(region.code)


def check_attachment(upload: UploadedFile) -> SniffedType:
    return sniff(upload, ATTACHMENT_TYPES, max_mb=settings.WADAH_MAX_DOCUMENT_MB)


def is_handling_officer(user: Any, complaint: Complaint) -> bool:
    """Kesbangpol staff (officer or Pimpinan) whose scope covers the handling office: they see the complainant."""
    return (
        getattr(user, "role", None) in (Role.OFFICER, Role.LEADER)
        and getattr(user, "office_id", None) is not None
        and user.in_scope(complaint.office.region_id)
    )


def _require_handler(user: User, complaint: Complaint) -> None:
    if not is_handling_officer(user, complaint):
        raise PermissionDenied(_("Only an officer of the handling office may do this."))


def _move(complaint: Complaint, new: str) -> str:
    check_move(complaint, new, _("A complaint with status “%(old)s” cannot become “%(new)s”."))
    old = complaint.status
    complaint.status = new
    return old


def _log(complaint: Complaint, action: str, *, by: User | None, old: str | None = None, **data: Any) -> None:
    changes = {"status": [old, complaint.status]} if old is not None and old != complaint.status else None
    record(complaint, action, by=by, ormas=complaint.ormas, changes=changes, data=data, about=complaint)


@transaction.atomic
def submit_complaint(
    *,
    description: str,
    region: Region,
    incident_date: dt.date,
    channel: str = Complaint.Channel.WEB,
    ormas: Ormas | None = None,
    ormas_text: str = "",
    place: str = "",
    incident_time: dt.time | None = None,
    complainant_name: str = "",
    complainant_phone: str = "",
    complainant_email: str = "",
    lapor_reference: str = "",
    attachments: Sequence[UploadedFile] = (),
    ip_hash: str = "",
    by: User | None = None,
) -> tuple[Complaint, str]:
    """Record a complaint and its attachments; returns (complaint, tracking code). The code is not stored."""
    if not description.strip():
        raise ValidationError(_("Describe what happened."))
    if ormas is None and not ormas_text.strip():
        raise ValidationError(_("Choose the Ormas from the list or describe it."))
    if incident_date > timezone.localdate():
        raise ValidationError(_("The date of the incident cannot be in the future."))
    if len(attachments) > ComplaintAttachment.MAX_FILES:
        raise ValidationError(_("Attach at most %(n)d files.") % {"n": ComplaintAttachment.MAX_FILES})
    if channel == Complaint.Channel.LAPOR and not lapor_reference.strip():
        raise ValidationError(_("Enter the LAPOR! reference number."))
    if channel != Complaint.Channel.WEB and (by is None or by.role not in (Role.OFFICER, Role.LEADER)):
        raise PermissionDenied(_("Only a Kesbangpol officer may take in a complaint."))
    checked = [(upload, check_attachment(upload)) for upload in attachments]  # refuse before anything is written
    office = handling_office(region)
    if by is not None and not by.in_scope(region.code):
        raise PermissionDenied(_("This place is outside your office's region."))
    code = new_tracking_code()
    while Complaint.objects.filter(code_hash=hash_code(code)).exists():  # pragma: no cover - 2**-100
        code = new_tracking_code()
    complaint = Complaint.objects.create(
        code_hash=hash_code(code),
        code_prefix=code[:4],
        channel=channel,
        lapor_reference=lapor_reference.strip() if channel == Complaint.Channel.LAPOR else "",
        ormas=ormas,
        ormas_text="" if ormas else ormas_text.strip(),
        description=description.strip(),
        region=region,
        place=place.strip(),
        incident_date=incident_date,
        incident_time=incident_time,
        complainant_name=complainant_name.strip(),
        complainant_phone=complainant_phone.strip(),
        complainant_email=complainant_email.strip(),
        office=office,
        created_by=by,
        ip_hash=ip_hash,
        triage_due_on=deadline_for(TRIAGE_PERIOD, timezone.localdate(), region_code=region.code),
    )
    for upload, sniffed in checked:
        attachment = ComplaintAttachment(complaint=complaint)
        attachment.store(upload, sniffed)
        attachment.save()
    # The complainant's identity stays out of the audit trail; only whether they left contact details.
    facts: dict[str, Any] = {"channel": channel, "attachments": len(checked), "anonymous": complaint.is_anonymous}
    if channel == Complaint.Channel.WEB:
        _log(complaint, "complaint.received", by=by, **facts, region=region.code)
    else:
        _log(complaint, "complaint.taken_in", by=by, **facts, region=region.code)
    return complaint, code


@transaction.atomic
def start_triage(complaint: Complaint, *, by: User) -> Complaint:
    _require_handler(by, complaint)
    old = _move(complaint, S.IN_TRIAGE)
    complaint.handled_by = by
    complaint.triage_started_at = timezone.now()
    if not complaint.public_progress:
        complaint.public_progress = _("An officer is assessing your complaint.")
    complaint.save()
    _log(complaint, "complaint.triage_started", by=by, old=old)
    return complaint


@transaction.atomic
def group_complaint(complaint: Complaint, into: Complaint, *, by: User) -> Complaint:
    """Mark complaint as a duplicate of `into` (an earlier complaint about the same Ormas and incident)."""
    _require_handler(by, complaint)
    if into.pk == complaint.pk:
        raise ValidationError(_("A complaint cannot be a duplicate of itself."))
    target = into.group or into
    if target.pk == complaint.pk or target.group_id is not None:
        raise ValidationError(_("Choose the first complaint of the group."))
    if target.office_id != complaint.office_id:
        raise ValidationError(_("Only complaints handled by the same office can be grouped."))
    old = _move(complaint, S.GROUPED)
    complaint.group = target
    complaint.handled_by = complaint.handled_by or by
    complaint.decided_at = timezone.now()
    complaint.public_progress = _(
        "Your complaint concerns the same events as another complaint; both are handled together."
    )
    complaint.save()
    # Complaints already grouped under this one follow it to the new head.
    Complaint.objects.filter(group=complaint).update(group=target)
    _log(complaint, "complaint.grouped", by=by, old=old, into=target.pk, into_reference=target.reference)
    return complaint


@transaction.atomic
def refer_to_police(complaint: Complaint, *, by: User, police_unit: str, summary: str) -> Complaint:
    """A suspected crime: the office writes a referral letter to the police unit and records it on the complaint."""
    _require_handler(by, complaint)
    if not police_unit.strip() or not summary.strip():
        raise ValidationError(_("Name the police unit and summarise the matter."))
    old = _move(complaint, S.REFERRED_TO_POLICE)
    body = render_body(
        "police-referral",
        {
            "complaint": complaint,
            "received_on": timezone.localtime(complaint.created_at).date(),
            "summary": summary.strip(),
        },
    )
    letter = issue_letter(
        office=complaint.office,
        kind="police-referral",
        title="Surat Pengantar",
        subject="Penerusan pengaduan masyarakat",
        body=body,
        by=by,
        signatory_name=by.get_full_name() or by.username,
        signatory_position=f"Kepala {complaint.office.name}",
        signatory_nip=by.nip,
        ormas=complaint.ormas,
        addressee=police_unit.strip(),
        source=complaint,
    )
    complaint.police_unit = police_unit.strip()
    complaint.referral_letter = letter
    complaint.decision_note = summary.strip()
    complaint.handled_by = complaint.handled_by or by
    complaint.decided_at = timezone.now()
    complaint.public_progress = _("Your complaint has been passed on to the police, who handle suspected crimes.")
    complaint.save()
    _log(
        complaint,
        "complaint.referred_to_police",
        by=by,
        old=old,
        police_unit=complaint.police_unit,
        letter=letter.number,
    )
    return complaint


@transaction.atomic
def open_case_from_complaint(complaint: Complaint, *, by: User, summary: str) -> Any:
    """An administrative matter: open a supervision case (supervision.actions.open_case) for the Ormas."""
    _require_handler(by, complaint)
    if not summary.strip():
        raise ValidationError(_("Summarise why a case is opened."))
    old = _move(complaint, S.CASE_OPENED)
    case = open_case(
        ormas=complaint.ormas,
        # An unregistered group is named as the complainant described it.
        subject_name=complaint.ormas.name if complaint.ormas else complaint.ormas_text[:200],
        office=complaint.office,
        by=by,
        summary=summary.strip(),
        source="complaint",
        complaints=[complaint],
    )
    complaint.decision_note = summary.strip()
    complaint.handled_by = complaint.handled_by or by
    complaint.decided_at = timezone.now()
    complaint.public_progress = _("Kesbangpol has opened a supervision case on the matter you reported.")
    complaint.save()
    _log(complaint, "complaint.case_opened", by=by, old=old, case=getattr(case, "reference", None))
    return case


@transaction.atomic
def mark_not_actionable(complaint: Complaint, *, by: User, reason: str) -> Complaint:
    _require_handler(by, complaint)
    if not reason.strip():
        raise ValidationError(_("Give the reason."))
    old = _move(complaint, S.NOT_ACTIONABLE)
    complaint.decision_note = reason.strip()
    complaint.handled_by = complaint.handled_by or by
    complaint.decided_at = timezone.now()
    if not complaint.public_progress or complaint.public_progress == _("An officer is assessing your complaint."):
        complaint.public_progress = _("The complaint was assessed and no action by Kesbangpol is possible.")
    complaint.save()
    _log(complaint, "complaint.marked_not_actionable", by=by, old=old, reason=reason.strip())
    return complaint


@transaction.atomic
def close_complaint(complaint: Complaint, *, by: User, note: str = "") -> Complaint:
    _require_handler(by, complaint)
    old = _move(complaint, S.CLOSED)
    complaint.closed_at = timezone.now()
    if note.strip():
        complaint.internal_note = "\n\n".join(filter(None, [complaint.internal_note, note.strip()]))
    complaint.save()
    _log(complaint, "complaint.closed", by=by, old=old)
    return complaint


@transaction.atomic
def update_progress(complaint: Complaint, *, by: User, public_progress: str, internal_note: str) -> Complaint:
    """The text the complainant reads on the status page, and the officers' own note."""
    _require_handler(by, complaint)
    before = {"public_progress": complaint.public_progress, "internal_note": complaint.internal_note}
    complaint.public_progress = public_progress.strip()
    complaint.internal_note = internal_note.strip()
    complaint.save(update_fields=["public_progress", "internal_note", "updated_at"])
    changed = [k for k, v in before.items() if v != getattr(complaint, k)]
    if changed:
        record(
            complaint,
            "complaint.progress_updated",
            by=by,
            ormas=complaint.ormas,
            data={"fields": changed},
            about=complaint,
        )
    return complaint
