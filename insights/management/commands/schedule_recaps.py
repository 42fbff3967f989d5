"""Monthly (cron, e.g. on the 1st at 06.00): build last period's recaps for every Pimpinan in the background.

Each leader gets the monthly recap of the month that just ended for their office's area; on the first of a quarter
also the quarterly recap, and on 1 January the yearly one. They wait on the leader's downloads page.
"""

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from accounts.models import Role, User
from insights import recaps, tasks
from insights.models import Job


def due_periods(today: dt.date) -> list[tuple[str, dt.date]]:
    previous = today.replace(day=1) - dt.timedelta(days=1)
    due = [("month", previous.replace(day=1))]
    if today.month in (1, 4, 7, 10):
        due.append(("quarter", recaps.period_bounds("quarter", previous)[0]))
    if today.month == 1:
        due.append(("year", previous.replace(month=1, day=1)))
    return due


class Command(BaseCommand):
    help = "Queue last period's recaps (month, and quarter/year at their boundaries) for every Pimpinan."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--date", help="Run as if today were this date (YYYY-MM-DD).")

    def handle(self, *args: Any, date: str | None = None, **options: Any) -> None:
        today = dt.date.fromisoformat(date) if date else timezone.localdate()
        queued = 0
        for user in User.objects.filter(is_active=True, role=Role.LEADER, office__isnull=False):
            for period, start in due_periods(today):
                first, last = recaps.period_bounds(period, start)
                if Job.objects.filter(
                    user=user, kind=Job.Kind.RECAP, name=period, params__start=first.isoformat()
                ).exists():
                    continue
                job = Job.objects.create(
                    user=user,
                    kind=Job.Kind.RECAP,
                    name=period,
                    title=f"{period} {first:%Y-%m-%d} – {last:%Y-%m-%d}",
                    total=recaps.STEPS,
                    params={"period": period, "start": first.isoformat(), "regency": "", "language": "id"},
                )
                tasks.build_recap.enqueue(job.pk)
                queued += 1
        self.stdout.write(f"{queued} recaps queued.")
