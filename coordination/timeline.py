"""The meetings, decisions and action items about an Ormas or a case, as timeline entries for one viewer.

For the Ormas 360 / case timeline (insights wires it in). Only what the viewer may read: meetings they may open
(Meeting.objects.visible_to), and agenda items about a case only where the compartment rule lets them
(access.readable_agenda → supervision.compartments.readable).
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from coordination import access
from coordination.models import ActionItem, AgendaItem, Decision, Meeting


@dataclass
class TimelineEntry:
    day: dt.date
    kind: str  # "meeting", "decision", "action_item"
    title: str
    detail: str
    url: str
    status: str = ""


def _entries(user: Any, items: Any) -> list[TimelineEntry]:
    readable = access.readable_agenda(user, items.filter(meeting__in=Meeting.objects.visible_to(user)))
    agenda = list(readable.select_related("meeting__team"))
    entries: list[TimelineEntry] = []
    for item in agenda:
        meeting = item.meeting
        entries.append(
            TimelineEntry(
                meeting.date,
                "meeting",
                f"{meeting.get_kind_display()}: {meeting.title}",
                _("Agenda item %(n)s: %(title)s") % {"n": item.order, "title": item.title},
                meeting.get_absolute_url(),
                meeting.get_status_display(),
            )
        )
    ids = [item.pk for item in agenda]
    for decision in Decision.objects.filter(agenda_item_id__in=ids).select_related("meeting"):
        entries.append(
            TimelineEntry(
                decision.meeting.date,
                "decision",
                _("Decision of %(meeting)s") % {"meeting": decision.meeting.title},
                decision.text,
                decision.meeting.get_absolute_url(),
            )
        )
    for action in ActionItem.objects.filter(decision__agenda_item_id__in=ids).select_related("owner_agency"):
        entries.append(
            TimelineEntry(
                action.due_on,
                "action_item",
                _("Action item for %(agency)s") % {"agency": action.owner_agency},
                action.text,
                action.get_absolute_url(),
                action.get_status_display(),
            )
        )
    return sorted(entries, key=lambda e: (e.day, e.kind), reverse=True)


def for_case(case: Any, user: Any) -> list[TimelineEntry]:
    return _entries(user, AgendaItem.objects.filter(case=case))


def for_ormas(ormas: Any, user: Any) -> list[TimelineEntry]:
    return _entries(user, AgendaItem.objects.filter(ormas=ormas))
