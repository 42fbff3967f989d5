"""Grants (hibah): the eligibility rules as data, grant windows, proposals with budget lines, documents, scores.

Every change goes through grants/actions.py (one action per move in Proposal.TRANSITIONS); eligibility is decided
by grants/eligibility.py alone.
"""

import secrets
from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from regions.scope import within_q
from wadah.lib.workflow import Workflow


class EligibilityRule(models.Model):
    """One condition of the gate. The code picks the check in grants/eligibility.py; everything else is data."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    # Reference data is written in Indonesian (the registry's and services' too); the English text is kept beside
    # it so that an English page is complete. `label` picks the one for the active language.
    description = models.CharField(_("description (Indonesian)"), max_length=300)
    description_en = models.CharField(_("description (English)"), max_length=300, blank=True)
    legal_source = models.CharField(_("legal source"), max_length=300, blank=True)
    version = models.CharField(_("version"), max_length=40, default="1")
    is_unverified = models.BooleanField(
        _("unverified"), default=False, help_text=_("Not yet confirmed against the legal source.")
    )
    enabled = models.BooleanField(_("enabled"), default=True)
    parameters = models.JSONField(_("parameters"), default=dict, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("eligibility rule")
        verbose_name_plural = _("eligibility rules")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The description in the active language: English where it is given and English is active."""
        if self.description_en and (get_language() or "").startswith("en"):
            return self.description_en
        return self.description


class GrantWindowQuerySet(models.QuerySet["GrantWindow"]):
    def for_officer(self, user: Any) -> "GrantWindowQuerySet":
        scope = getattr(user, "scope_code", None)
        if not scope or getattr(user, "role", None) not in ("petugas", "pimpinan", "admin_sistem"):
            return self.none()
        return self.filter(within_q("office__region__code", scope))


class GrantWindow(models.Model):
    """A call for grant proposals of one office for one budget year."""

    office = models.ForeignKey("accounts.Office", models.PROTECT, related_name="+", verbose_name=_("office"))
    title = models.CharField(_("title"), max_length=200)
    budget_year = models.PositiveSmallIntegerField(_("budget year"))
    amount = models.DecimalField(_("total amount (Rp)"), max_digits=15, decimal_places=0)
    purpose = models.TextField(_("purpose"))
    eligible_fields = models.ManyToManyField(
        "registry.FieldOfActivity", blank=True, related_name="+", verbose_name=_("eligible fields of activity")
    )
    eligible_regions = models.ManyToManyField(
        "regions.Region", blank=True, related_name="+", verbose_name=_("eligible regions")
    )
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    recommendation_only = models.BooleanField(
        _("recommendation only"),
        default=False,
        help_text=_("The finance office (BPKAD) runs the grant; Kesbangpol issues a recommendation letter."),
    )
    min_evaluators = models.PositiveSmallIntegerField(_("evaluators needed"), default=2)

    objects = GrantWindowQuerySet.as_manager()

    class Meta:
        ordering = ["-budget_year", "-opens_on"]
        verbose_name = _("grant window")
        verbose_name_plural = _("grant windows")

    def __str__(self) -> str:
        return f"{self.title} ({self.budget_year})"

    def is_open(self, on: Any) -> bool:
        return self.opens_on <= on <= self.closes_on


class Criterion(models.Model):
    """A scoring criterion of a window (each evaluator gives 0..max_score)."""

    window = models.ForeignKey(GrantWindow, models.CASCADE, related_name="criteria", verbose_name=_("window"))
    name = models.CharField(_("name"), max_length=200)
    max_score = models.PositiveSmallIntegerField(_("maximum score"), default=10)
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self) -> str:
        return self.name


