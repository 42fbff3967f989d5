"""The capacity pathway: a versioned assessment instrument (dimensions, questions, scored answers) and the
assessments made with it, by an officer or by the Ormas itself (then validated by an officer).

An instrument that has been used is frozen: the admin edits a new version instead, so that old scores keep
meaning what they meant. Scores compare across versions by dimension code.
"""

from decimal import Decimal
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from registry.models import Ormas
from wadah.lib.workflow import Workflow

if TYPE_CHECKING:
    from accounts.models import User


class Instrument(models.Model):
    name = models.CharField(_("name"), max_length=200)
    version = models.PositiveSmallIntegerField(_("version"))
    is_active = models.BooleanField(
        _("in use for new assessments"), default=False, help_text=_("Exactly one version is in use at a time.")
    )
    source = models.CharField(_("source"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-version"]
        verbose_name = _("assessment instrument")
        verbose_name_plural = _("assessment instruments")
        constraints = [
            models.UniqueConstraint(fields=["version"], name="instrument_version_unique"),
            models.UniqueConstraint(fields=["is_active"], condition=Q(is_active=True), name="instrument_one_active"),
        ]

    def __str__(self) -> str:
        return f"{self.name} (v{self.version})"

    @classmethod
    def current(cls) -> "Instrument | None":
        return cls.objects.filter(is_active=True).first()

    @property
    def is_frozen(self) -> bool:
        return self.pk is not None and self.assessments.exists()


class Dimension(models.Model):
    instrument = models.ForeignKey(Instrument, models.CASCADE, related_name="dimensions")
    code = models.SlugField(_("code"), max_length=40, help_text=_("Stable across versions, e.g. “keuangan”."))
    name = models.CharField(_("name"), max_length=120)
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensions")
        constraints = [models.UniqueConstraint(fields=["instrument", "code"], name="dimension_code_per_instrument")]

    def __str__(self) -> str:
        return self.name


class Question(models.Model):
    dimension = models.ForeignKey(Dimension, models.CASCADE, related_name="questions")
    text = models.CharField(_("question"), max_length=400)
    evidence_hint = models.CharField(_("evidence asked for"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text

    def max_score(self) -> int:
        return max((o.score for o in self.options.all()), default=0)


class AnswerOption(models.Model):
    question = models.ForeignKey(Question, models.CASCADE, related_name="options")
    label = models.CharField(_("answer"), max_length=300)
    score = models.PositiveSmallIntegerField(_("score"))

    class Meta:
        ordering = ["score", "pk"]
        verbose_name = _("answer option")
        verbose_name_plural = _("answer options")

    def __str__(self) -> str:
        return f"{self.score}: {self.label}"


class AssessmentQuerySet(models.QuerySet["Assessment"]):
    def visible_to(self, user: "User") -> "AssessmentQuerySet":
        """Assessments of the Ormas the user may see in the registry (the registry's scope rule)."""
        return self.filter(ormas__in=Ormas.objects.visible_to(user))

    def validated(self) -> "AssessmentQuerySet":
        return self.filter(status=Assessment.Status.VALIDATED)


class Assessment(Workflow, models.Model):
    """One capacity assessment of one Ormas. Only validated ones count in comparisons and aggregates."""

    class Kind(models.TextChoices):
        OFFICER = "officer", _("By an officer")
        SELF = "self", _("Self-assessment by the Ormas")

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for validation")
        VALIDATED = "validated", _("Validated")
        REJECTED = "rejected", _("Returned")

    # An officer's assessment is created validated; a self-assessment waits for an officer.
    TRANSITIONS: dict[str, set[str]] = {
        Status.SUBMITTED: {Status.VALIDATED, Status.REJECTED},
        Status.VALIDATED: set(),
        Status.REJECTED: set(),
    }

    ormas = models.ForeignKey("registry.Ormas", models.PROTECT, related_name="assessments", verbose_name=_("Ormas"))
    instrument = models.ForeignKey(Instrument, models.PROTECT, related_name="assessments")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    status = models.CharField(_("status"), max_length=12, choices=Status, db_index=True)
    assessed_on = models.DateField(_("assessed on"))
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    validated_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+")
    validated_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    # {dimension code: 0–100}, computed once from the answers when the assessment is made.
    scores = models.JSONField(default=dict, editable=False)
    total = models.DecimalField(_("overall score"), max_digits=5, decimal_places=1, default=Decimal(0))
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["-assessed_on", "-pk"]
        verbose_name = _("capacity assessment")
        verbose_name_plural = _("capacity assessments")
        indexes = [models.Index(fields=["ormas", "status", "assessed_on"])]

    def __str__(self) -> str:
        return f"{self.ormas} {self.assessed_on}"


class Answer(models.Model):
    assessment = models.ForeignKey(Assessment, models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, models.PROTECT, related_name="+")
    option = models.ForeignKey(AnswerOption, models.PROTECT, related_name="+")
    evidence = models.CharField(_("evidence"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [models.UniqueConstraint(fields=["assessment", "question"], name="answer_once_per_question")]

    def __str__(self) -> str:
        return f"{self.question}: {self.option}"
