"""Public complaints (pengaduan) about an Ormas's conduct, from the web form or taken in by an officer.

Tracking codes. The complainant gets a random code of 20 Crockford base32 characters (100 bits), shown once
after submission. Only its SHA-256 is stored (`code_hash`), plus its first group of 4 characters
(`code_prefix`, not secret) so that officers and complainant can refer to the complaint on the phone. The
remaining 16 characters (80 bits) are never stored, so neither a database leak nor an officer can rebuild a code,
and guessing one is hopeless (lookups are also rate-limited). A plain SHA-256 rather than a keyed HMAC is enough
because the code itself carries 100 random bits, and it keeps codes valid when SECRET_KEY is rotated. A lost code
cannot be recovered; the complainant submits again or asks the office by the prefix and details.
"""

import hashlib
import re
import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from regions.scope import within_q
from wadah.lib.workflow import Workflow
from wadah.models import PrivateFile

# Crockford base32: no I, L, O or U, so nothing is mistaken for 1, 0 or V.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 20
CODE_GROUP = 4
_LOOKALIKES = str.maketrans({"I": "1", "L": "1", "O": "0", "U": "V"})


def new_tracking_code() -> str:
    """A fresh tracking code, grouped for reading: "K7Q2-9MXD-…" (5 groups of 4)."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + CODE_GROUP] for i in range(0, CODE_LENGTH, CODE_GROUP))


def normalise_code(code: str) -> str:
    """The code as typed → its canonical form: upper case, no separators, look-alike letters read as digits."""
    return re.sub(r"[^0-9A-Z]", "", (code or "").upper()).translate(_LOOKALIKES)


def hash_code(code: str) -> str:
    return hashlib.sha256(normalise_code(code).encode()).hexdigest()


class ComplaintQuerySet(models.QuerySet["Complaint"]):
    def visible_to(self, user: object) -> "ComplaintQuerySet":
        """Complaints about incidents in the user's region scope (staff with registry access only)."""
        scope = getattr(user, "scope_code", None)
        if not getattr(user, "can_read_registry", False) or not scope:
            return self.none()
        return self.filter(within_q("region__code", scope))

    def handled_by(self, user: object) -> "ComplaintQuerySet":
        """Complaints whose handling office is within the scope of this Kesbangpol officer or Pimpinan (the same
        rule as complaints.actions.is_handling_officer: they see the complainant and the internal reasons)."""
        scope = getattr(user, "scope_code", None)
        if getattr(user, "role", None) not in ("petugas", "pimpinan") or not getattr(user, "office_id", None):
            return self.none()
        if not scope:
            return self.none()
        return self.filter(within_q("office__region__code", scope))

    def open(self) -> "ComplaintQuerySet":
        return self.exclude(status__in=[Complaint.Status.CLOSED, Complaint.Status.GROUPED])


