"""Partnerships and networks (kemitraan, jejaring) and community economic empowerment (badan usaha).

* Partner — a body outside the register that Ormas work with: a government body, a company, a university, a forum.
* Partnership — a link of an Ormas with another Ormas or with a partner (MoU, joint activity, membership in a
  forum), with its dates and documents. An officer in scope records it (confirmed at once); an Ormas account
  proposes one for its own Ormas and an officer in scope confirms or declines it (TRANSITIONS).
* BusinessUnit — a badan usaha an Ormas runs or fosters (koperasi, UMKM binaan, BUMDes partnership), with a simple
  yearly record (BusinessUnitYear) that the Ormas reports with its annual activity report.

Every change goes through partnerships/actions.py. Every list reads Partnership.objects.visible_to /
BusinessUnit.objects.visible_to, which follow the registry's rule (Ormas.objects.visible_to).
"""

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from registry.models import Ormas
from wadah.lib.text import normalize
from wadah.lib.workflow import Workflow
from wadah.models import PrivateFile


class Partner(models.Model):
    """A party outside the Ormas register: found again by its normalised name and kind, never typed twice."""

    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("Government body")
        COMPANY = "company", _("Company")
        UNIVERSITY = "university", _("University")
        FORUM = "forum", _("Forum or network")
        DONOR = "donor", _("Donor or foundation")
        OTHER = "other", _("Other")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind)
    name = models.CharField(_("name"), max_length=200)
    name_search = models.CharField(max_length=200, editable=False, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [models.UniqueConstraint(fields=["kind", "name_search"], name="partner_unique_name")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.name_search = normalize(self.name)[:200]
        super().save(*args, **kwargs)


class PartnershipQuerySet(models.QuerySet["Partnership"]):
    def visible_to(self, user: Any) -> "PartnershipQuerySet":
        """Links of an Ormas the user may read in the registry (either side), or of the account's own Ormas."""
        if getattr(user, "role", None) == "pengurus_ormas":
            if not getattr(user, "ormas_id", None):
                return self.none()
            return self.filter(Q(ormas_id=user.ormas_id) | Q(other_ormas_id=user.ormas_id))
        visible = Ormas.objects.visible_to(user)
        return self.filter(Q(ormas__in=visible.values("pk")) | Q(other_ormas__in=visible.values("pk")))

    def current(self) -> "PartnershipQuerySet":
        return self.filter(status=Partnership.Status.CONFIRMED)

    def involving(self, ormas: Ormas) -> "PartnershipQuerySet":
        return self.filter(Q(ormas=ormas) | Q(other_ormas=ormas))


class Partnership(Workflow, models.Model):
    class Kind(models.TextChoices):
        MOU = "mou", _("Memorandum of understanding (MoU)")
        JOINT_ACTIVITY = "joint_activity", _("Joint activity")
        FORUM = "forum_membership", _("Membership in a forum")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed by the Ormas")
        CONFIRMED = "confirmed", _("Confirmed")
        DECLINED = "declined", _("Declined")
        REMOVED = "removed", _("Removed")

    # Which status may follow which. Every move is one action in partnerships/actions.py.
    TRANSITIONS: dict[str, set[str]] = {
        Status.PROPOSED: {Status.CONFIRMED, Status.DECLINED},
        Status.CONFIRMED: {Status.REMOVED},
        Status.DECLINED: set(),
        Status.REMOVED: set(),
    }
    # Statuses that count for the duplicate rule: a declined or removed link may be recorded again.
    LIVE = (Status.PROPOSED, Status.CONFIRMED)

    ormas = models.ForeignKey(Ormas, models.CASCADE, related_name="partnerships", verbose_name=_("Ormas"))
    other_ormas = models.ForeignKey(
        Ormas,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="partnerships_as_other",
        verbose_name=_("other Ormas"),
    )
    partner = models.ForeignKey(
        Partner, models.PROTECT, null=True, blank=True, related_name="partnerships", verbose_name=_("partner")
    )
    kind = models.CharField(_("kind of link"), max_length=20, choices=Kind)
    title = models.CharField(_("subject"), max_length=200, help_text=_("What the partnership is about."))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.PROPOSED, db_index=True)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, related_name="+")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+")
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_note = models.CharField(_("reason"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        constraints = [
            models.CheckConstraint(
                condition=Q(other_ormas__isnull=True, partner__isnull=False)
                | Q(other_ormas__isnull=False, partner__isnull=True),
                name="partnership_one_counterpart",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="partnership_ends_after_start",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "ormas"]),
            models.Index(fields=["status", "other_ormas"]),
        ]

    def __str__(self) -> str:
        return f"{self.ormas} — {self.counterpart_name}: {self.get_kind_display()}"

    @property
    def counterpart_name(self) -> str:
        return str(self.other_ormas or self.partner or "")

    def counterpart_for(self, ormas: Ormas) -> str:
        """The other side, seen from `ormas`."""
        if self.other_ormas_id and self.other_ormas_id == ormas.pk:
            return str(self.ormas)
        return self.counterpart_name

    def is_current(self, on: Any) -> bool:
        return (
            self.status == self.Status.CONFIRMED
            and self.starts_on <= on
            and (self.ends_on is None or self.ends_on >= on)
        )


class PartnershipDocument(PrivateFile):
    """The MoU, minutes or letter of a partnership: stored privately, type sniffed, served after a permission check."""

    partnership = models.ForeignKey(Partnership, models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200, blank=True)
    file = models.FileField(upload_to="partnerships/%Y/%m/")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("partnership document")
        verbose_name_plural = _("partnership documents")

    def __str__(self) -> str:
        return self.title or self.original_name


class BusinessUnitQuerySet(models.QuerySet["BusinessUnit"]):
    def visible_to(self, user: Any) -> "BusinessUnitQuerySet":
        if getattr(user, "role", None) == "pengurus_ormas":
            return self.filter(ormas_id=user.ormas_id) if getattr(user, "ormas_id", None) else self.none()
        return self.filter(ormas__in=Ormas.objects.visible_to(user).values("pk"))


class BusinessUnit(models.Model):
    """A badan usaha of an Ormas (UU 17/2013 Pasal 39): a cooperative, a small business it fosters, a BUMDes tie."""

    class Kind(models.TextChoices):
        COOPERATIVE = "koperasi", _("Cooperative (koperasi)")
        MSME = "umkm_binaan", _("Fostered small business (UMKM binaan)")
        BUMDES = "bumdes", _("Village enterprise partnership (BUMDes)")
        OTHER = "lainnya", _("Other business unit")

    class Sector(models.TextChoices):
        AGRICULTURE = "pertanian", _("Agriculture and plantations")
        FISHERIES = "perikanan", _("Fisheries")
        LIVESTOCK = "peternakan", _("Livestock")
        CRAFTS = "kerajinan", _("Crafts")
        FOOD = "kuliner", _("Food and drink")
        TRADE = "perdagangan", _("Trade")
        SERVICES = "jasa", _("Services")
        TOURISM = "pariwisata", _("Tourism")
        FINANCE = "simpan_pinjam", _("Savings and loans")
        OTHER = "lainnya", _("Other")

    ormas = models.ForeignKey(Ormas, models.CASCADE, related_name="business_units", verbose_name=_("Ormas"))
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind)
    sector = models.CharField(_("sector"), max_length=15, choices=Sector)
    members_involved = models.PositiveIntegerField(_("members involved"), default=0)
    started_on = models.DateField(_("started on"), null=True, blank=True)
    # The kab/kota where the unit works (for the per-kab/kota figures), by default the Ormas's own.
    regency = models.ForeignKey("regions.Region", models.PROTECT, related_name="+", verbose_name=_("regency/city"))
    programme = models.ForeignKey(
        "guidance.Programme",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("guidance programme"),
        help_text=_("The guidance programme that fostered it, if any."),
    )
    registration_number = models.CharField(
        _("registration number"), max_length=80, blank=True, help_text=_("Cooperative's legal-entity number, NIB …")
    )
    bumdes_name = models.CharField(_("BUMDes partner"), max_length=200, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = BusinessUnitQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("business unit")
        verbose_name_plural = _("business units")
        indexes = [models.Index(fields=["regency", "kind"])]

    def __str__(self) -> str:
        return self.name


class BusinessUnitYear(models.Model):
    """What a business unit achieved in one year, as the Ormas reported it with its annual activity report."""

    class RevenueBand(models.TextChoices):
        # The 2 and 15 billion thresholds are those of micro and small enterprises (PP 7/2021 Pasal 35(5), annual
        # sales; UNVERIFIED against the text); the lower bands are for reading small units apart.
        NONE = "none", _("No revenue yet")
        UNDER_50M = "lt50jt", _("Under Rp 50 million")
        UNDER_300M = "lt300jt", _("Rp 50–300 million")
        UNDER_2B = "lt2m", _("Rp 300 million – 2 billion")
        UNDER_15B = "lt15m", _("Rp 2–15 billion")
        OVER_15B = "gte15m", _("Over Rp 15 billion")

    unit = models.ForeignKey(BusinessUnit, models.CASCADE, related_name="years", verbose_name=_("business unit"))
    year = models.PositiveSmallIntegerField(_("year"))
    people_trained = models.PositiveIntegerField(_("people trained"), default=0)
    businesses_started = models.PositiveIntegerField(_("businesses started"), default=0)
    revenue_band = models.CharField(_("revenue band"), max_length=8, choices=RevenueBand, default=RevenueBand.NONE)
    members_involved = models.PositiveIntegerField(_("members involved"), default=0)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("yearly record")
        verbose_name_plural = _("yearly records")
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="business_unit_one_record_a_year")]

    def __str__(self) -> str:
        return f"{self.unit} {self.year}"
