"""The shared machinery of coordination's actions: the one gate every status change passes (TRANSITIONS),
the audit entry written once per action, and the small checks every action uses (a required text, the
secretariat).
"""

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import User
from audit.log import record
from coordination import access
from coordination.models import (
    ActionItem,
    ProtocolVersion,
    Team,
)
from wadah.lib.workflow import InvalidTransition


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
