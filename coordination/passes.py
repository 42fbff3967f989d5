"""Attendance passes: who is expected at a meeting, each with an unguessable QR code (a "kartu hadir").

The people expected are the members of the team's roster in force on the meeting's date, and the invitations that
name someone the roster does not have (an agency invited without a member on the roster, or a named guest). Each
gets a code signed with the site's key (wadah/lib/checkin.py): 128 bits nobody can guess or derive from another
person's, tied to this meeting, so no code table is stored and a pass cannot be reused at another meeting. The
secretariat scans it with the phone's camera or types it (coordination/meetings.py check_in); the QR carries the
same prefix as guidance's check-in codes.
"""

import re
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from accounts.models import Agency
from coordination.models import Invitation, Meeting, RosterMember
from wadah.lib import checkin

PURPOSE = "coordination-meeting"
# What a pass code signs: the meeting and the seat ("12m34": meeting 12, roster member 34; "12i5": invitation 5).
VALUE = re.compile(r"^(?P<meeting>[0-9]+)(?P<key>[mi][0-9]+)$")


@dataclass
class Seat:
    """One person expected at a meeting: a roster member ("m<pk>") or an invitation ("i<pk>")."""

    key: str
    name: str
    agency: Agency | None
    position: str
    role: str
    roster_member: RosterMember | None = None
    invitation: Invitation | None = None
    user_id: int | None = None

    def code(self, meeting: Meeting) -> str:
        return checkin.signed_code(PURPOSE, f"{meeting.pk}{self.key}")

    def qr_payload(self, meeting: Meeting) -> str:
        return checkin.QR_PREFIX + self.code(meeting)


def roster_for(meeting: Meeting) -> Any:
    return meeting.team.roster_on(meeting.date) or meeting.team.current_roster()


def expected(meeting: Meeting) -> list[Seat]:
    """The roster's members (steering, chair, secretary, members), then the invited people the roster lacks."""
    roster = roster_for(meeting)
    members = list(roster.members.select_related("agency")) if roster else []
    rank = {role: i for i, role in enumerate(RosterMember.Role.values)}  # pengarah, ketua, sekretaris, anggota
    members.sort(key=lambda m: (rank.get(m.role, 9), m.pk))
    seats = [
        Seat(
            key=f"m{m.pk}",
            name=m.name,
            agency=m.agency,
            position=m.position,
            role=m.get_role_display(),
            roster_member=m,
            user_id=m.user_id,
        )
        for m in members
    ]
    on_roster = {m.agency_id for m in members}
    for invitation in meeting.invitations.select_related("agency"):
        if not invitation.person and invitation.agency_id in on_roster:
            continue  # the agency is there through its members
        seats.append(
            Seat(
                key=f"i{invitation.pk}",
                name=invitation.person or _("Representative of %(agency)s") % {"agency": invitation.agency},
                agency=invitation.agency,
                position="",
                role=_("Invited"),
                invitation=invitation,
                user_id=invitation.user_id,
            )
        )
    return seats


UNKNOWN, OTHER_MEETING = "unknown", "other_meeting"


def seat_for_code(meeting: Meeting, code: str) -> tuple[Seat | None, str]:
    """The expected person whose pass this is; or None and why not (not a pass, another meeting's, no longer
    expected — e.g. removed from the roster)."""
    value = checkin.read_signed_code(PURPOSE, code)
    if value is None:
        return None, UNKNOWN
    parts = VALUE.match(value)
    if parts is None:
        return None, UNKNOWN
    if parts["meeting"] != str(meeting.pk):
        return None, OTHER_MEETING
    return seat_for_key(meeting, parts["key"])


def seat_for_key(meeting: Meeting, key: str) -> tuple[Seat | None, str]:
    for seat in expected(meeting):
        if seat.key == key:
            return seat, ""
    return None, UNKNOWN


def seats_of(meeting: Meeting, user: Any) -> list[Seat]:
    """The passes of the person looking (their own seat on the roster, or their invitation), for their page."""
    pk = getattr(user, "pk", None)
    return [seat for seat in expected(meeting) if pk and seat.user_id == pk]
