"""Supervision cases (pengawasan): the case file, the UU 16/2017 sanction ladder, and per-agency compartments.

Every change goes through supervision/actions.py (one action per transition of Case.TRANSITIONS). Notes,
documents, clarification meetings and mediation sessions belong to an agency compartment (their `agency`);
who may read them is decided in one place, supervision/compartments.py.
"""

import secrets
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from regions.scope import within_q
from wadah.lib.workflow import Workflow
from wadah.models import PrivateFile

if TYPE_CHECKING:
    from accounts.models import User

REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read aloud over the phone without doubt
KESBANGPOL_ROLES = ("petugas", "pimpinan")


def new_reference(year: int) -> str:
    return f"KSS-{year}-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))


class CaseQuerySet(models.QuerySet["Case"]):
    def visible_to(self, user: "User") -> "CaseQuerySet":
        """Kesbangpol officers and leaders: cases handled by an office within their scope. Tim Terpadu members:
        cases their agency is a member of. Nobody else (system administrators included: case files are not
        theirs to read)."""
        role = getattr(user, "role", None)
        scope = getattr(user, "scope_code", None)
        if role in KESBANGPOL_ROLES and scope:
            return self.filter(within_q("office__region__code", scope))
        agency_id = getattr(user, "agency_id", None)
        if role == "anggota_tim" and agency_id:
            return self.filter(
                models.Exists(CaseMember.objects.filter(case=models.OuterRef("pk"), agency_id=agency_id))
            )
        return self.none()

    def open(self) -> "CaseQuerySet":
        return self.exclude(status__in=Case.FINAL)


class Spread(models.TextChoices):
    ONE_REGENCY = "one_regency", _("Within one regency/city")
    SEVERAL_REGENCIES = "several_regencies", _("Across several regencies/cities of one province")
    SEVERAL_PROVINCES = "several_provinces", _("Across several provinces")


