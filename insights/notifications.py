"""In-app notifications: what needs a user now (decisions waiting, deadlines past or near, requests to answer).

refresh(user) turns the current state into notifications, each at most once per matter (the key), through the same
read models as the dashboard, so a notification never names a record the user could not open. The daily command
`notify` refreshes every staff user and e-mails the digests people asked for; opening the bell refreshes too.
"""

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from accounts.models import Role
from complaints.models import Complaint
from insights import dashboard
from insights.models import Notification, NotificationSettings
from opportunities.models import Offer
from partnerships.models import Partnership
from portal.models import WithholdingRequest
from registry.models import Ormas
from services.models import Application

DUE_SOON_DAYS = 3
PER_KIND = 20


def _items(user: Any, today: dt.date) -> list[tuple[str, str, str]]:
    """(key, text, link) for everything that needs `user` today."""
    items: list[tuple[str, str, str]] = []
    for application in dashboard.waiting_for_decision(user):
        items.append(
            (
                f"decide:{application.reference}",
                _("%(ref)s (%(service)s, %(ormas)s) waits for your decision")
                % {"ref": application.reference, "service": application.service_type, "ormas": application.ormas},
                reverse("services:application-detail", args=[application.reference]),
            )
        )
    if user.role in (Role.OFFICER, Role.LEADER):
        open_apps = Application.objects.for_officer(user).exclude(status=Application.Status.DRAFT).open()
        open_apps = open_apps.exclude(status=Application.Status.CHANGES_REQUESTED)
        for application in open_apps.filter(decision_due__lte=today + dt.timedelta(days=DUE_SOON_DAYS)).order_by(
            "decision_due"
        )[:PER_KIND]:
            late = application.decision_due < today  # type: ignore[operator]
            text = (
                _("%(ref)s is past its decision date (%(date)s)") if late else _("%(ref)s must be decided by %(date)s")
            ) % {"ref": application.reference, "date": application.decision_due}
            key = f"{'late' if late else 'due'}:{application.reference}"
            items.append((key, text, reverse("services:application-detail", args=[application.reference])))
        for step in dashboard.overdue_warnings(user, today=today).select_related("case")[:PER_KIND]:
            items.append(
                (
                    f"warning:{step.case.reference}",
                    _("The written warning in case %(ref)s has passed its deadline: decide the next step")
                    % {"ref": step.case.reference},
                    step.case.get_absolute_url(),
                )
            )
        complaints = Complaint.objects.visible_to(user).filter(
            status=Complaint.Status.RECEIVED, triage_due_on__lt=today
        )
        for complaint in complaints[:PER_KIND]:
            items.append(
                (
                    f"triage:{complaint.pk}",
                    _("Complaint %(ref)s is waiting to be assessed") % {"ref": complaint.reference},
                    complaint.get_absolute_url(),
                )
            )
        pending = WithholdingRequest.objects.filter(
            status=WithholdingRequest.Status.PENDING,
            ormas__in=Ormas.objects.visible_to(user).order_by().values("pk"),
        ).select_related("ormas")
        for request in pending[:PER_KIND]:
            items.append(
                (
                    f"withholding:{request.pk}",
                    _("%(ormas)s asks to withhold details from its public card") % {"ormas": request.ormas},
                    reverse("portal:withholding-decide", args=[request.pk]),
                )
            )
        # A partner's offer waits for the office's approval; an Ormas's proposed partnership for an officer's check.
        for offer in (
            Offer.objects.for_officer(user).filter(status=Offer.Status.SUBMITTED).select_related("party")[:PER_KIND]
        ):
            items.append(
                (
                    f"offer:{offer.pk}",
                    _("%(party)s's opportunity “%(title)s” waits for approval")
                    % {"party": offer.party, "title": offer.title},
                    offer.get_absolute_url(),
                )
            )
        proposed = Partnership.objects.visible_to(user).filter(status=Partnership.Status.PROPOSED)
        for partnership in proposed.select_related("ormas")[:PER_KIND]:
            items.append(
                (
                    f"partnership:{partnership.pk}",
                    _("%(ormas)s proposes a partnership to confirm: %(title)s")
                    % {"ormas": partnership.ormas, "title": partnership.title},
                    reverse("partnerships:detail", args=[partnership.pk]),
                )
            )
    return items


def refresh(user: Any, *, today: dt.date | None = None) -> int:
    """Create the notifications that are due for `user` and not yet known; returns how many are new."""
    if not getattr(user, "is_staff_role", False):
        return 0
    today = today or timezone.localdate()
    items = _items(user, today)
    known = set(
        Notification.objects.filter(user=user, key__in=[k for k, _t, _l in items]).values_list("key", flat=True)
    )
    new = [Notification(user=user, key=k, text=t[:300], link=url) for k, t, url in items if k not in known]
    Notification.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


def unread(user: Any) -> QuerySet[Notification]:
    return Notification.objects.filter(user=user, read_at__isnull=True)


def send_digest(user: Any, *, today: dt.date | None = None) -> bool:
    """E-mail the unread notifications not e-mailed yet, if the user chose a digest due today. True if sent."""
    today = today or timezone.localdate()
    choice = NotificationSettings.objects.filter(user=user).values_list("digest", flat=True).first()
    if choice not in (NotificationSettings.Digest.DAILY, NotificationSettings.Digest.WEEKLY) or not user.email:
        return False
    if choice == NotificationSettings.Digest.WEEKLY and today.weekday() != 0:
        return False
    pending = list(unread(user).filter(emailed_at__isnull=True)[:50])
    if not pending:
        return False
    with override(getattr(settings, "LANGUAGE_CODE", "id")):
        subject = _("Wadah: %(count)d things need you") % {"count": len(pending)}
        lines = [f"- {n.text}\n  {settings.SITE_URL}{n.link}" for n in pending]
        body = _("Good morning. These need you in Wadah:") + "\n\n" + "\n".join(lines)
    send_mail(subject, body, None, [user.email])
    Notification.objects.filter(pk__in=[n.pk for n in pending]).update(emailed_at=timezone.now())
    return True
