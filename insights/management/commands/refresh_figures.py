"""Every 10 minutes (cron), and with --all nightly just after midnight: recompute the dashboard's figures.

Without options it recomputes each province whose figures are from an earlier day, were never computed, or are
older than audited changes to its Ormas (looking LATE_COMMIT further back, for transactions that committed late).
The dashboard also queues a refresh itself when it finds its figures behind; this run is the safety net, and the
nightly --all also catches changes that left no audit entry (bulk loads such as generate_national).
"""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from insights import figures
from registry.models import Ormas


class Command(BaseCommand):
    help = "Recompute the dashboard's precomputed figures of provinces that are behind (or of all with --all)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--all", action="store_true", help="Every province with Ormas, behind or not.")
        parser.add_argument("--province", action="append", default=[], help="Only this province code (repeatable).")

    def handle(self, *args: Any, all: bool = False, province: list[str], **options: Any) -> None:
        if province:
            due = province
        elif all:
            due = sorted(set(Ormas.objects.order_by().values_list("province_code", flat=True).distinct()))
        else:
            due = figures.due_provinces(today=timezone.localdate())
        for code in due:
            marker = figures.refresh(code)
            self.stdout.write(
                f"{code}: figures as of {timezone.localtime(marker.as_of):%Y-%m-%d %H:%M:%S} ({marker.seconds:.1f} s)"
            )
        self.stdout.write(f"{len(due)} provinces refreshed.")
