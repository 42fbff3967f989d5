"""Every change in coordination, in one place: one action per move of a TRANSITIONS dict (Meeting, Minutes,
ActionItem, ProtocolVersion), plus rosters, invitations, agenda, attendance, decisions and citations.

Each action runs in a transaction, checks who may do it (coordination/access.py), refuses what the TRANSITIONS
dict does not list, and writes the audit trail once ("coordination.<verb>").
"""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import Agency, Office, Role, User
from audit.log import record
from audit.models import Entry
from coordination import access
from coordination.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Clause,
    ClauseCitation,
    Decision,
    Endorsement,
    Invitation,
    Meeting,
    Minutes,
    ProtocolVersion,
    RosterMember,
    RosterVersion,
    Team,
)
from letters.actions import issue_letter
from letters.models import Letter
from registry.models import Ormas
from supervision import actions as case_actions
from supervision import compartments
from supervision import rules as case_rules
from supervision.models import Case, CaseMember, CaseStep
from wadah.lib.files import DOCUMENT_TYPES, save_private, sha256_of, sniff
from wadah.lib.workflow import InvalidTransition
from workdays.engine import deadline_for

ACTION_ITEM_PERIOD = "action-item"
INVITATION_KIND = "meeting-invitation"
MAX_UPLOAD_MB = 10
# An autosave every 20 s would bury the history; one "minutes.saved" entry per writer per this many minutes.
AUDIT_SAVE_EVERY_MINUTES = 10


def _check(obj: Any, new: str) -> None:
    """The one gate every status change passes: refuse what the model's TRANSITIONS does not list (the shared
    workflow rule; the message names the object, since a meeting page shows several records' moves)."""
    if not obj.can_move_to(new):
        raise InvalidTransition(
            _("“%(object)s” with status “%(old)s” cannot become “%(new)s”.")
            % {"object": obj, "old": obj.get_status_display(), "new": type(obj).Status(new).label}
        )


def _move(obj: Any, new: str, *fields: str) -> str:
    _check(obj, new)
    old = obj.status
    obj.status = new
    obj.save(update_fields=["status", *fields])
    return str(old)


def _log(subject: Any, action: str, *, by: User | None, old: str | None = None, ormas: Any = None, **data: Any) -> None:
    changes = {"status": [old, subject.status]} if old is not None and old != subject.status else None
    # Who may read the entry is who may read its meeting or team (registered in CoordinationConfig.ready), so an
    # entry about a meeting on an Ormas's Riwayat is not shown to a reader of the Ormas who is not on the team.
    about = subject.meeting if isinstance(subject, ActionItem) else subject
    if isinstance(subject, ProtocolVersion):
        about = subject.team
    record(subject, action, by=by, ormas=ormas, changes=changes, data=data, about=about)


