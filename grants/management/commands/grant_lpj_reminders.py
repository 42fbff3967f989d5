"""Daily LPJ reminders (cron): the Ormas of every disbursed grant whose LPJ falls due within REMIND_WITHIN days
or is overdue, by e-mail to its confirmed accounts. Idempotent per day (services' ReminderLog, key grant-lpj:…)."""

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import Role, User
from grants.models import Proposal
from services.models import ReminderLog
from wadah.lib.urls import absolute_url

REMIND_WITHIN = 14  # calendar days before the LPJ due date


def _log_once(key: str, recipient: str, today: dt.date) -> bool:
    try:
        with transaction.atomic():
            ReminderLog.objects.create(key=key, sent_on=today, recipient=recipient)
    except IntegrityError:
        return False
    return True


class Command(BaseCommand):
    help = "Remind Ormas accounts of grant accountability reports (LPJ) due soon or overdue."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--today", type=dt.date.fromisoformat, default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        today = options["today"] or timezone.localdate()
        due = Proposal.objects.filter(
            status=Proposal.Status.DISBURSED, lpj_due__lte=today + dt.timedelta(days=REMIND_WITHIN)
        ).select_related("ormas")
        sent = 0
        with translation.override("id"):
            for proposal in due:
                assert proposal.lpj_due is not None
                accounts = User.objects.filter(role=Role.ORMAS_ACCOUNT, ormas=proposal.ormas, is_active=True)
                for email in {a.email for a in accounts if a.email}:
                    if not _log_once(f"grant-lpj:{proposal.reference}", email, today):
                        continue
                    overdue = proposal.lpj_due < today
                    subject = (_("Grant LPJ overdue: %(ref)s") if overdue else _("Grant LPJ due: %(ref)s")) % {
                        "ref": proposal.reference
                    }
                    body = _(
                        "The accountability report (LPJ) of grant %(ref)s (%(title)s) is due on %(date)s. "
                        "Send it through Wadah: %(url)s\n\nAn overdue LPJ closes the next grant windows to your Ormas."
                    ) % {
                        "ref": proposal.reference,
                        "title": proposal.title,
                        "date": date_format(proposal.lpj_due, "j F Y"),
                        "url": absolute_url(proposal.get_applicant_url()),
                    }
                    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email])
                    sent += 1
        self.stdout.write(f"{sent} LPJ reminder(s) sent.")
