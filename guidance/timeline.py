"""The guidance part of the Ormas 360 timeline (issue 10 item 6): events the Ormas's people attended and its
capacity assessments, limited to what the viewer may see. insights/ composes it with the other apps' parts."""

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from guidance.models import Assessment, Event, Participant
from registry.models import Ormas


@dataclass(frozen=True)
class TimelineEntry:
    on: dt.date
    kind: str  # "event" | "assessment"
    title: str
    detail: str
    url: str


def guidance_timeline(ormas: Ormas, user: User, *, limit: int = 50) -> list[TimelineEntry]:
    """Newest first. Nothing for a viewer who may not see the Ormas in the registry."""
    if not Ormas.objects.visible_to(user).filter(pk=ormas.pk).exists():
        return []
    entries: list[TimelineEntry] = []
    attended: dict[int, list[str]] = {}
    for participant in Participant.objects.filter(
        ormas=ormas, checkin__isnull=False, event__in=Event.objects.visible_to(user)
    ).select_related("event__programme"):
        attended.setdefault(participant.event_id, []).append(participant.name)
    for event in Event.objects.filter(pk__in=attended).select_related("programme"):
        names = attended[event.pk]
        entries.append(
            TimelineEntry(
                on=timezone.localtime(event.starts_at).date(),
                kind="event",
                title=_("Attended “%(event)s”") % {"event": event.title},
                detail=_("%(programme)s · %(count)s present: %(names)s")
                % {"programme": event.programme.name, "count": len(names), "names": ", ".join(sorted(names))},
                url=event.get_absolute_url(),
            )
        )
    for assessment in Assessment.objects.visible_to(user).filter(ormas=ormas).validated():
        entries.append(
            TimelineEntry(
                on=assessment.assessed_on,
                kind="assessment",
                title=_("Capacity assessed: %(score)s / 100") % {"score": assessment.total},
                detail=str(assessment.get_kind_display()),
                url=reverse("guidance:assessment-detail", args=[assessment.pk]),
            )
        )
    entries.sort(key=lambda e: e.on, reverse=True)
    return entries[:limit]
