"""Daily (cron, beside send_reminders): e-mail the accounts of Ormas that accepted an event starting within the
next two days, once per invitation (Invitation.reminded_at), so running it twice sends nothing new."""

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import Role, User
from guidance.models import Event, Invitation
from wadah.lib.urls import absolute_url

LEAD_TIME = dt.timedelta(days=2)


class Command(BaseCommand):
    help = "E-mail Ormas accounts about guidance events they accepted that start within two days (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        sent = 0
        due = Invitation.objects.filter(
            status=Invitation.Status.ACCEPTED,
            reminded_at__isnull=True,
            event__status=Event.Status.SCHEDULED,
            event__starts_at__gt=now,
            event__starts_at__lte=now + LEAD_TIME,
        ).select_related("event", "ormas")
        with translation.override(settings.LANGUAGE_CODE):
            for invitation in due:
                with transaction.atomic():
                    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
                    if locked.reminded_at is not None:
                        continue
                    recipients = list(
                        User.objects.filter(ormas=invitation.ormas, role=Role.ORMAS_ACCOUNT, is_active=True)
                        .exclude(email="")
                        .values_list("email", flat=True)
                    )
                    if recipients:
                        start = timezone.localtime(invitation.event.starts_at)
                        send_mail(
                            _("Reminder: %(event)s") % {"event": invitation.event.title},
                            _(
                                "%(event)s starts on %(date)s at %(time)s (%(venue)s). Your participants' QR codes: %(url)s"
                            )
                            % {
                                "event": invitation.event.title,
                                "date": start.strftime("%d-%m-%Y"),
                                "time": start.strftime("%H.%M"),
                                "venue": invitation.event.venue_name or invitation.event.online_url,
                                "url": absolute_url(reverse("guidance:ormas-invitation", args=[invitation.pk])),
                            },
                            None,
                            recipients,
                        )
                        sent += 1
                    locked.reminded_at = timezone.now()
                    locked.save(update_fields=["reminded_at"])
        self.stdout.write(f"event reminders: {sent}")
