"""What the public register publishes: per-field rules an admin keeps as data, and an Ormas's request to withhold a
field from its public card, decided by an officer.

The core of a register is always public and not configurable: the name, the legal form, the status and the kab/kota
(UU 17/2013: registration is a public act). Everything else on the card has a rule here; a field whose rule is off is
shown to nobody, and a field withheld for one Ormas (an officer granted its request) is left off that Ormas's card,
its row in the directory, the API and the bulk CSV alike (portal/register.py applies both).
"""

from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.utils.translation import gettext_lazy as _


class CardField(models.TextChoices):
    ABBREVIATION = "abbreviation", _("Abbreviation")
    LOGO = "logo", _("Logo")
    REGISTRATION = "registration", _("Registration number (SKT or SK AHU)")
    VALIDITY = "validity", _("Validity of the registration")
    FIELDS = "fields", _("Fields of activity (bidang)")
    SECRETARIAT = "secretariat", _("Secretariat (kelurahan/desa and kecamatan)")
    ACTIVITY_REPORT = "activity_report", _("Year of the last activity report")
    SANCTIONS = "sanctions", _("Final sanctions")


# Fields an Ormas may not ask to withhold: a sanction in force is published in the public interest (UU 16/2017).
NOT_WITHHOLDABLE = {CardField.SANCTIONS, CardField.REGISTRATION, CardField.VALIDITY}


class PublicationRule(models.Model):
    """Whether one field of the public card is published at all, and why (kept as data: the policy may change)."""

    field = models.CharField(_("field"), max_length=30, choices=CardField, unique=True)
    published = models.BooleanField(_("published"), default=True)
    basis = models.CharField(
        _("basis"), max_length=300, blank=True, help_text=_("Why this field is (or is not) published.")
    )

    class Meta:
        ordering = ["field"]
        verbose_name = _("publication rule")
        verbose_name_plural = _("publication rules")

    def __str__(self) -> str:
        return f"{self.get_field_display()}: {_('published') if self.published else _('not published')}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        super().save(*args, **kwargs)
        # portal/register.py keeps the rules for a minute; this process sees the change at once.
        cache.delete("portal:unpublished")


class WithholdingRequest(models.Model):
    """An Ormas asks that some fields be left off its public card; an officer of its area grants or refuses."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a decision")
        GRANTED = "granted", _("Granted")
        REFUSED = "refused", _("Refused")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    TRANSITIONS: dict[str, set[str]] = {
        Status.PENDING: {Status.GRANTED, Status.REFUSED, Status.WITHDRAWN},
        # A granted request can be withdrawn by the Ormas (the field is published again).
        Status.GRANTED: {Status.WITHDRAWN},
        Status.REFUSED: set(),
        Status.WITHDRAWN: set(),
    }

    ormas = models.ForeignKey(
        "registry.Ormas", models.CASCADE, related_name="withholding_requests", verbose_name=_("Ormas")
    )
    fields = models.JSONField(_("fields"), default=list)
    reason = models.TextField(_("reason"))
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PENDING, db_index=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("requested by")
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("decided by")
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = _("withholding request")
        verbose_name_plural = _("withholding requests")
        indexes = [models.Index(fields=["ormas", "status"])]

    def __str__(self) -> str:
        return f"{self.ormas}: {', '.join(self.field_labels)}"

    @property
    def field_labels(self) -> list[str]:
        labels = dict(CardField.choices)
        return [str(labels.get(f, f)) for f in self.fields]