class Complaint(Workflow, models.Model):
    class Channel(models.TextChoices):
        WEB = "web", _("Web form")
        WALK_IN = "walk_in", _("Walk-in")
        PHONE = "phone", _("Phone")
        LETTER = "letter", _("Letter")
        LAPOR = "lapor", _("LAPOR! (national complaint system)")

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        IN_TRIAGE = "in_triage", _("Being assessed")
        REFERRED_TO_POLICE = "referred_to_police", _("Referred to the police")
        CASE_OPENED = "case_opened", _("Case opened")
        GROUPED = "grouped", _("Joined with an earlier complaint")
        NOT_ACTIONABLE = "not_actionable", _("Not actionable")
        CLOSED = "closed", _("Closed")

    # Which status may follow which. Every move goes through one function in complaints/actions.py.
    TRANSITIONS: dict[str, set[str]] = {
        Status.RECEIVED: {Status.IN_TRIAGE, Status.GROUPED},
        Status.IN_TRIAGE: {Status.REFERRED_TO_POLICE, Status.CASE_OPENED, Status.GROUPED, Status.NOT_ACTIONABLE},
        Status.REFERRED_TO_POLICE: {Status.CLOSED},
        Status.CASE_OPENED: {Status.CLOSED},
        Status.GROUPED: {Status.CLOSED},
        Status.NOT_ACTIONABLE: {Status.CLOSED},
        Status.CLOSED: set(),
    }

    code_hash = models.CharField(max_length=64, unique=True, editable=False)
    code_prefix = models.CharField(_("reference"), max_length=4, db_index=True, editable=False)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel, default=Channel.WEB)
    lapor_reference = models.CharField(_("LAPOR! reference number"), max_length=60, blank=True)

    ormas = models.ForeignKey(
        "registry.Ormas", models.PROTECT, null=True, blank=True, related_name="complaints", verbose_name=_("Ormas")
    )
    ormas_text = models.CharField(
        _("Ormas (as described)"),
        max_length=300,
        blank=True,
        help_text=_("Name, uniform, banner or anything else that identifies the organisation."),
    )
    description = models.TextField(_("what happened"))
    region = models.ForeignKey(
        "regions.Region", models.PROTECT, related_name="+", verbose_name=_("where (kecamatan or desa)")
    )
    place = models.CharField(_("place"), max_length=300, blank=True)
    incident_date = models.DateField(_("date of the incident"))
    incident_time = models.TimeField(_("time"), null=True, blank=True)

    complainant_name = models.CharField(_("name"), max_length=150, blank=True)
    complainant_phone = models.CharField(_("phone"), max_length=40, blank=True)
    complainant_email = models.EmailField(_("e-mail"), blank=True)

    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.RECEIVED)
    group = models.ForeignKey(
        "self", models.PROTECT, null=True, blank=True, related_name="grouped", verbose_name=_("duplicate of")
    )
    public_progress = models.TextField(
        _("progress shown to the complainant"),
        blank=True,
        help_text=_("Plain words; no names, no internal details. The complainant sees this on the status page."),
    )
    internal_note = models.TextField(_("internal note"), blank=True)
    decision_note = models.TextField(_("decision"), blank=True)
    police_unit = models.CharField(_("police unit"), max_length=200, blank=True)
    referral_letter = models.ForeignKey(
        "letters.Letter", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("referral letter")
    )

    office = models.ForeignKey("accounts.Office", models.PROTECT, related_name="+", verbose_name=_("handling office"))
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("handled by")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("taken in by")
    )
    triage_due_on = models.DateField(_("triage due"), null=True, blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    triage_started_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # HMAC of the submitter's IP address with SECRET_KEY: counts submissions per address, never reveals it.
    ip_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)

    objects = ComplaintQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        indexes = [models.Index(fields=["status", "created_at"]), models.Index(fields=["ormas", "incident_date"])]

    def __str__(self) -> str:
        return f"{_('Complaint')} {self.reference}"

    def get_absolute_url(self) -> str:
        return reverse("complaints:detail", args=[self.pk])

    @property
    def reference(self) -> str:
        return f"{self.code_prefix}-…"

    @property
    def ormas_label(self) -> str:
        return self.ormas.name if self.ormas_id else self.ormas_text  # type: ignore[union-attr]

    @property
    def is_anonymous(self) -> bool:
        return not (self.complainant_name or self.complainant_phone or self.complainant_email)


class ComplaintAttachment(PrivateFile):
    """A photo or PDF sent with a complaint, stored privately and served only to officers in scope."""

    MAX_FILES = 5

    complaint = models.ForeignKey(Complaint, models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="complaints/%Y/%m/")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("complaints:attachment", args=[self.pk])


class StatusLookup(models.Model):
    """One tracking-code lookup on the public status page, kept only to rate-limit lookups per address."""

    ip_hash = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("status lookup")
        verbose_name_plural = _("status lookups")

    def __str__(self) -> str:
        return f"{self.ip_hash[:8]} {self.at:%Y-%m-%d %H:%M}"
