"""Follow-through: decisions against their agenda item, action items with owner agency and due date (the
deadline engine), progress, closing with evidence, the matters arising of the next meeting, and a case step taken
from a decision."""

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Agency, User
from coordination import access
from coordination.journal import _check, _id_date, _log, _move, _secretariat, _text
from coordination.models import (
    ActionItem,
    AgendaItem,
    Decision,
    Meeting,
)
from supervision import actions as case_actions
from supervision.models import CaseStep
from wadah.lib.files import DOCUMENT_TYPES, save_private, sha256_of, sniff
from workdays.engine import deadline_for

ACTION_ITEM_PERIOD = "action-item"
MAX_UPLOAD_MB = 10


@transaction.atomic
def add_decision(item: AgendaItem, *, by: User, text: str) -> Decision:
    meeting = item.meeting
    _secretariat(by, meeting.team)
    if meeting.status != Meeting.Status.HELD:
        raise ValidationError(_("Decisions are recorded while the meeting is held, before its minutes are approved."))
    text = _text(text, _("Write the decision."))
    decision = Decision.objects.create(meeting=meeting, agenda_item=item, text=text, created_by=by)
    _log(meeting, "coordination.decision_recorded", by=by, ormas=item.ormas, decision=decision.pk, agenda_item=item.pk)
    return decision


def default_due_date(meeting: Meeting) -> dt.date:
    """The due date when the meeting sets none: the "action-item" period from the meeting's date."""
    return deadline_for(ACTION_ITEM_PERIOD, meeting.date, region_code=meeting.team.region_id)


@transaction.atomic
def add_action_item(
    decision: Decision,
    *,
    by: User,
    text: str,
    owner_agency: Agency,
    owner_person: str = "",
    due_on: dt.date | None = None,
) -> ActionItem:
    meeting = decision.meeting
    _secretariat(by, meeting.team)
    if meeting.status != Meeting.Status.HELD:
        raise ValidationError(_("Action items are recorded while the meeting is held."))
    text = _text(text, _("Write what is to be done."))
    due_on = due_on or default_due_date(meeting)
    if due_on < meeting.date:
        raise ValidationError({"due_on": _("The due date cannot be before the meeting.")})
    item = ActionItem.objects.create(
        decision=decision,
        meeting=meeting,
        team=meeting.team,
        text=text,
        owner_agency=owner_agency,
        owner_person=owner_person.strip(),
        due_on=due_on,
        created_by=by,
    )
    _log(item, "coordination.action_item_added", by=by, meeting=meeting.pk, agency=str(owner_agency), due_on=due_on)
    return item


@transaction.atomic
def report_progress(item: ActionItem, *, by: User, note: str) -> ActionItem:
    if not (access.may_close(by, item) or access.is_secretariat(by, item.team)):
        raise PermissionDenied(
            _("Only %(agency)s or the chair may report on this item.") % {"agency": item.owner_agency}
        )
    note = _text(note, _("Write what has been done so far."))
    item.progress_note = note
    old = item.status
    if item.status == ActionItem.Status.OPEN:
        _move(item, ActionItem.Status.IN_PROGRESS, "progress_note")
    else:
        _check(item, ActionItem.Status.DONE)  # refuses a closed item
        item.save(update_fields=["progress_note"])
    _log(item, "coordination.action_item_progress", by=by, old=old, note=note)
    return item


@transaction.atomic
def close_item(item: ActionItem, *, by: User, evidence: str, upload: UploadedFile | None = None) -> ActionItem:
    """Done, with evidence: by the owner agency or the chair. Without evidence nothing changes."""
    if not access.may_close(by, item):
        raise PermissionDenied(_("Only %(agency)s or the chair may close this item.") % {"agency": item.owner_agency})
    evidence = (evidence or "").strip()
    if not evidence:
        raise ValidationError({"evidence": _("Describe the evidence that the item is done (a letter, a report …).")})
    _check(item, ActionItem.Status.DONE)
    fields = ["evidence", "closed_by", "closed_at"]
    if upload is not None:
        sniffed = sniff(upload, DOCUMENT_TYPES, max_mb=MAX_UPLOAD_MB)
        save_private(item.evidence_file, upload, sniffed, sha256_of(upload))
        item.evidence_name, item.evidence_type = (upload.name or "")[:255], sniffed.mime
        fields += ["evidence_file", "evidence_name", "evidence_type"]
    item.evidence, item.closed_by, item.closed_at = evidence, by, timezone.now()
    old = _move(item, ActionItem.Status.DONE, *fields)
    _log(item, "coordination.action_item_closed", by=by, old=old, evidence=evidence, file=item.evidence_name)
    return item


@transaction.atomic
def cancel_item(item: ActionItem, *, by: User, reason: str) -> ActionItem:
    if not access.is_chair(by, item.meeting):
        raise PermissionDenied(_("Only the chair may cancel an action item."))
    reason = _text(reason, _("Say why the item is no longer needed."))
    item.closed_by, item.closed_at, item.progress_note = by, timezone.now(), reason
    old = _move(item, ActionItem.Status.CANCELLED, "closed_by", "closed_at", "progress_note")
    _log(item, "coordination.action_item_cancelled", by=by, old=old, reason=reason)
    return item


def matters_arising(meeting: Meeting) -> Any:
    """The team's items decided at earlier meetings that are still open: carried into this meeting until closed."""
    return (
        ActionItem.objects.open()
        .filter(team_id=meeting.team_id, meeting__date__lt=meeting.date)
        .exclude(meeting=meeting)
        .select_related("owner_agency", "meeting", "decision__agenda_item")
        .order_by("due_on", "id")
    )


STEP_FROM_DECISION: dict[str, Any] = {
    CaseStep.Kind.CLARIFICATION: case_actions.start_clarification,
    CaseStep.Kind.PERSUASION: case_actions.start_persuasion,
}


@transaction.atomic
def case_step_from_decision(decision: Decision, *, by: User, kind: str) -> CaseStep:
    """Take a decision about a case into the case: the supervision action of that step, the decision as its text."""
    case = decision.agenda_item.case
    if case is None:
        raise ValidationError(_("This decision is not about a case."))
    if kind not in STEP_FROM_DECISION:
        raise ValidationError(_("Choose clarification or persuasion."))
    meeting = decision.meeting
    text = f"{decision.text}\n\n({meeting.get_kind_display()} {meeting.team}, {_id_date(meeting.date)})"
    step = STEP_FROM_DECISION[kind](case, by=by, decision=text)  # checks the handler and the case's transitions
    _log(
        meeting,
        "coordination.case_step_from_decision",
        by=by,
        ormas=case.ormas,
        decision=decision.pk,
        case=case.reference,
    )
    return step
