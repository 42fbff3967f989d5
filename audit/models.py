"""The audit trail: who did what, when, and what changed. Written only by actions, never edited or deleted."""

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImmutableEntryError(Exception):
    pass


class EntryQuerySet(models.QuerySet["Entry"]):
    def update(self, **kwargs: Any) -> int:
        raise ImmutableEntryError("audit entries cannot be changed")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise ImmutableEntryError("audit entries cannot be deleted")


class Entry(models.Model):
    """One recorded event. `changes` holds {field: [before, after]} for edits; `data` holds anything else."""

    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("by")
    )
    action = models.CharField(_("action"), max_length=60)
    subject_type = models.ForeignKey(ContentType, models.PROTECT, related_name="+")
    subject_id = models.CharField(max_length=40)
    subject_repr = models.CharField(max_length=300)
    # Everything about one Ormas (its chapters, board, documents) shows in that Ormas's Riwayat.
    ormas = models.ForeignKey("registry.Ormas", models.PROTECT, null=True, blank=True, related_name="audit_entries")
    # What the entry is about when that record has its own reading rule (audit/visibility.py): a record kind
    # ("supervision.case", "supervision.casenote", "complaints.complaint" …) and its id. "" = the Ormas's history.
    about = models.CharField(max_length=60, blank=True, default="")
    about_id = models.PositiveBigIntegerField(null=True, blank=True)
    # The keys of changes/data holding a person's details, masked for roles without personal-data access.
    personal = models.JSONField(default=list, blank=True)
    changes = models.JSONField(default=dict, encoder=DjangoJSONEncoder)
    data = models.JSONField(default=dict, encoder=DjangoJSONEncoder)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        indexes = [
            models.Index(fields=["ormas", "-at"]),
            models.Index(fields=["subject_type", "subject_id"]),
            models.Index(fields=["actor", "-at"]),
            models.Index(fields=["about", "about_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.subject_repr}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ImmutableEntryError("audit entries cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ImmutableEntryError("audit entries cannot be deleted")
