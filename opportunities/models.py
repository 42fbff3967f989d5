"""The opportunities board (issue 12 item 3): offers of resources by offering parties (government bodies, companies'
CSR programmes, universities, donors), each with its conditions, and the applications Ormas make to them.

Every change goes through opportunities/actions.py (one action per move in the TRANSITIONS tables); whether an
Ormas qualifies is decided by opportunities/matching.py alone, on top of the grant gate (grants/eligibility.py).

Who reads what (deny by default):
- a partner account (role mitra) reads its own party's offers and the applications to them, nothing else; an
  application shares the Ormas's public identity (name, registration number, kab/kota, bidang), the contact the
  applicant typed and the message, never board members, NIKs or addresses;
- Kesbangpol officers and Pimpinan read the offers of their scope (the offer's office) and their applications;
- an Ormas account reads published offers of its region and its own applications.
"""

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import Role
from regions.scope import within_q
from wadah.lib.workflow import Workflow


class OfferingParty(models.Model):
    """An organisation that offers resources to Ormas. Registered by the system administrator with its accounts."""

    class Kind(models.TextChoices):
        GOVERNMENT = "pemerintah", _("Government body")
        COMPANY = "csr", _("Company (CSR programme)")
        UNIVERSITY = "perguruan_tinggi", _("University")
        DONOR = "donor", _("Donor")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    office = models.ForeignKey(
        "accounts.Office",
        models.PROTECT,
        related_name="+",
        verbose_name=_("Kesbangpol office"),
        help_text=_("The office whose officers approve this party's offers."),
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("offering partner")
        verbose_name_plural = _("offering partners")

    def __str__(self) -> str:
        return self.name


class PartnerAccount(models.Model):
    """Which party a partner user (role mitra) acts for. A user acts for one party at most."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="partner_account", verbose_name=_("user")
    )
    party = models.ForeignKey(OfferingParty, models.PROTECT, related_name="accounts", verbose_name=_("party"))

    class Meta:
        verbose_name = _("partner account")
        verbose_name_plural = _("partner accounts")

    def __str__(self) -> str:
        return f"{self.user} → {self.party}"


def party_id_of(user: Any) -> int | None:
    """The party a signed-in partner acts for; None for anyone else (and for an inactive party)."""
    if getattr(user, "role", None) != Role.PARTNER or not getattr(user, "pk", None):
        return None
    return (
        PartnerAccount.objects.filter(user_id=user.pk, party__is_active=True).values_list("party_id", flat=True).first()
    )


def _officer_scope(user: Any) -> str | None:
    if getattr(user, "role", None) not in (Role.OFFICER, Role.LEADER):
        return None
    return getattr(user, "scope_code", None)


class OfferQuerySet(models.QuerySet["Offer"]):
    def for_officer(self, user: Any) -> "OfferQuerySet":
        scope = _officer_scope(user)
        if not scope:
            return self.none()
        # A draft is the party's own business until it is sent for approval.
        return self.filter(within_q("office__region__code", scope)).exclude(status=Offer.Status.DRAFT)

    def for_party(self, user: Any) -> "OfferQuerySet":
        party = party_id_of(user)
        return self.filter(party_id=party) if party else self.none()

    def published(self) -> "OfferQuerySet":
        return self.filter(status=Offer.Status.PUBLISHED)

    def visible_to(self, user: Any) -> "OfferQuerySet":
        role = getattr(user, "role", None)
        if role == Role.PARTNER:
            return self.for_party(user)
        if role == Role.ORMAS_ACCOUNT and getattr(user, "ormas_id", None):
            return self.filter(Q(status__in=(Offer.Status.PUBLISHED, Offer.Status.CLOSED)))
        return self.for_officer(user)


class Offer(Workflow, models.Model):
    """One offer of a resource, with its own conditions on top of the gate's."""

    class Kind(models.TextChoices):
        TRAINING = "training", _("Training seats")
        EQUIPMENT = "equipment", _("Equipment")
        FUNDING = "funding", _("Funding")
        MENTORING = "mentoring", _("Mentoring")
        MARKET = "market", _("Market access")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Waiting for Kesbangpol's approval")
        PUBLISHED = "published", _("Published")
        CLOSED = "closed", _("Closed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    # Every move is one action in opportunities/actions.py.
    TRANSITIONS: dict[str, set[str]] = {
        Status.DRAFT: {Status.SUBMITTED, Status.WITHDRAWN},
        # The officer publishes it or returns it to the party (back to draft, with a note).
        Status.SUBMITTED: {Status.PUBLISHED, Status.DRAFT},
        Status.PUBLISHED: {Status.CLOSED},
        Status.CLOSED: set(),
        Status.WITHDRAWN: set(),
    }

    party = models.ForeignKey(OfferingParty, models.PROTECT, related_name="offers", verbose_name=_("offered by"))
    office = models.ForeignKey("accounts.Office", models.PROTECT, related_name="+", verbose_name=_("Kesbangpol office"))
    kind = models.CharField(_("kind"), max_length=12, choices=Kind)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("what is offered"))
    seats = models.PositiveIntegerField(
        _("how many Ormas can be served"), null=True, blank=True, help_text=_("Empty: no fixed number.")
    )
    apply_by = models.DateField(_("apply by"))
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.DRAFT, db_index=True)
    gate_rules = models.ManyToManyField(
        "grants.EligibilityRule",
        blank=True,
        related_name="+",
        verbose_name=_("conditions of the eligibility gate that apply"),
    )
    fields = models.ManyToManyField(
        "registry.FieldOfActivity", blank=True, related_name="+", verbose_name=_("fields of activity (bidang)")
    )
    regions = models.ManyToManyField(
        "regions.Region",
        blank=True,
        related_name="+",
        verbose_name=_("regions"),
        help_text=_("None chosen: the whole region of the Kesbangpol office."),
    )
    min_capacity = models.DecimalField(
        _("capacity score at least"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    max_capacity = models.DecimalField(
        _("capacity score at most"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    review_note = models.CharField(_("Kesbangpol's note"), max_length=500, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+")
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OfferQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("opportunities:offer-detail", args=[self.pk])

    def get_partner_url(self) -> str:
        return reverse("opportunities:partner-offer", args=[self.pk])

    def get_ormas_url(self) -> str:
        return reverse("opportunities:my-offer", args=[self.pk])

    def served_count(self) -> int:
        return self.applications.filter(status=OfferApplication.Status.SERVED).count()

    def taken_count(self) -> int:
        return self.applications.filter(status__in=OfferApplication.HOLDS_A_SEAT).count()


class OfferApplicationQuerySet(models.QuerySet["OfferApplication"]):
    def for_party(self, user: Any) -> "OfferApplicationQuerySet":
        party = party_id_of(user)
        return self.filter(offer__party_id=party) if party else self.none()

    def for_officer(self, user: Any) -> "OfferApplicationQuerySet":
        scope = _officer_scope(user)
        return self.filter(within_q("offer__office__region__code", scope)) if scope else self.none()

    def for_ormas_account(self, user: Any) -> "OfferApplicationQuerySet":
        if getattr(user, "role", None) != Role.ORMAS_ACCOUNT or not getattr(user, "ormas_id", None):
            return self.none()
        return self.filter(ormas_id=user.ormas_id)

    def visible_to(self, user: Any) -> "OfferApplicationQuerySet":
        role = getattr(user, "role", None)
        if role == Role.PARTNER:
            return self.for_party(user)
        if role == Role.ORMAS_ACCOUNT:
            return self.for_ormas_account(user)
        return self.for_officer(user)


class OfferApplication(Workflow, models.Model):
    """An Ormas's application to an offer, made through Wadah after the offer's conditions passed."""

    class Status(models.TextChoices):
        APPLIED = "applied", _("Applied")
        ACCEPTED = "accepted", _("Accepted by the partner")
        DECLINED = "declined", _("Not accepted")
        SERVED = "served", _("Served")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    TRANSITIONS: dict[str, set[str]] = {
        Status.APPLIED: {Status.ACCEPTED, Status.DECLINED, Status.WITHDRAWN},
        Status.ACCEPTED: {Status.SERVED, Status.DECLINED, Status.WITHDRAWN},
        Status.SERVED: set(),
        Status.DECLINED: set(),
        Status.WITHDRAWN: set(),
    }
    HOLDS_A_SEAT = (Status.ACCEPTED, Status.SERVED)

    offer = models.ForeignKey(Offer, models.PROTECT, related_name="applications", verbose_name=_("opportunity"))
    ormas = models.ForeignKey(
        "registry.Ormas", models.PROTECT, related_name="offer_applications", verbose_name=_("Ormas")
    )
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.APPLIED, db_index=True)
    # What the application shares with the offering party (typed by the applicant, shown to the party).
    contact_name = models.CharField(_("contact person"), max_length=120)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    message = models.TextField(_("why your Ormas applies"), blank=True)
    eligibility = models.JSONField(_("conditions at application"), default=dict, editable=False)
    applied_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+")
    note = models.CharField(_("partner's note"), max_length=500, blank=True)
    served_on = models.DateField(_("served on"), null=True, blank=True)
    created_at = models.DateTimeField(_("applied"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OfferApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("application to an opportunity")
        verbose_name_plural = _("applications to opportunities")
        constraints = [
            models.UniqueConstraint(
                fields=["offer", "ormas"],
                condition=~Q(status="withdrawn"),
                name="one_live_application_per_offer",
            )
        ]

    def __str__(self) -> str:
        return f"{self.ormas} → {self.offer}"


class OfferNotice(models.Model):
    """One Ormas told of one new offer it qualifies for (in-app "new" mark and e-mail to its accounts)."""

    offer = models.ForeignKey(Offer, models.CASCADE, related_name="notices")
    ormas = models.ForeignKey("registry.Ormas", models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    seen_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["offer", "ormas"], name="one_notice_per_offer_and_ormas")]
        verbose_name = _("opportunity notice")
        verbose_name_plural = _("opportunity notices")

    def __str__(self) -> str:
        return f"{self.offer} → {self.ormas}"
