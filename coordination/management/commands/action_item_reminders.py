"""Daily: e-mail the owner agency's members and the team's secretariat about overdue action items.

Idempotent per day: an ActionItemReminder row (item, date) is written with each reminder, so a second run the same
day sends nothing. An overdue item is reminded once a day until it is closed or cancelled.
"""

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import Role, User
from coordination.models import ActionItem, ActionItemReminder
from wadah.lib.urls import absolute_url


def recipients(item: ActionItem) -> list[str]:
    """Members of the owner agency, and the officers of the team's secretariat office."""
    users = User.objects.filter(is_active=True).exclude(email="")
    users = users.filter(
        Q(role=Role.AGENCY_MEMBER, agency_id=item.owner_agency_id)
        | Q(role__in=[Role.OFFICER, Role.LEADER], office_id=item.team.office_id)
    )
    return sorted(set(users.values_list("email", flat=True)))


def send_reminders(today: dt.date | None = None) -> int:
    today = today or timezone.localdate()
    sent = 0
    for item in ActionItem.objects.overdue(today).select_related("team", "owner_agency", "meeting"):
        try:
            with transaction.atomic():
                ActionItemReminder.objects.create(item=item, sent_on=today)
        except IntegrityError:
            continue
        to = recipients(item)
        if not to:
            continue
        with translation.override(settings.LANGUAGE_CODE):
            subject = _("Overdue action item of %(agency)s (due %(due)s)") % {
                "agency": item.owner_agency,
                "due": item.due_on.strftime("%d-%m-%Y"),
            }
            body = "\n".join(
                [
                    item.text,
                    _("Meeting: %(meeting)s") % {"meeting": item.meeting.title},
                    _("Close it with its evidence: %(url)s") % {"url": absolute_url(item.get_absolute_url())},
                ]
            )
        send_mail(subject, body, None, to)
        sent += 1
    return sent


class Command(BaseCommand):
    help = "E-mail the owner agencies and the secretariats about overdue action items (run daily)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Action item reminders sent: {send_reminders()}")
