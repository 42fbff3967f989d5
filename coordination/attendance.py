"""Attendance at a meeting: ticked off by hand, or by the QR code of a person's pass (coordination/passes.py),
scanned or typed on the secretariat's phone — online, or queued offline by static/js/checkin.js and sent when the
signal returns. Each queued check-in carries the phone's id for it, so a queue sent twice counts every person once.
"""

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts.models import Agency, User
from coordination import access, passes
from coordination.journal import _log, _secretariat, _text
from coordination.meetings import _open_for_changes
from coordination.models import Attendance, Invitation, Meeting, RosterMember
from wadah.lib import checkin


@transaction.atomic
def record_attendance(
    meeting: Meeting,
    *,
    by: User | None,
    name: str = "",
    agency: Agency | None = None,
    position: str = "",
    organisation: str = "",
    roster_member: RosterMember | None = None,
    invitation: Invitation | None = None,
    user: User | None = None,
    method: str = Attendance.Method.MANUAL,
    client_id: Any = None,
    at: dt.datetime | None = None,
) -> Attendance:
    """Someone is present. By hand (the secretariat ticks the list) or by QR (the person's pass, scanned by the
    secretariat, or by=None where the pass alone is the proof); the same rules either way."""
    if method == Attendance.Method.MANUAL and (by is None or not access.is_secretariat(by, meeting.team)):
        raise PermissionDenied(_("Only the secretariat records attendance by hand."))
    if meeting.status not in (Meeting.Status.SCHEDULED, Meeting.Status.HELD):
        raise ValidationError(_("Attendance is recorded on the day of the meeting, not after its minutes."))
    if roster_member is not None:
        if roster_member.version.team_id != meeting.team_id:
            raise ValidationError(_("That person is not on this team's roster."))
        if meeting.attendance.filter(roster_member=roster_member).exists():
            raise ValidationError(_("%(name)s is on the list already.") % {"name": roster_member.name})
        name = name or roster_member.name
        agency = agency or roster_member.agency
        position = position or roster_member.position
        user = user or roster_member.user
    if invitation is not None:
        if invitation.meeting_id != meeting.pk:
            raise ValidationError(_("That invitation is for another meeting."))
        if meeting.attendance.filter(invitation=invitation).exists():
            raise ValidationError(
                _("%(name)s is on the list already.") % {"name": invitation.person or invitation.agency}
            )
        agency = agency or invitation.agency
        user = user or invitation.user
    name = _text(name, _("Write the name of the person present."))
    row = Attendance.objects.create(
        meeting=meeting,
        name=name[:200],
        agency=agency,
        position=position.strip()[:200],
        organisation=organisation.strip()[:255],
        roster_member=roster_member,
        invitation=invitation,
        user=user,
        method=method,
        recorded_by=by,
        client_id=client_id,
    )
    if at is not None:  # the phone's time of a check-in queued offline (recorded_at is set on insert)
        Attendance.objects.filter(pk=row.pk).update(recorded_at=at)
        row.recorded_at = at
    _log(meeting, "coordination.attendance_recorded", by=by, name=name, agency=str(agency or ""), method=method)
    return row


@transaction.atomic
def remove_attendance(row: Attendance, *, by: User) -> None:
    _secretariat(by, row.meeting.team)
    _open_for_changes(row.meeting)
    _log(row.meeting, "coordination.attendance_removed", by=by, name=row.name)
    row.delete()


# ---------------------------------------------------------------- the secretariat's phone (static/js/checkin.js)

RECORDED, DUPLICATE, ALREADY, INVALID = "recorded", "duplicate", "already", "invalid"
UNKNOWN, OTHER_MEETING = passes.UNKNOWN, passes.OTHER_MEETING
OK_OUTCOMES = {RECORDED, DUPLICATE}


def _present(meeting: Meeting, seat: passes.Seat) -> Attendance | None:
    if seat.roster_member is not None:
        return meeting.attendance.filter(roster_member=seat.roster_member).first()
    return meeting.attendance.filter(invitation=seat.invitation).first()


