"""The guidance part of the pre-filled annual activity report (services/prefill.py): events the Ormas's people
attended in the year (checked in), with how many came."""

from django.db.models import Count
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from guidance.models import Event, Participant
from registry.models import Ormas
from services.prefill import Item


def events_attended(ormas: Ormas, year: int) -> list[Item]:
    present = (
        Participant.objects.filter(ormas=ormas, checkin__isnull=False, event__starts_at__year=year)
        .values("event_id")
        .annotate(n=Count("pk", distinct=True))
    )
    counts = {row["event_id"]: row["n"] for row in present}
    items = []
    for event in Event.objects.filter(pk__in=counts).select_related("programme"):
        day = timezone.localtime(event.starts_at).date()
        items.append(
            Item(
                _("“%(event)s” (%(programme)s), %(date)s: %(count)d present.")
                % {
                    "event": event.title,
                    "programme": event.programme.name,
                    "date": date_format(day),
                    "count": counts[event.pk],
                },
                on=day.isoformat(),
            )
        )
    return items