class BreachedArticle(models.Model):
    """An article of UU 17/2013 (as amended by UU 16/2017) a case may find breached, with its source. Data, so
    that a correction after legal review needs no deploy; `direct_path` marks the breaches of Pasal 60(2) for which
    revocation may be recommended without the earlier steps (Pasal 61(3))."""

    code = models.SlugField(_("code"), max_length=30, unique=True)
    label = models.CharField(_("article"), max_length=200)
    description = models.CharField(_("what it covers"), max_length=300, blank=True)
    legal_source = models.CharField(_("legal source"), max_length=300)
    direct_path = models.BooleanField(_("opens the direct path (Pasal 60(2), 61(3))"), default=False)
    foreign_only = models.BooleanField(_("applies to foreign Ormas only"), default=False)
    is_unverified = models.BooleanField(_("unverified"), default=False)
    note = models.TextField(_("note"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("breached article")
        verbose_name_plural = _("breached articles")

    def __str__(self) -> str:
        return self.label


class Competence(models.Model):
    """Which government is competent for a sanction step, by where the violation happened (PP 58/2016 Pasal 60):
    the bupati/wali kota within one regency/city, the gubernur across several, the Menteri across provinces.
    `level` is the office level that prepares the step for that head of government ("ministry": none does)."""

    class Level(models.TextChoices):
        REGENCY = "regency", _("Regency/city")
        PROVINCE = "province", _("Province")
        MINISTRY = "ministry", _("Ministry")

    spread = models.CharField(_("where the violation happened"), max_length=20, choices=Spread, unique=True)
    level = models.CharField(_("competent level"), max_length=10, choices=Level)
    government = models.CharField(_("competent government"), max_length=200)
    legal_source = models.CharField(_("legal source"), max_length=300)
    is_unverified = models.BooleanField(_("unverified"), default=False)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["spread"]
        verbose_name = _("competence rule")
        verbose_name_plural = _("competence rules")

    def __str__(self) -> str:
        return f"{self.get_spread_display()}: {self.government}"

    def as_rule(self) -> dict[str, Any]:
        return {
            "id": self.pk,
            "spread": self.spread,
            "level": self.level,
            "government": self.government,
            "legal_source": self.legal_source,
            "unverified": self.is_unverified,
        }


class Delegation(models.Model):
    """The instrument by which a head of government delegates signing sanction letters to the head of the
    Kesbangpol office (the letter is issued *a.n.* the head of government and cites it)."""

    office = models.OneToOneField(
        "accounts.Office", models.CASCADE, related_name="sanction_delegation", verbose_name=_("office")
    )
    head_of_government = models.CharField(_("head of government"), max_length=200)
    instrument = models.CharField(_("delegation instrument"), max_length=300, blank=True)
    is_unverified = models.BooleanField(_("unverified"), default=True)

    class Meta:
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")

    def __str__(self) -> str:
        return f"{self.office}: a.n. {self.head_of_government}"


class Case(Workflow, models.Model):
    """One supervision case about an Ormas (or an unregistered group), handled by one Kesbangpol office."""

    class Status(models.TextChoices):
        OPENED = "opened", _("Opened")
        CLARIFICATION = "clarification", _("Clarification")
        PERSUASION = "persuasion", _("Persuasion and guidance")
        WRITTEN_WARNING = "written_warning", _("Written warning issued")
        COMPLIED = "complied", _("Complied")
        NOT_COMPLIED = "not_complied", _("Not complied")
        HALT_PROPOSED = "halt_proposed", _("Halt of activities proposed")
        HALTED = "halted", _("Activities halted")
        HALT_NOT_COMPLIED = "halt_not_complied", _("Halt not complied with")
        FOREIGN_MEASURE_RECOMMENDED = "foreign_measure_recommended", _("Permit or immigration measure recommended")
        REVOCATION_RECOMMENDED = "revocation_recommended", _("Revocation recommended")
        DECIDED = "decided", _("Decided")
        REFERRED = "referred", _("Referred to law enforcement")
        DISPUTE = "dispute", _("Leadership dispute (mediation)")
        CLOSED = "closed", _("Closed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Source(models.TextChoices):
        COMPLAINT = "complaint", _("Complaint")
        FIELD_REPORT = "field_report", _("Field report")
        MONITORING = "monitoring", _("Monitoring")
        REFERRAL = "referral", _("Referral")
        MEDIA = "media", _("Media")

    S = Status
    # The UU 16/2017 ladder (domain.md §0, §5.3). Persuasion is allowed, not a gate (Perppu 2/2017 removed the
    # duty), so a warning may follow the opening or the clarification directly. Revocation needs non-compliance
    # with the halt (Pasal 62(3)). Breaches of Pasal 52 or 59(3)/(4), recorded as BreachedArticle rows on the case,
    # open the direct path to a revocation recommendation (Pasal 60(2), 61(3)). A foreign Ormas (Pasal 61(2),
    # PP 59/2016) is sanctioned through its permits and immigration measures, a separate recommendation. Crimes go
    # to law enforcement; leadership disputes have their own mediation track.
    TRANSITIONS: dict[str, set[str]] = {
        S.OPENED: {
            S.CLARIFICATION,
            S.PERSUASION,
            S.WRITTEN_WARNING,
            S.REVOCATION_RECOMMENDED,
            S.FOREIGN_MEASURE_RECOMMENDED,
            S.REFERRED,
            S.DISPUTE,
            S.CLOSED,
            S.WITHDRAWN,
        },
        S.CLARIFICATION: {
            S.PERSUASION,
            S.WRITTEN_WARNING,
            S.REVOCATION_RECOMMENDED,
            S.FOREIGN_MEASURE_RECOMMENDED,
            S.REFERRED,
            S.DISPUTE,
            S.CLOSED,
            S.WITHDRAWN,
        },
        S.PERSUASION: {S.WRITTEN_WARNING, S.REFERRED, S.CLOSED},
        S.WRITTEN_WARNING: {S.COMPLIED, S.NOT_COMPLIED},
        S.COMPLIED: {S.CLOSED},
        # The office halts activities itself only where StepAuthority says it may; otherwise it recommends.
        S.NOT_COMPLIED: {S.HALT_PROPOSED, S.HALTED, S.FOREIGN_MEASURE_RECOMMENDED},
        S.HALT_PROPOSED: {S.HALTED, S.CLOSED},
        S.HALTED: {S.HALT_NOT_COMPLIED, S.CLOSED},
        S.HALT_NOT_COMPLIED: {S.REVOCATION_RECOMMENDED, S.CLOSED},
        S.REVOCATION_RECOMMENDED: {S.DECIDED, S.CLOSED},
        S.FOREIGN_MEASURE_RECOMMENDED: {S.DECIDED, S.CLOSED},
        # A revocation annulled (e.g. by a court) is lifted and the case closed.
        S.DECIDED: {S.CLOSED},
        S.REFERRED: {S.CLARIFICATION, S.CLOSED},
        S.DISPUTE: {S.CLARIFICATION, S.CLOSED, S.WITHDRAWN},
        S.CLOSED: set(),
        S.WITHDRAWN: set(),
    }
    FINAL = {S.CLOSED, S.WITHDRAWN}

    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    ormas = models.ForeignKey(
        "registry.Ormas", models.PROTECT, null=True, blank=True, related_name="cases", verbose_name=_("Ormas")
    )
    subject_name = models.CharField(
        _("subject"), max_length=255, blank=True, help_text=_("The group's name when it is not a registered Ormas.")
    )
    office = models.ForeignKey(
        "accounts.Office", models.PROTECT, related_name="cases", verbose_name=_("handling office")
    )
    status = models.CharField(_("status"), max_length=30, choices=Status, default=Status.OPENED, db_index=True)
    source = models.CharField(_("source"), max_length=20, choices=Source)
    summary = models.TextField(_("summary"))
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("opened by")
    )
    opened_at = models.DateTimeField(_("opened"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    complaints = models.ManyToManyField("complaints.Complaint", blank=True, related_name="cases")
    # Where the violation happened decides the competent government (PP 58/2016 Pasal 60, Competence rows).
    spread = models.CharField(
        _("where the violation happened"), max_length=20, choices=Spread, default=Spread.ONE_REGENCY
    )
    # The article(s) found breached: structured, because the direct path of Pasal 60(2)/61(3) depends on them.
    articles: models.ManyToManyField["BreachedArticle", Any] = models.ManyToManyField(
        "BreachedArticle", blank=True, related_name="cases", verbose_name=_("articles breached")
    )

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_at", "-id"]
        verbose_name = _("supervision case")
        verbose_name_plural = _("supervision cases")
        indexes = [models.Index(fields=["office", "status"])]

    def __str__(self) -> str:
        return f"{self.reference} — {self.subject}"

    def get_absolute_url(self) -> str:
        return reverse("supervision:case-detail", args=[self.reference])

    @property
    def subject(self) -> str:
        return self.ormas.name if self.ormas_id else self.subject_name  # type: ignore[union-attr]

    @property
    def is_final(self) -> bool:
        return self.status in self.FINAL


class CaseMember(models.Model):
    """A Tim Terpadu agency taking part in a case: its members see the case and their own compartment."""

    case = models.ForeignKey(Case, models.CASCADE, related_name="members", verbose_name=_("case"))
    agency = models.ForeignKey("accounts.Agency", models.PROTECT, related_name="case_memberships")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, related_name="+")
    added_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["added_at", "id"]
        verbose_name = _("case member agency")
        verbose_name_plural = _("case member agencies")
        constraints = [models.UniqueConstraint(fields=["case", "agency"], name="case_member_unique")]

    def __str__(self) -> str:
        return f"{self.case.reference}: {self.agency}"


class StepAuthority(models.Model):
    """Which step a regional Kesbangpol office may take itself, and which it may only recommend (data, because
    domain.md §5.3 leaves open whether a governor or bupati may halt activities after UU 16/2017)."""

    class Power(models.TextChoices):
        TAKE = "take", _("The office may take this step itself")
        RECOMMEND = "recommend", _("The office may only recommend it to the ministry")

    class Level(models.TextChoices):
        ANY = "any", _("Any office")
        PROVINCE = "province", _("Province office")
        REGENCY = "regency", _("Regency/city office")

    step_kind = models.CharField(_("step"), max_length=30)
    level = models.CharField(_("office level"), max_length=10, choices=Level, default=Level.ANY)
    power = models.CharField(_("power"), max_length=10, choices=Power)
    legal_source = models.CharField(_("legal source"), max_length=300)
    is_unverified = models.BooleanField(_("unverified"), default=False)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["step_kind", "level"]
        verbose_name = _("step authority")
        verbose_name_plural = _("step authorities")
        constraints = [models.UniqueConstraint(fields=["step_kind", "level"], name="step_authority_unique")]

    def __str__(self) -> str:
        return f"{self.step_kind} ({self.level}): {self.power}"

    @classmethod
    def for_office(cls, step_kind: str, office: Any) -> "StepAuthority | None":
        level = cls.Level.PROVINCE if office.is_province else cls.Level.REGENCY
        rows = {row.level: row for row in cls.objects.filter(step_kind=step_kind, level__in=[level, cls.Level.ANY])}
        return rows.get(level) or rows.get(cls.Level.ANY)

    def as_rule(self) -> dict[str, Any]:
        return {
            "id": self.pk,
            "step_kind": self.step_kind,
            "level": self.level,
            "power": self.power,
            "legal_source": self.legal_source,
            "unverified": self.is_unverified,
        }


class Delivery(models.TextChoices):
    HAND = "hand", _("By hand, with receipt")
    POST = "post", _("By registered post")
    EMAIL = "email", _("By e-mail")
    OTHER = "other", _("Otherwise")


class CaseStep(models.Model):
    """One step of a case: what was decided, on what legal basis, by whom, with which letter and deadline, the
    Ormas's response, and the rules in force at the time (`rules`: the Period and StepAuthority rows applied)."""

    class Kind(models.TextChoices):
        CLARIFICATION = "clarification", _("Clarification")
        PERSUASION = "persuasion", _("Persuasion and guidance")
        WRITTEN_WARNING = "written_warning", _("Written warning")
        COMPLIED = "complied", _("Compliance confirmed")
        NOT_COMPLIED = "not_complied", _("Non-compliance recorded")
        HALT_RECOMMENDED = "halt_recommended", _("Halt of activities recommended")
        HALT = "halt", _("Halt of activities")
        HALT_NOT_COMPLIED = "halt_not_complied", _("Halt not complied with")
        FOREIGN_MEASURE_RECOMMENDED = "foreign_measure_recommended", _("Permit or immigration measure recommended")
        FOREIGN_MEASURE = "foreign_measure", _("Permit or immigration measure decided")
        REVOCATION_RECOMMENDED = "revocation_recommended", _("Revocation recommended")
        REVOCATION = "revocation", _("Registration (SKT) revoked")
        DISSOLUTION = "dissolution", _("Legal status revoked (dissolved)")
        REFERRAL = "referral", _("Referred to law enforcement")
        DISPUTE = "dispute", _("Leadership dispute")
        LIFTED = "lifted", _("Sanction lifted")
        CLOSED = "closed", _("Case closed")
        WITHDRAWN = "withdrawn", _("Case withdrawn")
        REOPENED = "reopened", _("Back to clarification")

    # Sanctions that restrict the Ormas while they are in force (until lifted_on).
    SANCTIONS = {Kind.HALT, Kind.REVOCATION, Kind.DISSOLUTION, Kind.FOREIGN_MEASURE}
    # Steps only a Pimpinan of the competent office decides and signs (an officer drafts them: CaseDraft).
    DECIDED_BY_LEADER = {
        Kind.WRITTEN_WARNING,
        Kind.HALT,
        Kind.HALT_RECOMMENDED,
        Kind.REVOCATION_RECOMMENDED,
        Kind.FOREIGN_MEASURE_RECOMMENDED,
    }

    case = models.ForeignKey(Case, models.CASCADE, related_name="steps", verbose_name=_("case"))
    kind = models.CharField(_("step"), max_length=30, choices=Kind)
    legal_basis = models.CharField(_("legal basis"), max_length=300, blank=True)
    decision = models.TextField(_("decision"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, related_name="+", verbose_name=_("decided by")
    )
    decided_on = models.DateField(_("decided on"))
    letter = models.ForeignKey(
        "letters.Letter", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("letter")
    )
    # A decision taken by a ministry (SK Mendagri / SK Menkumham), recorded when it arrives.
    decree_number = models.CharField(_("decree number"), max_length=120, blank=True)
    decree_date = models.DateField(_("decree date"), null=True, blank=True)
    response = models.TextField(_("Ormas's response"), blank=True)
    response_on = models.DateField(_("response received on"), null=True, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    lifted_on = models.DateField(_("lifted on"), null=True, blank=True)
    # How and when the letter reached the Ormas (Pasal 62(1) runs from the issue date; delivery is evidence).
    delivered_on = models.DateField(_("delivered on"), null=True, blank=True)
    delivery_method = models.CharField(_("delivered by"), max_length=20, choices=Delivery, blank=True)
    backdate_reason = models.CharField(_("reason for the earlier date"), max_length=300, blank=True)
    # The regions a halt applies to where the decision limits it (empty: everywhere).
    halt_scope = models.CharField(_("regional scope of the halt"), max_length=300, blank=True)
    rules = models.JSONField(_("rules in force"), default=dict, blank=True)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["decided_on", "id"]
        verbose_name = _("case step")
        verbose_name_plural = _("case steps")
        indexes = [models.Index(fields=["kind", "deadline"])]

    def __str__(self) -> str:
        return f"{self.case.reference}: {self.get_kind_display()}"


# The name the public card and the grant-eligibility check use (queries.active_sanction).
SanctionStep = CaseStep


class CaseDraft(models.Model):
    """A sanction step an officer prepared for a Pimpinan to decide and sign (or to send back)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a decision")
        DECIDED = "decided", _("Decided")
        RETURNED = "returned", _("Returned to the officer")

    case = models.ForeignKey(Case, models.CASCADE, related_name="drafts", verbose_name=_("case"))
    kind = models.CharField(_("step"), max_length=30, choices=CaseStep.Kind)
    legal_basis = models.CharField(_("legal basis"), max_length=300)
    text = models.TextField(_("findings or reason"))
    letter_body = models.TextField(_("letter text"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PENDING)
    prepared_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    prepared_at = models.DateTimeField(_("prepared"), auto_now_add=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+")
    step = models.ForeignKey(CaseStep, models.SET_NULL, null=True, blank=True, related_name="+")
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-prepared_at", "-id"]
        verbose_name = _("draft step")
        verbose_name_plural = _("draft steps")

    def __str__(self) -> str:
        return f"{self.case.reference}: {self.get_kind_display()} ({self.get_status_display()})"


class Compartmented(models.Model):
    """An item that belongs to one agency's compartment of a case."""

    agency = models.ForeignKey("accounts.Agency", models.PROTECT, related_name="+", verbose_name=_("compartment"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("author"))
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        abstract = True


class CaseNote(Compartmented):
    case = models.ForeignKey(Case, models.CASCADE, related_name="notes", verbose_name=_("case"))
    text = models.TextField(_("note"))

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("case note")
        verbose_name_plural = _("case notes")

    def __str__(self) -> str:
        return f"{self.case.reference}: {_('note')} #{self.pk}"


class CaseDocument(Compartmented, PrivateFile):
    case = models.ForeignKey(Case, models.CASCADE, related_name="documents", verbose_name=_("case"))
    step = models.ForeignKey(
        CaseStep, models.SET_NULL, null=True, blank=True, related_name="documents", verbose_name=_("step")
    )
    title = models.CharField(_("title"), max_length=200)
    # Stored privately; streamed only by supervision.views.document_download after the compartment check.
    file = models.FileField(_("file"), upload_to="cases/%Y/%m/")

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("case document")
        verbose_name_plural = _("case documents")

    def __str__(self) -> str:
        return self.title


class ClarificationMeeting(Compartmented):
    """A clarification meeting (klarifikasi) with the Ormas; its minutes sit in the author's compartment."""

    case = models.ForeignKey(Case, models.CASCADE, related_name="meetings", verbose_name=_("case"))
    held_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    attendees = models.TextField(_("attendees"))
    minutes = models.TextField(_("minutes"))

    class Meta:
        ordering = ["held_on", "id"]
        verbose_name = _("clarification meeting")
        verbose_name_plural = _("clarification meetings")

    def __str__(self) -> str:
        return f"{self.case.reference}: {_('clarification')} {self.held_on:%Y-%m-%d}"


class MediationSession(Compartmented):
    """A mediation session in a leadership dispute (sengketa kepengurusan, UU 17/2013 Pasal 57–58)."""

    class Outcome(models.TextChoices):
        AGREED = "agreed", _("Agreement reached")
        PARTIAL = "partial", _("Partial agreement")
        NO_AGREEMENT = "no_agreement", _("No agreement")
        POSTPONED = "postponed", _("Postponed")

    case = models.ForeignKey(Case, models.CASCADE, related_name="mediations", verbose_name=_("case"))
    held_on = models.DateField(_("date"))
    parties = models.TextField(_("parties"))
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome)
    agreement = models.TextField(_("agreement text"), blank=True)

    class Meta:
        ordering = ["held_on", "id"]
        verbose_name = _("mediation session")
        verbose_name_plural = _("mediation sessions")

    def __str__(self) -> str:
        return f"{self.case.reference}: {_('mediation')} {self.held_on:%Y-%m-%d}"


class CompartmentShare(models.Model):
    """An item of one compartment shared explicitly WITH another agency (audited: compartment.shared/unshared)."""

    content_type = models.ForeignKey(ContentType, models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    agency = models.ForeignKey("accounts.Agency", models.PROTECT, related_name="+", verbose_name=_("shared with"))
    shared_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    shared_at = models.DateTimeField(_("shared"), auto_now_add=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["shared_at", "id"]
        verbose_name = _("compartment share")
        verbose_name_plural = _("compartment shares")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id", "agency"], name="compartment_share_unique")
        ]
        indexes = [models.Index(fields=["agency", "content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.content_type.model}#{self.object_id} → {self.agency}"


class ReminderLog(models.Model):
    """One reminder sent about one step on one day: case_reminders runs daily and sends each at most once."""

    step = models.ForeignKey(CaseStep, models.CASCADE, related_name="+")
    sent_on = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["step", "sent_on"], name="case_reminder_once_a_day")]

    def __str__(self) -> str:
        return f"{self.step_id} @ {self.sent_on}"
