"""An import batch (one uploaded legacy list) and its rows, with the officer's per-row decisions."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from regions.scope import within_q
from wadah.lib.workflow import Workflow


def batch_upload_to(instance: "ImportBatch", filename: str) -> str:
    # The stored name is random: the original name is kept in a column, never used as a path.
    return f"imports/{instance.public_id}.{instance.file_kind or 'bin'}"


class ImportBatchQuerySet(models.QuerySet["ImportBatch"]):
    def visible_to(self, user) -> "ImportBatchQuerySet":
        """Batches made inside the user's office scope (the province office sees its kab/kota offices' too)."""
        scope = getattr(user, "scope_code", None)
        if not getattr(user, "can_edit_registry", False) or not scope:
            return self.none()
        return self.filter(within_q("scope_code", scope))


class ImportBatch(Workflow, models.Model):
    class Status(models.TextChoices):
        MAPPING = "mapping", _("Waiting for column mapping")
        ANALYSING = "analysing", _("Reading and checking rows")
        READY = "ready", _("Ready for review")
        COMMITTING = "committing", _("Importing")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Failed")

    # Which status may follow which. Every move goes through one function in imports/actions.py (ACTION_FOR).
    TRANSITIONS: dict[str, set[str]] = {
        Status.MAPPING: {Status.ANALYSING},
        Status.ANALYSING: {Status.READY, Status.FAILED},
        # Ready: the officer may change the mapping and check again, or confirm the import.
        Status.READY: {Status.ANALYSING, Status.COMMITTING},
        # A commit that is refused or fails rolls back and returns the batch to review.
        Status.COMMITTING: {Status.DONE, Status.READY},
        Status.FAILED: {Status.ANALYSING},
        Status.DONE: set(),
    }

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    scope_code = models.CharField(max_length=13, db_index=True)
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    file = models.FileField(upload_to=batch_upload_to)
    file_kind = models.CharField(max_length=5)  # xlsx, xls, ods, csv
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(default=0)
    sheet_name = models.CharField(max_length=100, blank=True)

    header_row = models.PositiveIntegerField(default=0)  # 0-based index of the (first) header row
    header_rows = models.PositiveSmallIntegerField(default=1)  # 2 when a merged two-line header was combined
    columns = models.JSONField(default=list)  # source column headings, in order
    mapping = models.JSONField(default=dict)  # {column index as str: target field}
    default_region = models.ForeignKey(
        "regions.Region", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("default village")
    )

    status = models.CharField(max_length=12, choices=Status, default=Status.MAPPING)
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    skipped_count = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    committed_at = models.DateTimeField(null=True, blank=True)
    committed_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+")

    objects = ImportBatchQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import batch")
        verbose_name_plural = _("import batches")

    def __str__(self) -> str:
        return self.original_name

    @property
    def percent(self) -> int:
        return int(100 * self.processed / self.total) if self.total else 0

    @property
    def is_running(self) -> bool:
        return self.status in (self.Status.ANALYSING, self.Status.COMMITTING)


class ImportRow(models.Model):
    class State(models.TextChoices):
        OK = "ok", _("OK")
        ERROR = "error", _("Error")
        DUPLICATE = "duplicate", _("Possible duplicate")
        BLANK = "blank", _("Blank")

    class Action(models.TextChoices):
        UNDECIDED = "", _("Choose…")
        CREATE = "create", _("Create new")
        UPDATE = "update", _("Update the matched Ormas")
        SKIP = "skip", _("Skip")

    batch = models.ForeignKey(ImportBatch, models.CASCADE, related_name="rows")
    number = models.PositiveIntegerField()  # the row number as the spreadsheet program shows it (1-based)
    raw = models.JSONField(default=list)
    values = models.JSONField(default=dict)  # parsed values, dates as ISO strings
    errors = models.JSONField(default=list)
    warnings = models.JSONField(default=list)
    matches = models.JSONField(default=list)  # [{"id", "name", "score"}], best first
    state = models.CharField(max_length=10, choices=State, default=State.OK)
    # Same name as an earlier row of the file, or a match of ≥ 90 with a registered Ormas — whatever the state, so
    # the preview's "possible duplicates" counts every row it flags (a duplicate row with errors is still one).
    possible_duplicate = models.BooleanField(default=False)
    action = models.CharField(max_length=6, choices=Action, blank=True)
    target = models.ForeignKey("registry.Ormas", models.SET_NULL, null=True, blank=True, related_name="+")
    result = models.ForeignKey("registry.Ormas", models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["batch", "number"]
        indexes = [models.Index(fields=["batch", "state", "number"]), models.Index(fields=["batch", "action"])]

    def __str__(self) -> str:
        return f"{self.batch_id}:{self.number}"

    @property
    def best_score(self) -> int:
        return self.matches[0]["score"] if self.matches else 0


class HeadingSynonym(models.Model):
    """A column heading as offices write it ("TGL. TERBIT", "KET") and the field it means. Kept as data so an
    administrator can add the next office's wording without a release; seeded by migration 0002."""

    heading = models.CharField(
        _("heading"),
        max_length=100,
        unique=True,
        help_text=_("Compared without case, accents and punctuation: “Tgl. Terbit” and “TGL TERBIT” are the same."),
    )
    target = models.CharField(_("means"), max_length=20)  # a key of imports.columns.TARGETS (checked in clean())
    weak = models.BooleanField(
        _("generic on its own"),
        default=False,
        help_text=_("Counts only with a heading above it in a two-line header (e.g. “Nomor” under “SKT”)."),
    )
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["target", "heading"]
        verbose_name = _("column heading synonym")
        verbose_name_plural = _("column heading synonyms")

    def __str__(self) -> str:
        return f"{self.heading} → {self.target}"