def check_in(
    meeting: Meeting, *, by: User, client_id: Any, code: str = "", seat_key: str = "", at: Any = None
) -> tuple[str, passes.Seat | None]:
    """One person present, by their pass's code (QR) or by a tick on the phone's list (seat_key "m12"/"i3").
    Returns (outcome, seat); safe to replay with the same client_id."""
    _secretariat(by, meeting.team)
    key = checkin.client_uuid(client_id)
    existing = Attendance.objects.filter(client_id=key).first()
    if existing is not None:
        return DUPLICATE, passes.Seat(key="", name=existing.name, agency=existing.agency, position="", role="")
    if code:
        seat, problem = passes.seat_for_code(meeting, code)
    else:
        seat, problem = passes.seat_for_key(meeting, str(seat_key or "")[:20])
    if seat is None:
        return problem, None
    if _present(meeting, seat) is not None:
        return ALREADY, seat
    try:
        with transaction.atomic():
            record_attendance(
                meeting,
                by=by,
                name=seat.name,
                roster_member=seat.roster_member,
                invitation=seat.invitation,
                method=Attendance.Method.QR if code else Attendance.Method.MANUAL,
                client_id=key,
                at=checkin.plausible_time(at),
            )
    except IntegrityError:  # the same person from another phone at the same moment: counted once
        return (DUPLICATE if Attendance.objects.filter(client_id=key).exists() else ALREADY), seat
    return RECORDED, seat


def add_walk_in(
    meeting: Meeting, *, by: User, client_id: Any, name: str, organisation: str = "", position: str = "", at: Any = None
) -> tuple[str, str]:
    """Someone present who has no pass (not on the roster, not invited); replaying adds them once."""
    _secretariat(by, meeting.team)
    key = checkin.client_uuid(client_id)
    if Attendance.objects.filter(client_id=key).exists():
        return DUPLICATE, name
    name = (name or "").strip()
    if not name:
        return INVALID, ""
    try:
        with transaction.atomic():
            record_attendance(
                meeting,
                by=by,
                name=name,
                organisation=organisation or "",
                position=position or "",
                client_id=key,
                at=checkin.plausible_time(at),
            )
    except IntegrityError:
        return DUPLICATE, name
    return RECORDED, name


def outcome_message(outcome: str, name: str) -> str:
    messages = {
        RECORDED: _("%(name)s is present."),
        DUPLICATE: _("%(name)s was already recorded from this phone."),
        ALREADY: _("%(name)s is on the list already."),
        UNKNOWN: _("This code is not a pass for this meeting (typed wrong, or the person is no longer expected)."),
        OTHER_MEETING: _("This pass is for another meeting."),
        INVALID: _("Write the name of the person present."),
    }
    return messages.get(outcome, _("Not recorded.")) % {"name": name}


def sync_attendance(meeting: Meeting, *, by: User, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Apply the phone's queue of check-ins and walk-ins, each on its own; one result per item (the shape
    static/js/checkin.js reads: client_id, ok, message)."""
    _secretariat(by, meeting.team)
    results = []
    for item in items[:500]:
        client_id = str(item.get("client_id", ""))[:40]
        name = ""
        try:
            if item.get("kind") == "walk_in":
                outcome, name = add_walk_in(
                    meeting,
                    by=by,
                    client_id=client_id,
                    name=str(item.get("name", ""))[:200],
                    organisation=str(item.get("organisation", "") or ""),
                    position=str(item.get("position", "") or ""),
                    at=item.get("at"),
                )
            else:
                outcome, seat = check_in(
                    meeting,
                    by=by,
                    client_id=client_id,
                    code=str(item.get("code", "") or "")[:200],
                    seat_key=str(item.get("participant", "") or ""),
                    at=item.get("at"),
                )
                name = seat.name if seat else ""
            message = outcome_message(outcome, name)
        except (ValidationError, PermissionDenied) as error:
            outcome = INVALID
            message = " ".join(getattr(error, "messages", [str(error)]))
        results.append(
            {"client_id": client_id, "outcome": outcome, "ok": outcome in OK_OUTCOMES, "name": name, "message": message}
        )
    return results
