"""Telling Ormas of a new opportunity they qualify for: an in-app notice (the board marks it "new") and an e-mail
to the Ormas's confirmed accounts, in Indonesian. Run after the publication commits (a django task)."""

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import Role, User
from opportunities import matching
from opportunities.models import Offer, OfferNotice
from regions.scope import within
from wadah.lib.urls import absolute_url


@task()
def notify_qualifying_ormas(offer_id: int) -> int:
    """Notices (and e-mails) for every Ormas with an account that qualifies for the offer; returns how many."""
    offer = Offer.objects.select_related("office", "party").get(pk=offer_id)
    if offer.status != Offer.Status.PUBLISHED:
        return 0
    accounts = User.objects.filter(role=Role.ORMAS_ACCOUNT, is_active=True, ormas__isnull=False).select_related("ormas")
    by_ormas: dict[int, list[User]] = {}
    for account in accounts:
        if within(account.ormas.region_id, offer.office.region_id):  # type: ignore[union-attr]
            by_ormas.setdefault(account.ormas_id, []).append(account)  # type: ignore[arg-type]
    told = 0
    for users in by_ormas.values():
        ormas = users[0].ormas
        assert ormas is not None
        if not matching.qualifies(offer, ormas).eligible:
            continue
        notice, created = OfferNotice.objects.get_or_create(offer=offer, ormas=ormas)
        if not created:
            continue
        told += 1
        emails = sorted({user.email for user in users if user.email})
        if not emails:
            continue
        with translation.override(settings.LANGUAGE_CODE):
            subject = _("Wadah: a new opportunity for %(ormas)s") % {"ormas": ormas.name}
            body = _(
                "%(party)s offers “%(title)s” (%(kind)s). Your Ormas meets its conditions. Apply by %(date)s:\n%(url)s"
            ) % {
                "party": offer.party.name,
                "title": offer.title,
                "kind": offer.get_kind_display(),
                "date": offer.apply_by.strftime("%d-%m-%Y"),
                "url": absolute_url(reverse("opportunities:my-offer", args=[offer.pk])),
            }
        send_mail(subject, body, None, emails)
        OfferNotice.objects.filter(pk=notice.pk).update(emailed_at=timezone.now())
    return told
