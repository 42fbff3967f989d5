"""Daily (cron in production): first records the periods that have passed (an application the office did not
decide in time is deemed granted, one whose corrections did not come in time lapses: services.actions), then the
reminders: officers about applications due within 2 working days or overdue,
Ormas accounts about SKTs expiring within the reminder lead time (Period "skt-expiry-reminder") and 30 days.

Idempotent: each reminder is logged in ReminderLog, so a second run on the same day sends nothing new, and an
SKT reminder for a given threshold is sent once.
"""

import datetime as dt
from collections import defaultdict
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import Role, User
from registry.models import Ormas
from services import actions
from services.models import Application, ReminderLog
from wadah.lib.urls import absolute_url
from workdays.engine import days_left
from workdays.models import Period

DUE_WITHIN = 2  # working days
SKT_SECOND_REMINDER = 30  # calendar days before expiry
# The office's own clock runs in these states (corrections are the applicant's turn).
OFFICE_STATES = (
    Application.Status.SUBMITTED,
    Application.Status.IN_REVIEW,
    Application.Status.RESUBMITTED,
    Application.Status.FIELD_CHECK,
    # Granted by law when the period lapsed: the office still owes the letter, every day until it is issued.
    Application.Status.DEEMED_GRANTED,
)


def _log_once(key: str, recipient: str, today: dt.date) -> bool:
    """Record a reminder; False if it was already sent (to this recipient, on this day)."""
    try:
        with transaction.atomic():
            ReminderLog.objects.create(key=key, sent_on=today, recipient=recipient)
    except IntegrityError:
        return False
    return True


class Command(BaseCommand):
    help = "Send the daily deadline and SKT expiry reminders (safe to run more than once a day)."

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        # First the periods that have passed (never silent): deemed decisions and lapsed corrections are recorded,
        # audited and told to the applicant before the day's reminders go out.
        deemed, lapsed = actions.apply_lapsed_periods(today)
        with translation.override(settings.LANGUAGE_CODE):
            officers = self.remind_officers(today)
            ormas = self.remind_skt(today)
        self.stdout.write(
            f"deemed granted: {deemed}, lapsed: {lapsed}, officer e-mails: {officers}, SKT e-mails: {ormas}"
        )

    def remind_officers(self, today: dt.date) -> int:
        due: dict[str, list[tuple[Application, int]]] = defaultdict(list)
        applications = Application.objects.filter(status__in=OFFICE_STATES, decision_due__isnull=False).select_related(
            "office", "ormas", "service_type"
        )
        staff = User.objects.filter(is_active=True, role__in=[Role.OFFICER, Role.LEADER]).exclude(email="")
        by_office: dict[int, list[str]] = defaultdict(list)
        for user in staff:
            if user.office_id:
                by_office[user.office_id].append(user.email)
        for application in applications:
            assert application.decision_due is not None
            left = days_left(application.decision_due, today=today, region_code=application.office.region_id)
            if left > DUE_WITHIN:
                continue
            for email in by_office.get(application.office_id, []):
                if _log_once(f"due:{application.pk}", email, today):
                    due[email].append((application, left))
        for email, rows in due.items():
            lines = [
                ngettext(
                    "Applications due within %(n)d working day or overdue:",
                    "Applications due within %(n)d working days or overdue:",
                    DUE_WITHIN,
                )
                % {"n": DUE_WITHIN},
                "",
            ]
            for application, left in sorted(rows, key=lambda r: r[1]):
                when = (
                    ngettext("overdue by %(n)d working day", "overdue by %(n)d working days", -left) % {"n": -left}
                    if left < 0
                    else ngettext("%(n)d working day left", "%(n)d working days left", left) % {"n": left}
                )
                if application.status == Application.Status.DEEMED_GRANTED:
                    when += " · " + _("deemed granted by law: issue the letter")
                lines.append(
                    f"- {application.reference} · {application.ormas.name} · {application.service_type.name} · {when}"
                )
                lines.append("  " + absolute_url(application.get_absolute_url()))
            subject = ngettext("Wadah: %(n)d application due soon", "Wadah: %(n)d applications due soon", len(rows))
            send_mail(subject % {"n": len(rows)}, "\n".join(lines), None, [email])
        return len(due)

    def remind_skt(self, today: dt.date) -> int:
        period = Period.objects.filter(code="skt-expiry-reminder").first()
        lead = period.days if period else 90
        sent = 0
        candidates = Ormas.objects.filter(
            legal_form=Ormas.LegalForm.UNINCORPORATED,
            skt_expires_on__gte=today,
            skt_expires_on__lte=today + dt.timedelta(days=lead),
        ).exclude(status=Ormas.Status.DISSOLVED)
        for ormas in candidates:
            assert ormas.skt_expires_on is not None
            remaining = (ormas.skt_expires_on - today).days
            threshold = SKT_SECOND_REMINDER if remaining <= SKT_SECOND_REMINDER else lead
            key = f"skt:{ormas.pk}:{ormas.skt_expires_on.isoformat()}:{threshold}"
            recipients = set(
                User.objects.filter(ormas=ormas, role=Role.ORMAS_ACCOUNT, is_active=True)
                .exclude(email="")
                .values_list("email", flat=True)
            )
            if ormas.email:
                recipients.add(ormas.email)
            for email in sorted(recipients):
                # Once per threshold, not once per day: the same warning every day would be noise.
                if ReminderLog.objects.filter(key=key, recipient=email).exists() or not _log_once(key, email, today):
                    continue
                body = "\n".join(
                    [
                        _("The SKT of %(ormas)s (%(number)s) is valid until %(date)s, in %(days)d days.")
                        % {
                            "ormas": ormas.name,
                            "number": ormas.skt_number,
                            "date": date_format(ormas.skt_expires_on),
                            "days": remaining,
                        },
                        _("Apply for the renewal in Wadah: %(url)s")
                        % {"url": absolute_url(reverse("services:applicant-start", args=["skt-renewal"]))},
                    ]
                )
                send_mail(
                    _("Your SKT expires on %(date)s") % {"date": date_format(ormas.skt_expires_on)}, body, None, [email]
                )
                sent += 1
        return sent