def _text(value: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError(message)
    return value


def _secretariat(user: User, team: Team) -> None:
    if not access.is_secretariat(user, team):
        raise PermissionDenied(_("Only the secretariat of %(team)s may do this.") % {"team": team})


def _id_date(day: dt.date) -> str:
    with translation.override("id"):
        return date_format(day, "j F Y")


# ---------------------------------------------------------------- teams and rosters


@transaction.atomic
def create_team(*, by: User, name: str, kind: str, region_code: str) -> Team:
    """A team at the province or one kab/kota; its secretariat is the Kesbangpol office of that region."""
    if by.role not in (Role.OFFICER, Role.LEADER) or not by.in_scope(region_code):
        raise PermissionDenied(_("Only Kesbangpol staff of that region may set up its teams."))
    office = Office.objects.filter(region_id=region_code).first()
    if office is None:
        raise ValidationError(_("Teams exist at the province and in a kab/kota, where a Kesbangpol office is."))
    if kind not in Team.Kind.values:
        raise ValidationError(_("Choose the kind of team."))
    name = _text(name, _("Give the team its name as in the SK."))
    if Team.objects.filter(region_id=region_code, kind=kind, name=name).exists():
        raise ValidationError(_("This team exists already."))
    team = Team.objects.create(name=name, kind=kind, region_id=region_code, office=office)
    _log(team, "coordination.team_created", by=by, region=region_code, kind=kind)
    return team


@transaction.atomic
def add_roster_version(
    team: Team,
    *,
    by: User,
    sk_number: str,
    sk_date: dt.date,
    valid_from: dt.date,
    valid_until: dt.date | None = None,
    note: str = "",
    copy_members: bool = True,
) -> RosterVersion:
    """Record a new SK of the team. The version before it ends the day before this one starts (history kept);
    its members are copied so that the secretariat only records what changed."""
    _secretariat(by, team)
    sk_number = _text(sk_number, _("Write the SK number."))
    if valid_until and valid_until < valid_from:
        raise ValidationError({"valid_until": _("The SK cannot end before it starts.")})
    previous = team.versions.select_for_update().order_by("-number").first()
    if previous and valid_from <= previous.valid_from:
        raise ValidationError(
            {"valid_from": _("A new SK must start after the previous one (%(day)s).") % {"day": previous.valid_from}}
        )
    version = RosterVersion.objects.create(
        team=team,
        number=(previous.number + 1) if previous else 1,
        sk_number=sk_number,
        sk_date=sk_date,
        valid_from=valid_from,
        valid_until=valid_until,
        note=note.strip(),
        created_by=by,
    )
    if previous:
        if previous.valid_until is None or previous.valid_until >= valid_from:
            previous.valid_until = valid_from - dt.timedelta(days=1)
            previous.save(update_fields=["valid_until"])
        if copy_members:
            RosterMember.objects.bulk_create(
                RosterMember(
                    version=version, name=m.name, agency_id=m.agency_id, position=m.position, role=m.role, user=m.user
                )
                for m in previous.members.all()
            )
    _log(
        team,
        "coordination.roster_version_added",
        by=by,
        version=version.number,
        sk_number=sk_number,
        valid_from=valid_from,
    )
    return version


def _check_agency_level(team: Team, agency: Agency) -> None:
    """A member's agency works at the team's level or above it (a kab/kota team may have BINDA), never in another
    kab/kota (Polres Kotim does not sit on the Palangka Raya team)."""
    code, region = agency.region_id, team.region_id
    if not (region == code or region.startswith(code + ".")):
        raise ValidationError(
            {"agency": _("%(agency)s works outside %(team)s's region.") % {"agency": agency, "team": team}}
        )


@transaction.atomic
def add_roster_member(
    version: RosterVersion,
    *,
    by: User,
    name: str,
    agency: Agency,
    position: str = "",
    role: str = RosterMember.Role.MEMBER,
    user: User | None = None,
) -> RosterMember:
    team = version.team
    _secretariat(by, team)
    if version != team.current_roster():
        raise ValidationError(_("Only the latest SK can change; record a new SK for a new composition."))
    name = _text(name, _("Write the member's name."))
    _check_agency_level(team, agency)
    if role not in RosterMember.Role.values:
        raise ValidationError({"role": _("Choose the member's role.")})
    if role == RosterMember.Role.CHAIR and version.members.filter(role=role).exists():
        raise ValidationError({"role": _("The team has a chair already.")})
    if user is not None and not access.acts_for(user, agency.pk):
        raise ValidationError({"user": _("%(user)s does not work for %(agency)s.") % {"user": user, "agency": agency}})
    member = RosterMember.objects.create(
        version=version, name=name, agency=agency, position=position.strip(), role=role, user=user
    )
    _log(
        team,
        "coordination.roster_member_added",
        by=by,
        version=version.number,
        member=name,
        agency=str(agency),
        role=role,
    )
    return member


@transaction.atomic
def remove_roster_member(member: RosterMember, *, by: User) -> None:
    team = member.version.team
    _secretariat(by, team)
    if member.version != team.current_roster():
        raise ValidationError(_("Earlier SKs are history and do not change."))
    _log(team, "coordination.roster_member_removed", by=by, version=member.version.number, member=member.name)
    member.delete()


# ---------------------------------------------------------------- meetings


@transaction.atomic
def schedule_meeting(
    team: Team,
    *,
    by: User,
    kind: str,
    title: str,
    date: dt.date,
    chair: User,
    start_time: dt.time | None = None,
    venue: str = "",
    online_link: str = "",
) -> Meeting:
    """Schedule a meeting; the agencies of the roster in force that day are invited, and a minutes draft opened."""
    _secretariat(by, team)
    title = _text(title, _("Give the meeting a title."))
    if kind not in Meeting.Kind.values:
        raise ValidationError({"kind": _("Choose the type of meeting.")})
    if not (venue or "").strip() and not (online_link or "").strip():
        raise ValidationError({"venue": _("Write the venue or the online link (or both).")})
    if not chair.is_staff_role or chair.role == Role.ADMIN:
        raise ValidationError({"chair": _("The chair must be a Kesbangpol leader or officer or a team member.")})
    meeting = Meeting.objects.create(
        team=team,
        kind=kind,
        title=title,
        date=date,
        start_time=start_time,
        venue=venue.strip(),
        online_link=online_link.strip(),
        chair=chair,
        created_by=by,
    )
    roster = team.roster_on(date) or team.current_roster()
    if roster:
        agency_ids = sorted(roster.agency_ids())
        Invitation.objects.bulk_create(Invitation(meeting=meeting, agency_id=pk) for pk in agency_ids)
    Minutes.objects.create(meeting=meeting, number=1, updated_by=by)
    _log(meeting, "coordination.meeting_scheduled", by=by, team=str(team), date=date, chair=str(chair))
    return meeting


def _open_for_changes(meeting: Meeting) -> None:
    if meeting.status in (Meeting.Status.CLOSED, Meeting.Status.CANCELLED):
        raise ValidationError(
            _("The meeting is “%(status)s”; its agenda, decisions and attendance can no longer change.")
            % {"status": meeting.get_status_display()}
        )


@transaction.atomic
def invite(meeting: Meeting, *, by: User, agency: Agency, person: str = "", user: User | None = None) -> Invitation:
    _secretariat(by, meeting.team)
    _open_for_changes(meeting)
    person = (person or "").strip() or (str(user) if user else "")
    if user is not None and not access.acts_for(user, agency.pk):
        raise ValidationError({"user": _("%(user)s does not work for %(agency)s.") % {"user": user, "agency": agency}})
    if Invitation.objects.filter(meeting=meeting, agency=agency, person=person).exists():
        raise ValidationError(_("%(agency)s is invited already.") % {"agency": agency})
    invitation = Invitation.objects.create(meeting=meeting, agency=agency, person=person, user=user)
    _log(meeting, "coordination.invited", by=by, agency=str(agency), person=person)
    return invitation


def _invitation_body(meeting: Meeting) -> tuple[str, list[list[str]]]:
    when = _id_date(meeting.date) + (f", pukul {meeting.start_time:%H.%M} WIB" if meeting.start_time else "")
    place = " / ".join(part for part in (meeting.venue, meeting.online_link) if part)
    agenda = "; ".join(f"{item.order}. {item.title}" for item in meeting.agenda.all()) or "-"
    body = (
        f"Dalam rangka {meeting.get_kind_display()} {meeting.team}, dengan hormat kami mengundang Bapak/Ibu untuk "
        "hadir pada:\n\nDemikian undangan ini kami sampaikan. Atas perhatian dan kehadirannya diucapkan terima kasih."
    )
    return body, [["Hari/tanggal", when], ["Tempat", place], ["Acara", agenda]]


@transaction.atomic
def send_invitations(meeting: Meeting, *, by: User) -> list[Letter]:
    """One numbered invitation letter (through `letters`) for every invitation that has none yet."""
    _secretariat(by, meeting.team)
    if meeting.status != Meeting.Status.SCHEDULED:
        raise ValidationError(_("Invitations go out before the meeting."))
    pending = list(meeting.invitations.filter(letter__isnull=True).select_related("agency"))
    if not pending:
        raise ValidationError(_("Every invited agency has its letter already."))
    office = meeting.team.office
    position = f"Kepala {office.name}" if by.role == Role.LEADER else f"a.n. Kepala {office.name}"
    body, fields = _invitation_body(meeting)
    letters = []
    for invitation in pending:
        addressee = f"{invitation.person}, {invitation.agency.name}" if invitation.person else invitation.agency.name
        letter = issue_letter(
            office=office,
            kind=INVITATION_KIND,
            title="Undangan",
            subject=f"Undangan {meeting.title}",
            body=body,
            by=by,
            signatory_name=by.get_full_name() or by.username,
            signatory_position=position,
            signatory_nip=by.nip,
            addressee=addressee,
            source=meeting,
            content={"fields": fields},
        )
        invitation.letter = letter
        invitation.save(update_fields=["letter"])
        letters.append(letter)
    _log(meeting, "coordination.invitations_sent", by=by, letters=[letter.number for letter in letters])
    return letters


@transaction.atomic
def cancel_meeting(meeting: Meeting, *, by: User, reason: str) -> Meeting:
    _secretariat(by, meeting.team)
    reason = _text(reason, _("Say why the meeting is cancelled."))
    old = _move(meeting, Meeting.Status.CANCELLED)
    _log(meeting, "coordination.meeting_cancelled", by=by, old=old, reason=reason)
    return meeting


@transaction.atomic
def open_meeting(meeting: Meeting, *, by: User) -> Meeting:
    """The meeting begins: the minutes are written from now on."""
    if not (access.is_secretariat(by, meeting.team) or access.is_chair(by, meeting)):
        raise PermissionDenied(_("Only the secretariat or the chair may open the meeting."))
    old = _move(meeting, Meeting.Status.HELD)
    _log(meeting, "coordination.meeting_opened", by=by, old=old)
    return meeting


def _ormas_visible(user: User, ormas: Ormas | None) -> None:
    if ormas is not None and not Ormas.objects.visible_to(user).filter(pk=ormas.pk).exists():
        raise ValidationError({"ormas": _("Choose an Ormas in your scope.")})


@transaction.atomic
def add_agenda_item(
    meeting: Meeting,
    *,
    by: User,
    title: str,
    ormas: Ormas | None = None,
    case: Case | None = None,
    complaint: Any = None,
    share_with_case_agencies: bool = True,
) -> AgendaItem:
    """An agenda item, written in its author's compartment. About a case, it is shared with the agencies of the
    case that are invited to the meeting (the others never read it; supervision.compartments decides)."""
    _secretariat(by, meeting.team)
    _open_for_changes(meeting)
    title = _text(title, _("Write the agenda item."))
    _ormas_visible(by, ormas)
    if case is not None and not Case.objects.visible_to(by).filter(pk=case.pk).exists():
        raise ValidationError({"case": _("Choose a case you handle.")})
    if complaint is not None and not type(complaint).objects.visible_to(by).filter(pk=complaint.pk).exists():
        raise ValidationError({"complaint": _("Choose a complaint in your scope.")})
    if case is not None and ormas is None:
        ormas = case.ormas
    order = (meeting.agenda.aggregate(n=Max("order"))["n"] or 0) + 1
    item = AgendaItem.objects.create(
        meeting=meeting,
        order=order,
        title=title,
        ormas=ormas,
        case=case,
        complaint=complaint,
        agency=compartments.compartment_of(by),
        author=by,
    )
    _log(
        meeting,
        "coordination.agenda_item_added",
        by=by,
        ormas=ormas,
        item=item.pk,
        case=case.reference if case else None,
    )
    if case is not None and share_with_case_agencies:
        invited = meeting.invitations.values("agency_id")
        for member in CaseMember.objects.filter(case=case, agency_id__in=invited).exclude(agency_id=item.agency_id):
            compartments.share(item, with_agency=member.agency, by=by, note=str(meeting))
    return item


@transaction.atomic
def record_attendance(
    meeting: Meeting,
    *,
    by: User | None,
    name: str = "",
    agency: Agency | None = None,
    position: str = "",
    roster_member: RosterMember | None = None,
    user: User | None = None,
    method: str = Attendance.Method.MANUAL,
) -> Attendance:
    """Someone is present. By hand (the secretariat ticks the list) or by QR (the guidance check-in calls this
    with method="qr" and by=None or the person); the same rules either way."""
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
    name = _text(name, _("Write the name of the person present."))
    row = Attendance.objects.create(
        meeting=meeting,
        name=name,
        agency=agency,
        position=position.strip(),
        roster_member=roster_member,
        user=user,
        method=method,
        recorded_by=by,
    )
    _log(meeting, "coordination.attendance_recorded", by=by, name=name, agency=str(agency or ""), method=method)
    return row


@transaction.atomic
def remove_attendance(row: Attendance, *, by: User) -> None:
    _secretariat(by, row.meeting.team)
    _open_for_changes(row.meeting)
    _log(row.meeting, "coordination.attendance_removed", by=by, name=row.name)
    row.delete()


# ---------------------------------------------------------------- minutes


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


# ---------------------------------------------------------------- decisions and action items


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


# ---------------------------------------------------------------- the joint protocol


@transaction.atomic
def create_protocol_version(
    team: Team, *, by: User, title: str, clauses: Iterable[tuple[str, str, str]] | None = None
) -> ProtocolVersion:
    """A new draft version. Without `clauses` it starts as a copy of the latest version (edited clause by clause)."""
    _secretariat(by, team)
    title = _text(title, _("Give the protocol its title."))
    if team.protocols.filter(status__in=[ProtocolVersion.Status.DRAFT, ProtocolVersion.Status.PROPOSED]).exists():
        raise ValidationError(_("A version is being drafted or endorsed already; finish it first."))
    latest = team.protocols.order_by("-number").first()
    version = ProtocolVersion.objects.create(
        team=team, number=(latest.number + 1) if latest else 1, title=title, created_by=by
    )
    rows = (
        list(clauses)
        if clauses is not None
        else [(c.number, c.topic, c.text) for c in latest.clauses.all()]
        if latest
        else []
    )
    for number, topic, text in rows:
        set_clause(version, by=by, number=number, topic=topic, text=text, audit=False)
    _log(version, "coordination.protocol_drafted", by=by, version=version.number, clauses=len(rows))
    return version


@transaction.atomic
def set_clause(
    version: ProtocolVersion, *, by: User, number: str, topic: str, text: str, audit: bool = True
) -> Clause | None:
    """Add or change the clause with this number in a draft; an empty text removes it."""
    _secretariat(by, version.team)
    if version.status != ProtocolVersion.Status.DRAFT:
        raise ValidationError(_("Only a draft changes; a proposed or endorsed version is fixed. Draft a new one."))
    number = _text(number, _("Number the clause (e.g. 2.1)."))[:20]
    text = (text or "").strip()
    clause = version.clauses.filter(number=number).first()
    if not text:
        if clause is None:
            raise ValidationError({"text": _("Write the clause's text.")})
        clause.delete()
        clause = None
    elif clause is None:
        clause = Clause.objects.create(version=version, number=number, topic=topic or Clause.Topic.OTHER, text=text)
    else:
        clause.topic, clause.text = topic or clause.topic, text
        clause.save(update_fields=["topic", "text"])
    if audit:
        _log(version, "coordination.protocol_clause_set", by=by, clause=number, removed=clause is None)
    return clause


@transaction.atomic
def propose_protocol(version: ProtocolVersion, *, by: User) -> ProtocolVersion:
    """Put the draft to the member agencies: those on the roster in force today must each endorse it."""
    _secretariat(by, version.team)
    if not version.clauses.exists():
        raise ValidationError(_("The protocol has no clauses yet."))
    roster = version.team.roster_on(timezone.localdate()) or version.team.current_roster()
    if roster is None or not roster.agency_ids():
        raise ValidationError(_("The team has no members to endorse it; record its SK first."))
    version.proposed_at = timezone.now()
    old = _move(version, ProtocolVersion.Status.PROPOSED, "proposed_at")
    version.required_agencies.set(roster.agency_ids())
    _log(version, "coordination.protocol_proposed", by=by, old=old, agencies=sorted(roster.agency_ids()))
    return version


@transaction.atomic
def endorse_protocol(version: ProtocolVersion, *, by: User, agency: Agency) -> Endorsement:
    """`by` endorses for `agency`: only its named representative (on the roster, acting for that agency). When the
    last agency endorses, the version is in force and the one before it superseded."""
    version = ProtocolVersion.objects.select_for_update().get(pk=version.pk)
    if version.status != ProtocolVersion.Status.PROPOSED:
        raise ValidationError(
            _("Only a proposed version is endorsed (this one is “%(s)s”).") % {"s": version.get_status_display()}
        )
    if not access.acts_for(by, agency.pk):
        raise PermissionDenied(_("You may endorse only for your own agency."))
    if not version.required_agencies.filter(pk=agency.pk).exists():
        raise ValidationError(_("%(agency)s is not a member agency of this team.") % {"agency": agency})
    seat = (
        RosterMember.objects.filter(version__team=version.team, user=by, agency=agency)
        .order_by("-version__number")
        .first()
    )
    if seat is None:
        raise PermissionDenied(
            _("Only the representative named on the team's roster endorses for %(agency)s.") % {"agency": agency}
        )
    if version.endorsements.filter(agency=agency).exists():
        raise ValidationError(_("%(agency)s has endorsed this version already.") % {"agency": agency})
    endorsement = Endorsement.objects.create(
        version=version,
        agency=agency,
        representative=by,
        representative_name=seat.name,
        representative_position=seat.position,
    )
    _log(version, "coordination.protocol_endorsed", by=by, agency=str(agency), representative=seat.name)
    missing = set(version.required_agencies.values_list("pk", flat=True)) - set(
        version.endorsements.values_list("agency_id", flat=True)
    )
    if not missing:
        for earlier in version.team.protocols.filter(status=ProtocolVersion.Status.IN_FORCE):
            _move(earlier, ProtocolVersion.Status.SUPERSEDED)
            _log(earlier, "coordination.protocol_superseded", by=by, by_version=version.number)
        version.in_force_at = timezone.now()
        old = _move(version, ProtocolVersion.Status.IN_FORCE, "in_force_at")
        _log(version, "coordination.protocol_in_force", by=by, old=old)
    return endorsement


@transaction.atomic
def cite_clause(
    clause: Clause, *, by: User, case_step: CaseStep | None = None, field_report: Any = None
) -> ClauseCitation:
    """A case step or a field report cites a clause of the protocol in force."""
    version = ProtocolVersion.objects.get(pk=clause.version_id)  # fresh: an endorsement may have just put it in force
    if version.status != ProtocolVersion.Status.IN_FORCE:
        raise ValidationError(_("Only clauses of the protocol in force are cited."))
    if (case_step is None) == (field_report is None):
        raise ValidationError(_("Cite the clause in one case step or one field report."))
    if case_step is not None and not case_rules.is_handler(by, case_step.case):
        raise PermissionDenied(_("Only a Kesbangpol officer of the handling office may do this."))
    if field_report is not None and not compartments.can_read(by, field_report):
        raise PermissionDenied(_("You cannot read that field report."))
    citation = ClauseCitation.objects.create(clause=clause, case_step=case_step, field_report=field_report, cited_by=by)
    target = case_step.case.reference if case_step else getattr(field_report, "reference", "")
    _log(version, "coordination.protocol_clause_cited", by=by, clause=clause.number, target=target)
    return citation