def new_reference(year: int) -> str:
    return f"HBH-{year}-" + "".join(secrets.choice("23456789ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(6))


class ProposalQuerySet(models.QuerySet["Proposal"]):
    def for_officer(self, user: Any) -> "ProposalQuerySet":
        scope = getattr(user, "scope_code", None)
        if not scope or getattr(user, "role", None) not in ("petugas", "pimpinan", "admin_sistem"):
            return self.none()
        return self.filter(within_q("window__office__region__code", scope))

    def for_ormas_account(self, user: Any) -> "ProposalQuerySet":
        if getattr(user, "role", None) != "pengurus_ormas" or not getattr(user, "ormas_id", None):
            return self.none()
        return self.filter(ormas_id=user.ormas_id)

    def visible_to(self, user: Any) -> "ProposalQuerySet":
        if getattr(user, "role", None) == "pengurus_ormas":
            return self.for_ormas_account(user)
        return self.for_officer(user)


class Proposal(Workflow, models.Model):
    """A grant proposal (proposal hibah) of one Ormas in one window, through the states in TRANSITIONS."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        EVALUATION = "evaluation", _("In evaluation")
        RECOMMENDED = "recommended", _("Recommended")
        REJECTED = "rejected", _("Not recommended")
        APPROVED = "approved", _("Granted (NPHD signed)")
        DISBURSED = "disbursed", _("Disbursed, LPJ awaited")
        LPJ_RECEIVED = "lpj_received", _("LPJ received")
        LPJ_VERIFIED = "lpj_verified", _("LPJ verified")
        FORWARDED = "forwarded", _("Recommendation letter sent to the finance office")
        FUNDED_ELSEWHERE = "funded_elsewhere", _("Granted by the finance office")
        NOT_FUNDED = "not_funded", _("Not granted by the finance office")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Channel(models.TextChoices):
        ONLINE = "online", _("Online")
        COUNTER = "counter", _("At the counter")

    # Which status may follow which. Every move is one action in grants/actions.py.
    TRANSITIONS: dict[str, set[str]] = {
        Status.SUBMITTED: {Status.EVALUATION, Status.WITHDRAWN},
        Status.EVALUATION: {Status.RECOMMENDED, Status.REJECTED},
        # A grant window of Kesbangpol's own: the Pimpinan decides (NPHD); a BPKAD window: the letter is forwarded.
        Status.RECOMMENDED: {Status.APPROVED, Status.FORWARDED, Status.REJECTED},
        Status.APPROVED: {Status.DISBURSED},
        Status.DISBURSED: {Status.LPJ_RECEIVED},
        # An LPJ found wanting goes back to "awaited" (the due date stays).
        Status.LPJ_RECEIVED: {Status.LPJ_VERIFIED, Status.DISBURSED},
        Status.FORWARDED: {Status.FUNDED_ELSEWHERE, Status.NOT_FUNDED},
        Status.LPJ_VERIFIED: set(),
        Status.FUNDED_ELSEWHERE: set(),
        Status.NOT_FUNDED: set(),
        Status.REJECTED: set(),
        Status.WITHDRAWN: set(),
    }
    # Grants actually given, for the non-recurring rule.
    GRANTED = (Status.APPROVED, Status.DISBURSED, Status.LPJ_RECEIVED, Status.LPJ_VERIFIED, Status.FUNDED_ELSEWHERE)

    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    window = models.ForeignKey(GrantWindow, models.PROTECT, related_name="proposals", verbose_name=_("window"))
    ormas = models.ForeignKey("registry.Ormas", models.PROTECT, related_name="grant_proposals", verbose_name=_("Ormas"))
    channel = models.CharField(_("channel"), max_length=10, choices=Channel, default=Channel.ONLINE)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.SUBMITTED, db_index=True)
    title = models.CharField(_("activity"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    requested_amount = models.DecimalField(_("amount requested (Rp)"), max_digits=15, decimal_places=0)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, related_name="+", verbose_name=_("entered by")
    )
    eligibility = models.JSONField(_("eligibility at submission"), default=dict, blank=True, editable=False)
    decision_note = models.TextField(_("decision note"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("decided by")
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    nphd_number = models.CharField(_("NPHD number"), max_length=80, blank=True)
    nphd_date = models.DateField(_("NPHD date"), null=True, blank=True)
    granted_amount = models.DecimalField(
        _("amount granted (Rp)"), max_digits=15, decimal_places=0, null=True, blank=True
    )
    disbursed_on = models.DateField(_("disbursed on"), null=True, blank=True)
    lpj_due = models.DateField(_("LPJ due"), null=True, blank=True, db_index=True)
    lpj_received_on = models.DateField(_("LPJ received on"), null=True, blank=True)
    lpj_verified_at = models.DateTimeField(_("LPJ verified"), null=True, blank=True)
    recommendation_letter = models.ForeignKey(
        "letters.Letter", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("recommendation")
    )
    outcome_note = models.CharField(_("finance office's answer"), max_length=300, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("grant proposal")
        verbose_name_plural = _("grant proposals")

    def __str__(self) -> str:
        return self.reference

    def get_absolute_url(self) -> str:
        return reverse("grants:proposal-detail", args=[self.reference])

    def get_applicant_url(self) -> str:
        return reverse("grants:my-proposal", args=[self.reference])

    def evaluators(self) -> set[int]:
        return set(self.scores.values_list("evaluator_id", flat=True))

    def score_total(self) -> float | None:
        """The mean, over evaluators, of each evaluator's total."""
        totals: dict[int, int] = {}
        for score in self.scores.all():
            totals[score.evaluator_id] = totals.get(score.evaluator_id, 0) + score.score
        return round(sum(totals.values()) / len(totals), 1) if totals else None


class BudgetLine(models.Model):
    proposal = models.ForeignKey(Proposal, models.CASCADE, related_name="budget_lines")
    description = models.CharField(_("item"), max_length=200)
    amount = models.DecimalField(_("amount (Rp)"), max_digits=15, decimal_places=0)

    class Meta:
        ordering = ["id"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")

    def __str__(self) -> str:
        return self.description


class ProposalDocument(models.Model):
    """A file of a proposal: the proposal itself and its annexes, or the LPJ. Stored privately, type sniffed."""

    class Kind(models.TextChoices):
        PROPOSAL = "proposal", _("Proposal document")
        LPJ = "lpj", _("Accountability report (LPJ)")

    proposal = models.ForeignKey(Proposal, models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    file = models.FileField(upload_to="grants/%Y/%m/")
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "-uploaded_at"]
        verbose_name = _("proposal document")
        verbose_name_plural = _("proposal documents")

    def __str__(self) -> str:
        return self.original_name


class Score(models.Model):
    proposal = models.ForeignKey(Proposal, models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, models.PROTECT, related_name="+")
    evaluator = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField(_("score"))
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["proposal", "criterion", "evaluator"], name="one_score_per_evaluator")
        ]
        verbose_name = _("score")
        verbose_name_plural = _("scores")

    def __str__(self) -> str:
        return f"{self.criterion}: {self.score}"
