"""Awards (penghargaan, issue 12 item 6): a yearly award round of one Kesbangpol office, its criteria as data
(kind, weight, source, parameters), the shortlist computed from what Wadah records with each score's reasons, and
the Pimpinan's decision (SK number and date). Every change is in awards/actions.py; scores in awards/criteria.py."""

from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import Role
from regions.scope import within_q
from wadah.lib.workflow import Workflow


class AwardRoundQuerySet(models.QuerySet["AwardRound"]):
    def for_officer(self, user: Any) -> "AwardRoundQuerySet":
        scope = getattr(user, "scope_code", None)
        if not scope or getattr(user, "role", None) not in (Role.OFFICER, Role.LEADER):
            return self.none()
        return self.filter(within_q("office__region__code", scope))


class AwardRound(Workflow, models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Setting the criteria")
        SHORTLISTED = "shortlisted", _("Shortlist computed")
        DECIDED = "decided", _("Decided")

    TRANSITIONS: dict[str, set[str]] = {
        Status.DRAFT: {Status.SHORTLISTED},
        # Reopening clears the shortlist so that the criteria can change; the decision is final.
        Status.SHORTLISTED: {Status.DRAFT, Status.DECIDED},
        Status.DECIDED: set(),
    }

    office = models.ForeignKey("accounts.Office", models.PROTECT, related_name="+", verbose_name=_("office"))
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    shortlist_size = models.PositiveSmallIntegerField(_("shortlist size"), default=10)
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.DRAFT, db_index=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    computed_at = models.DateTimeField(_("shortlist computed"), null=True, blank=True)
    considered = models.PositiveIntegerField(_("Ormas considered"), default=0)
    decision_number = models.CharField(_("decision letter (SK) number"), max_length=120, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("decided by")
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    objects = AwardRoundQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "-created_at"]
        verbose_name = _("award round")
        verbose_name_plural = _("award rounds")

    def __str__(self) -> str:
        return f"{self.title} {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("awards:round-detail", args=[self.pk])


class AwardCriterion(models.Model):
    """One criterion of a round. `kind` names a registered computation (awards/criteria.py); the rest is data."""

    round = models.ForeignKey(AwardRound, models.CASCADE, related_name="criteria", verbose_name=_("round"))
    kind = models.CharField(_("kind"), max_length=40)
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)
    required = models.BooleanField(
        _("required"), default=False, help_text=_("An Ormas that scores nothing here is left off the shortlist.")
    )
    source = models.CharField(_("source"), max_length=300, blank=True)
    parameters = models.JSONField(_("parameters"), default=dict, blank=True)
    order = models.PositiveSmallIntegerField(default=100)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("award criterion")
        verbose_name_plural = _("award criteria")
        constraints = [models.UniqueConstraint(fields=["round", "kind"], name="one_criterion_of_a_kind_per_round")]

    def __str__(self) -> str:
        return self.kind


class Candidate(models.Model):
    """An Ormas on a round's shortlist: its score (0–100), rank and the reasons of each criterion's points."""

    round = models.ForeignKey(AwardRound, models.CASCADE, related_name="candidates")
    ormas = models.ForeignKey("registry.Ormas", models.PROTECT, related_name="award_candidacies")
    rank = models.PositiveSmallIntegerField(_("rank"))
    score = models.DecimalField(_("score"), max_digits=5, decimal_places=1)
    # [{"kind", "label", "weight", "points" (0–1), "reason"}]
    reasons = models.JSONField(default=list)
    awarded = models.BooleanField(_("awarded"), default=False)
    citation = models.CharField(_("award"), max_length=200, blank=True)

    class Meta:
        ordering = ["rank"]
        verbose_name = _("award candidate")
        verbose_name_plural = _("award candidates")
        constraints = [models.UniqueConstraint(fields=["round", "ormas"], name="one_candidacy_per_round")]

    def __str__(self) -> str:
        return f"{self.round}: {self.ormas}"
