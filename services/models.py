"""Services (layanan Ormas): service types whose document checklists are data, and applications with a workflow.

Every change goes through services/actions.py (one action per transition in Application.TRANSITIONS).
"""

import secrets
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from regions.scope import within_q
from wadah.lib.workflow import Workflow
from wadah.models import PrivateFile

if TYPE_CHECKING:
    from registry.models import Ormas

RELIGIOUS_FIELD = "Agama dan keagamaan"
BELIEF_FIELD = "Kepercayaan terhadap Tuhan YME"


class ServiceType(models.Model):
    """A service an Ormas can apply for (lapor keberadaan, perubahan pengurus, …), with its checklist as data."""

    class Proposal(models.TextChoices):
        NONE = "none", _("No data to propose")
        BOARD = "board", _("New board (pengurus)")
        ADDRESS = "address", _("New secretariat address")
        CHAPTER = "chapter", _("Chapter in this region")
        ACTIVITY = "activity", _("The activity to recommend")

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    summary = models.TextField(_("short description"), help_text=_("Shown on the start page: what the service is."))
    eligibility = models.TextField(_("who may apply"), blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=300, blank=True)
    decision_period = models.CharField(
        _("decision period"), max_length=40, default="decision", help_text=_("Code of a working-day period.")
    )
    correction_period = models.CharField(_("correction period"), max_length=40, default="correction")
    letter_kind = models.CharField(_("letter kind"), max_length=40)
    letter_title = models.CharField(_("letter title"), max_length=200)
    proposal = models.CharField(_("proposed data"), max_length=10, choices=Proposal, default=Proposal.NONE)
    checks_name = models.BooleanField(_("check the name for conflicts"), default=False)
    online_allowed = models.BooleanField(_("may be filed online"), default=True)
    requires_field_check = models.BooleanField(_("requires a field check"), default=False)
    open_to_unregistered = models.BooleanField(
        _("open to unregistered Ormas"),
        default=False,
        help_text=_(
            "An Ormas recorded as terdata or in process may apply (the SKT pre-verification: its registration "
            "route). Accepting such an application moves a terdata Ormas to “registration in process”."
        ),
    )
    refused_under_sanction = models.BooleanField(
        _("refused while a sanction is in force"),
        default=False,
        help_text=_("An Ormas under a written warning, a halt of activities or a revocation cannot apply."),
    )
    forwards_to_ministry = models.BooleanField(
        _("forwarded to the Mendagri"),
        default=False,
        help_text=_(
            "Approval issues the berita acara of the document and field checks, the formulir keabsahan dokumen and "
            "the cover letter to the Mendagri c.q. Dirjen Polpum; founders and board must meet the registration "
            "rules."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("service type")
        verbose_name_plural = _("service types")

    def __str__(self) -> str:
        return self.name


class ChecklistItem(models.Model):
    """One document a service asks for, possibly only under a condition about the Ormas or the application."""

    class Condition(models.TextChoices):
        ALWAYS = "always", _("Always")
        RELIGIOUS = "religious", _("Religious Ormas only")
        BELIEF = "belief", _("Ormas concerning belief in God (kepercayaan) only")
        UNINCORPORATED = "unincorporated", _("Ormas without legal-entity status only")
        LEGAL_ENTITY = "legal_entity", _("Legal-entity Ormas only")
        OFFICIALS_ON_BOARD = "officials_on_board", _("Only if officials sit on the board")

    service_type = models.ForeignKey(ServiceType, models.CASCADE, related_name="checklist", verbose_name=_("service"))
    document_type = models.ForeignKey("registry.DocumentType", models.PROTECT, verbose_name=_("document type"))
    required = models.BooleanField(_("required"), default=True)
    condition = models.CharField(_("condition"), max_length=20, choices=Condition, default=Condition.ALWAYS)
    hint = models.CharField(_("hint"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")

    def __str__(self) -> str:
        return str(self.document_type)

    def applies_to(self, ormas: "Ormas", *, officials_on_board: bool = False) -> bool:
        C = self.Condition
        if self.condition == C.ALWAYS:
            return True
        if self.condition in (C.RELIGIOUS, C.BELIEF):
            wanted = RELIGIOUS_FIELD if self.condition == C.RELIGIOUS else BELIEF_FIELD
            return wanted in {f.name for f in ormas.fields_of_activity.all()}
        if self.condition == C.UNINCORPORATED:
            return ormas.legal_form == "tidak_berbadan_hukum"
        if self.condition == C.LEGAL_ENTITY:
            return ormas.legal_form in ("perkumpulan", "yayasan")
        return officials_on_board


REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read aloud over the phone without doubt


def new_reference(year: int) -> str:
    return f"LYN-{year}-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))


class ApplicationQuerySet(models.QuerySet["Application"]):
    def open(self) -> "ApplicationQuerySet":
        return self.exclude(status__in=Application.FINAL)

    def for_officer(self, user: Any) -> "ApplicationQuerySet":
        """Applications handled by an office within the user's region scope (officers, leaders, admins)."""
        scope = getattr(user, "scope_code", None)
        if not scope or getattr(user, "role", None) not in ("petugas", "pimpinan", "admin_sistem"):
            return self.none()
        return self.filter(within_q("office__region__code", scope))

    def for_ormas_account(self, user: Any) -> "ApplicationQuerySet":
        if getattr(user, "role", None) != "pengurus_ormas" or not getattr(user, "ormas_id", None):
            return self.none()
        return self.filter(ormas_id=user.ormas_id)


class Application(Workflow, models.Model):
    """A permohonan: one Ormas asking one office for one service, through the states in TRANSITIONS."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        IN_REVIEW = "in_review", _("In review")
        CHANGES_REQUESTED = "changes_requested", _("Needs correction")
        RESUBMITTED = "resubmitted", _("Corrected, waiting for review")
        FIELD_CHECK = "field_check", _("Field check")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        # The office let its decision period pass: the application is granted by law (fiktif positif, UU 30/2014
        # Pasal 53 as amended by the Cipta Kerja law); the Pimpinan still issues the letter.
        DEEMED_GRANTED = "deemed_granted", _("Deemed granted (decision period lapsed)")
        # The applicant let the correction period pass: the file is closed, a new application may be filed.
        LAPSED = "lapsed", _("Lapsed (corrections not received in time)")

    class Channel(models.TextChoices):
        ONLINE = "online", _("Online")
        COUNTER = "counter", _("At the counter")

    # Which status may follow which. Every move is one action in services/actions.py.
    TRANSITIONS: dict[str, set[str]] = {
        Status.DRAFT: {Status.SUBMITTED, Status.WITHDRAWN},
        Status.SUBMITTED: {Status.IN_REVIEW, Status.WITHDRAWN, Status.DEEMED_GRANTED},
        Status.IN_REVIEW: {
            Status.CHANGES_REQUESTED,
            Status.FIELD_CHECK,
            Status.APPROVED,
            Status.REJECTED,
            Status.DEEMED_GRANTED,
        },
        Status.CHANGES_REQUESTED: {Status.RESUBMITTED, Status.WITHDRAWN, Status.LAPSED},
        Status.RESUBMITTED: {Status.IN_REVIEW, Status.DEEMED_GRANTED},
        Status.FIELD_CHECK: {Status.APPROVED, Status.REJECTED, Status.CHANGES_REQUESTED, Status.DEEMED_GRANTED},
        # Granted by law: no rejection and no request for corrections any more, only the letter.
        Status.DEEMED_GRANTED: {Status.APPROVED},
        Status.APPROVED: set(),
        Status.REJECTED: set(),
        Status.WITHDRAWN: set(),
        Status.LAPSED: set(),
    }
    FINAL = (Status.APPROVED, Status.REJECTED, Status.WITHDRAWN, Status.LAPSED)
    # States in which the office's decision period runs (the deemed decision can follow from them).
    OFFICE_CLOCK = (Status.SUBMITTED, Status.IN_REVIEW, Status.RESUBMITTED, Status.FIELD_CHECK)
    # States in which the applicant may change documents and data.
    EDITABLE = (Status.DRAFT, Status.CHANGES_REQUESTED)

    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    service_type = models.ForeignKey(
        ServiceType, models.PROTECT, related_name="applications", verbose_name=_("service")
    )
    ormas = models.ForeignKey("registry.Ormas", models.PROTECT, related_name="applications", verbose_name=_("Ormas"))
    office = models.ForeignKey(
        "accounts.Office", models.PROTECT, related_name="applications", verbose_name=_("handling office")
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel, default=Channel.ONLINE)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFT, db_index=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, related_name="+", verbose_name=_("entered by")
    )
    applicant_name = models.CharField(_("applicant's name"), max_length=150)
    applicant_phone = models.CharField(_("applicant's phone"), max_length=40, blank=True)
    applicant_email = models.EmailField(_("applicant's e-mail"), blank=True)
    officials_on_board = models.BooleanField(
        _("officials sit on the board"),
        default=False,
        help_text=_("A state official, government official or public figure is named on the board."),
    )
    statements_confirmed = models.BooleanField(_("statements confirmed"), default=False)
    proposed = models.JSONField(_("proposed changes"), default=dict, blank=True)
    data = models.JSONField(default=dict, blank=True, editable=False)  # name-conflict results, SKT returned, …
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decision_due = models.DateField(_("decision due"), null=True, blank=True, db_index=True)
    correction_due = models.DateField(_("corrections due"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("decided by")
    )
    decision_note = models.TextField(_("decision note"), blank=True)
    letter = models.ForeignKey(
        "letters.Letter", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("letter")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        indexes = [models.Index(fields=["office", "status"]), models.Index(fields=["ormas", "service_type"])]

    def __str__(self) -> str:
        return self.reference

    def get_absolute_url(self) -> str:
        return reverse("services:application-detail", args=[self.reference])

    def get_applicant_url(self) -> str:
        return reverse("services:applicant-status", args=[self.reference])

    @property
    def is_final(self) -> bool:
        return self.status in self.FINAL

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE

    @property
    def due(self) -> Any:
        """The date the next step is due: the applicant's correction date while corrections are awaited."""
        if self.status == self.Status.CHANGES_REQUESTED:
            return self.correction_due
        if self.status in (self.Status.DRAFT, self.Status.DEEMED_GRANTED, *self.FINAL):
            return None
        return self.decision_due

    def checklist(self) -> list[ChecklistItem]:
        """The checklist items that apply to this Ormas and this application."""
        items = self.service_type.checklist.select_related("document_type")
        return [i for i in items if i.applies_to(self.ormas, officials_on_board=self.officials_on_board)]

    def current_documents(self) -> "models.QuerySet[ApplicationDocument]":
        return self.documents.filter(replaced_by__isnull=True)


class ApplicationDocument(PrivateFile):
    """A file uploaded against one checklist item; a new upload replaces it and keeps it as an earlier version."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Not checked yet")
        VALID = "valid", pgettext_lazy("document check", "Valid")
        NEEDS_CORRECTION = "needs_correction", _("Needs correction")

    application = models.ForeignKey(Application, models.CASCADE, related_name="documents")
    checklist_item = models.ForeignKey(ChecklistItem, models.PROTECT, related_name="+")
    file = models.FileField(upload_to="applications/%Y/%m/")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PENDING)
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    verified_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+")
    verified_at = models.DateTimeField(null=True, blank=True)
    replaced_by = models.ForeignKey("self", models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["checklist_item__order", "-uploaded_at"]
        verbose_name = _("application document")
        verbose_name_plural = _("application documents")

    def __str__(self) -> str:
        return self.original_name


class FieldCheck(models.Model):
    """A visit to the secretariat (penelitian lapangan): scheduled, then recorded with its result and photos."""

    class Result(models.TextChoices):
        FOUND = "found", _("Secretariat found as stated")
        NOT_FOUND = "not_found", _("Secretariat not found")
        MISMATCH = "mismatch", _("Found, but differs from the application")

    application = models.ForeignKey(Application, models.CASCADE, related_name="field_checks")
    scheduled_for = models.DateField(_("scheduled for"))
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("field officer")
    )
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    result = models.CharField(_("result"), max_length=15, choices=Result, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["-scheduled_for", "-id"]
        verbose_name = _("field check")
        verbose_name_plural = _("field checks")

    def __str__(self) -> str:
        return f"{self.application} {self.scheduled_for}"


class FieldCheckPhoto(PrivateFile):
    field_check = models.ForeignKey(FieldCheck, models.CASCADE, related_name="photos")
    file = models.FileField(upload_to="field-checks/%Y/%m/")
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    taken_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("field check photo")
        verbose_name_plural = _("field check photos")

    def __str__(self) -> str:
        return self.file.name or ""


class BukuIndukSequence(models.Model):
    """The running Buku Induk registration number of one office: BI-{region}-{seq:04d}, never reused."""

    office = models.OneToOneField("accounts.Office", models.PROTECT, related_name="+")
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("Buku Induk counter")
        verbose_name_plural = _("Buku Induk counters")

    def __str__(self) -> str:
        return f"{self.office}: {self.last}"


class ReminderLog(models.Model):
    """One reminder sent: (key, day) is unique, so the daily command sends each reminder at most once a day."""

    key = models.CharField(max_length=120)
    sent_on = models.DateField()
    recipient = models.EmailField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "sent_on", "recipient"], name="reminder_once_a_day")]

    def __str__(self) -> str:
        return f"{self.key} → {self.recipient} ({self.sent_on})"
