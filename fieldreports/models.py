"""Field reports (laporan lapangan) of the Tim Terpadu: what an agency member saw an Ormas doing, where and when.

A report belongs to the compartment of its author's agency (supervision/compartments.py): that agency reads it, and so
do the Kesbangpol officers who handle the case it is attached to — or, while it is not attached to a case, the
Kesbangpol staff whose region contains the place. Other agencies read it only once it is shared with them.
"""

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from supervision.compartments import readable
from wadah.lib.workflow import Workflow
from wadah.models import PrivateFile

if TYPE_CHECKING:
    from accounts.models import User


class Classification(models.TextChoices):
    ROUTINE = "routine", _("Routine")
    OF_CONCERN = "of_concern", _("Of concern")
    POSSIBLE_VIOLATION = "possible_violation", _("Possible violation")
    URGENT = "urgent", _("Urgent")


# The prohibitions of UU 17/2013 Pasal 59 as amended by UU 16/2017 (domain.md §5.4), in the words a reporter uses.
class Prohibition(models.TextChoices):
    GOVERNMENT_SYMBOLS = "59(1)(a)", _("Pasal 59(1)(a): uses the name or symbols of a government body")
    FOREIGN_SYMBOLS = (
        "59(1)(b)",
        _("Pasal 59(1)(b): uses the name or symbols of another state or an international body without permission"),
    )
    OTHER_ORMAS_NAME = "59(1)(c)", _("Pasal 59(1)(c): uses the name or symbols of another Ormas or a political party")
    DONATIONS = "59(2)", _("Pasal 59(2): unlawful donations or fundraising for a political party")
    SARA_HOSTILITY = "59(3)(a)", _("Pasal 59(3)(a): hostility against ethnic, religious, racial or other groups")
    BLASPHEMY = "59(3)(b)", _("Pasal 59(3)(b): misuse or insult of a religion")
    VIOLENCE = "59(3)(c)", _("Pasal 59(3)(c): violence, disturbing public order or damaging facilities")
    VIGILANTISM = "59(3)(d)", _("Pasal 59(3)(d): acting as law enforcement (sweeping)")
    SEPARATISM = "59(4)", _("Pasal 59(4): separatism or teachings against Pancasila")


# The classifications that count as a risk signal on the Ormas's record (insights/risk.py).
ALARMING = (Classification.POSSIBLE_VIOLATION, Classification.URGENT)


class FieldReportQuerySet(models.QuerySet["FieldReport"]):
    def submitted(self) -> "FieldReportQuerySet":
        return self.filter(status=FieldReport.Status.SUBMITTED)

    def visible_to(self, user: "User") -> "FieldReportQuerySet":
        """Everything this user may read: their own drafts, and submitted reports the compartment rule opens."""
        if not getattr(user, "is_authenticated", False) or not getattr(user, "is_staff_role", False):
            return self.none()
        own_drafts = self.filter(status=FieldReport.Status.DRAFT, author=user)
        submitted = readable(user, self.submitted())
        return self.filter(Q(pk__in=own_drafts.values("pk")) | Q(pk__in=submitted.values("pk")))


class FieldReport(Workflow, models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")

    # draft → submitted; a submitted report is a record and is not edited again (attach it, share it, add nothing).
    TRANSITIONS: dict[str, set[str]] = {Status.DRAFT: {Status.SUBMITTED}, Status.SUBMITTED: set()}

    Classification = Classification
    Prohibition = Prohibition
    # Where an unattached report lies, for the compartment rule (supervision/compartments.py).
    COMPARTMENT_REGION_FIELD = "region__code"

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="field_reports", verbose_name=_("author")
    )
    # The compartment: the author's agency when the report was started (Kesbangpol's own for its staff).
    agency = models.ForeignKey(
        "accounts.Agency", models.PROTECT, related_name="field_reports", verbose_name=_("agency")
    )
    ormas = models.ForeignKey(
        "registry.Ormas",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="field_reports",
        verbose_name=_("Ormas"),
    )
    ormas_text = models.CharField(
        _("Ormas (as seen)"),
        max_length=255,
        blank=True,
        help_text=_("The name as written on banners or uniforms, or a description if the Ormas is not registered."),
    )
    region = models.ForeignKey(
        "regions.Region", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("region")
    )
    place = models.CharField(_("place"), max_length=300, blank=True)
    observed_on = models.DateField(_("date observed"), null=True, blank=True)
    observed_at = models.TimeField(_("time observed"), null=True, blank=True)
    activity = models.TextField(_("activity"), blank=True, help_text=_("What the Ormas was doing."))
    observations = models.TextField(_("observations"), blank=True)
    classification = models.CharField(_("classification"), max_length=20, choices=Classification, blank=True)
    prohibition = models.CharField(_("prohibition (Pasal 59)"), max_length=10, choices=Prohibition, blank=True)
    case = models.ForeignKey(
        "supervision.Case",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="field_reports",
        verbose_name=_("case"),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT, db_index=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    objects = FieldReportQuerySet.as_manager()

    class Meta:
        ordering = ["-observed_on", "-created_at", "-id"]
        verbose_name = _("field report")
        verbose_name_plural = _("field reports")
        indexes = [
            models.Index(fields=["ormas", "classification", "observed_on"]),
            models.Index(fields=["agency", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.reference} — {self.ormas_label}"

    def get_absolute_url(self) -> str:
        return reverse("fieldreports:detail", args=[self.pk])

    @property
    def reference(self) -> str:
        return f"LL-{self.pk or 0:06d}"

    @property
    def ormas_label(self) -> str:
        if self.ormas_id:
            return self.ormas.name  # type: ignore[union-attr]
        return self.ormas_text or str(_("Ormas not named"))

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    def is_alarming(self) -> bool:
        return self.classification in ALARMING


class FieldReportPhoto(PrivateFile):
    """A photo from the field, stored privately; position and time come from the phone when the reporter allows it."""

    report = models.ForeignKey(FieldReport, models.CASCADE, related_name="photos", verbose_name=_("field report"))
    file = models.FileField(_("photo"), upload_to="field-reports/%Y/%m/")
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    accuracy = models.PositiveIntegerField(_("accuracy (m)"), null=True, blank=True)
    taken_at = models.DateTimeField(_("taken"), null=True, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("field report photo")
        verbose_name_plural = _("field report photos")

    def __str__(self) -> str:
        return self.file.name or ""

    def get_absolute_url(self) -> str:
        return reverse("fieldreports:photo", args=[self.pk])

    @property
    def has_position(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def position_text(self) -> str:
        return f"{self.latitude}, {self.longitude}" if self.has_position else ""

    def meta(self) -> dict[str, Any]:
        return {"latitude": self.latitude, "longitude": self.longitude, "accuracy": self.accuracy}
