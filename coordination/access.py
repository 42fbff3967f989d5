"""Who may do what in coordination. Who may *see* a team or meeting is the querysets' rule (models.py:
Team/Meeting.objects.visible_to); agenda items about a case follow supervision.compartments."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q

from accounts.models import Agency, Role
from coordination.models import ActionItem, Meeting, RosterMember, Team
from supervision import compartments
from supervision.models import KESBANGPOL_ROLES


def agency_of(user: Any) -> Agency | None:
    """The agency a user acts for: an agency member's own, a Kesbangpol officer's Kesbangpol (None if neither)."""
    try:
        return compartments.compartment_of(user)
    except (PermissionDenied, ValidationError):
        return None


def is_secretariat(user: Any, team: Team) -> bool:
    """Kesbangpol officers and leaders whose scope covers the team's region, and the team's named secretary."""
    if getattr(user, "role", None) in KESBANGPOL_ROLES and user.in_scope(team.region_id):
        return True
    roster = team.current_roster()
    return bool(
        roster
        and getattr(user, "pk", None)
        and roster.members.filter(user_id=user.pk, role=RosterMember.Role.SECRETARY).exists()
    )


def is_chair(user: Any, meeting: Meeting) -> bool:
    return bool(getattr(user, "pk", None)) and meeting.chair_id == user.pk


def acts_for(user: Any, agency_id: int) -> bool:
    """Does `user` act for this agency (its member, or Kesbangpol staff of that Kesbangpol)?"""
    if getattr(user, "role", None) == Role.AGENCY_MEMBER:
        return bool(user.agency_id) and user.agency_id == agency_id
    agency = agency_of(user)
    return agency is not None and agency.pk == agency_id


def may_close(user: Any, item: ActionItem) -> bool:
    """The owner agency or the chair of the meeting that decided the item."""
    return acts_for(user, item.owner_agency_id) or is_chair(user, item.meeting)


def readable_agenda(user: Any, queryset: Any) -> Any:
    """Agenda items the user may read, of meetings they may already open: items about a case pass the compartment
    rule (supervision.compartments); the others are the meeting's business and need nothing more."""
    about_case = compartments.readable(user, queryset.filter(case__isnull=False)).values("pk")
    return queryset.filter(Q(case__isnull=True) | Q(pk__in=about_case))
