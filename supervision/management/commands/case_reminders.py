"""Daily: e-mail the handling officers about written warnings whose compliance window has ended.

Idempotent per day: a ReminderLog row (step, date) is written with each reminder, so a second run the same day
sends nothing. A window that ended keeps being reminded once a day until the officer records the compliance
result (the case then leaves status written_warning).
"""

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand
from django.db import IntegrityError, transaction
from django.utils import timezone

from supervision import tasks
from supervision.models import Case, CaseStep, ReminderLog


def send_reminders(today: dt.date | None = None) -> int:
    today = today or timezone.localdate()
    sent = 0
    due = CaseStep.objects.filter(
        kind=CaseStep.Kind.WRITTEN_WARNING, deadline__lt=today, case__status=Case.Status.WRITTEN_WARNING
    ).select_related("case")
    for step in due:
        try:
            with transaction.atomic():
                ReminderLog.objects.create(step=step, sent_on=today)
        except IntegrityError:
            continue
        tasks.notify_officers.enqueue(step.case_id, "window_ended")
        sent += 1
    return sent


class Command(BaseCommand):
    help = "E-mail officers about written warnings whose 7-working-day window has ended (run daily)."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_reminders()
        self.stdout.write(f"Case reminders sent: {sent}")
