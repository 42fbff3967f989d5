"""The minutes (notulen): the live draft saved as the secretary writes, the chair's approval, a correction as a
new version."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from audit.models import Entry
from coordination import access
from coordination.journal import _log, _move, _secretariat, _text
from coordination.models import (
    Meeting,
    Minutes,
)

# An autosave every 20 s would bury the history; one "minutes.saved" entry per writer per this many minutes.
AUDIT_SAVE_EVERY_MINUTES = 10


def _draft(meeting: Meeting) -> Minutes:
    minutes = meeting.minutes.select_for_update().order_by("-number").first()
    if minutes is None or not minutes.is_editable:
        raise ValidationError(_("The minutes are approved and read-only. A correction is a new version: start one."))
    return minutes


@transaction.atomic
def save_minutes(meeting: Meeting, *, by: User, text: str) -> Minutes:
    """Save the minutes draft (the live page calls this every ~20 s and when the writer leaves the field)."""
    _secretariat(by, meeting.team)
    minutes = _draft(meeting)
    if meeting.status == Meeting.Status.SCHEDULED:
        raise ValidationError(_("Open the meeting first; the minutes are written while it is held."))
    if meeting.status == Meeting.Status.CANCELLED:
        raise ValidationError(_("The meeting was cancelled."))
    before = len(minutes.text)
    minutes.text = text or ""
    minutes.updated_by = by
    minutes.save(update_fields=["text", "updated_by", "updated_at"])
    since = timezone.now() - dt.timedelta(minutes=AUDIT_SAVE_EVERY_MINUTES)
    recent = Entry.objects.filter(
        action="coordination.minutes_saved", actor=by, subject_id=str(meeting.pk), at__gte=since
    ).exists()
    if not recent:
        _log(meeting, "coordination.minutes_saved", by=by, version=minutes.number, length=[before, len(minutes.text)])
    return minutes


@transaction.atomic
def approve_minutes(meeting: Meeting, *, by: User) -> Minutes:
    """The chair approves the draft: it becomes read-only, an earlier approved version is superseded, and the
    meeting is closed."""
    if not access.is_chair(by, meeting):
        raise PermissionDenied(_("Only the chair of the meeting approves its minutes."))
    minutes = _draft(meeting)
    _text(minutes.text, _("The minutes are empty; write them before approving."))
    if meeting.status == Meeting.Status.SCHEDULED:
        raise ValidationError(_("Open the meeting first; the minutes are written while it is held."))
    for earlier in meeting.minutes.filter(status=Minutes.Status.APPROVED):
        _move(earlier, Minutes.Status.SUPERSEDED)
    minutes.approved_by, minutes.approved_at = by, timezone.now()
    _move(minutes, Minutes.Status.APPROVED, "approved_by", "approved_at")
    old = meeting.status
    if meeting.status == Meeting.Status.HELD:
        _move(meeting, Meeting.Status.CLOSED)
    _log(meeting, "coordination.minutes_approved", by=by, old=old, version=minutes.number, length=len(minutes.text))
    return minutes


@transaction.atomic
def start_correction(meeting: Meeting, *, by: User, reason: str) -> Minutes:
    """A correction of approved minutes: a new draft version (the approved text copied), with its reason."""
    if not (access.is_secretariat(by, meeting.team) or access.is_chair(by, meeting)):
        raise PermissionDenied(_("Only the secretariat or the chair may correct the minutes."))
    reason = _text(reason, _("Say what is corrected and why."))
    current = meeting.minutes.select_for_update().order_by("-number").first()
    if current is None or current.status != Minutes.Status.APPROVED:
        raise ValidationError(_("Only approved minutes are corrected; a draft is simply edited."))
    minutes = Minutes.objects.create(
        meeting=meeting, number=current.number + 1, text=current.text, correction_reason=reason, updated_by=by
    )
    _log(meeting, "coordination.minutes_correction_started", by=by, version=minutes.number, reason=reason)
    return minutes
