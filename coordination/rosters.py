"""Teams and their rosters: a team at the province or a kab/kota, a new SK as a new roster version (the history
kept), its members and their agencies' level."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import Agency, Office, Role, User
from coordination import access
from coordination.journal import _log, _secretariat, _text
from coordination.models import (
    RosterMember,
    RosterVersion,
    Team,
)


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
