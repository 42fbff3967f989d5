"""Daily (cron or systemd timer): refresh every staff user's notifications and send the e-mail digests due today."""

from typing import Any

from django.core.management.base import BaseCommand

from accounts.models import STAFF_ROLES, User
from insights import notifications


class Command(BaseCommand):
    help = "Create the notifications that are due for every staff user and e-mail the digests due today."

    def handle(self, *args: Any, **options: Any) -> None:
        created = sent = 0
        for user in User.objects.filter(is_active=True, role__in=STAFF_ROLES).select_related("office", "agency"):
            created += notifications.refresh(user)
            sent += notifications.send_digest(user)
        self.stdout.write(f"{created} new notifications, {sent} digests sent.")
