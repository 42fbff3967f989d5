"""Meetings: scheduling (the roster's agencies invited), invitations and their letters, cancelling and opening,
and the agenda (items about cases in their author's compartment). Attendance is in attendance.py."""

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from accounts.models import Agency, Role, User
from coordination import access
from coordination.journal import _id_date, _log, _move, _secretariat, _text
from coordination.models import (
    AgendaItem,
    Invitation,
    Meeting,
    Minutes,
    Team,
)
from letters.actions import issue_letter
from letters.models import Letter
from registry.models import Ormas
from supervision import compartments
from supervision.models import Case, CaseMember

INVITATION_KIND = "meeting-invitation"


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
