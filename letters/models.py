"""Official letters (surat) an office issues: gap-free numbering, the signed PDF with a QR code, and revocation.

Every write goes through letters/actions.py (issue_letter, revoke_letter). Whether a letter is still good
today is computed when asked (Letter.live_status), never stored: "expired" is a fact about a date.
"""

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from regions.scope import within_q
from wadah.lib.urls import absolute_url
from wadah.models import PrivateFile

if TYPE_CHECKING:
    from accounts.models import Office, User

ROMAN_MONTHS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
DEFAULT_PATTERN = "220/{seq}/Kesbangpol/{year}"
PLACEHOLDERS = {"seq", "year", "month_roman", "office", "code"}
# Where a province office dates its letters when its format names no place (admins can set any place).
PROVINCE_CAPITALS = {"62": "Palangka Raya"}


def validate_pattern(pattern: str) -> None:
    """A numbering pattern must contain {seq} and only the known placeholders."""
    import string

    try:
        names = {name for _text, name, _spec, _conv in string.Formatter().parse(pattern) if name is not None}
    except ValueError as exc:
        raise ValidationError(_("The pattern has an unbalanced brace: %(error)s") % {"error": exc}) from exc
    if "seq" not in names:
        raise ValidationError(_("The pattern must contain {seq}."))
    unknown = names - PLACEHOLDERS
    if unknown:
        raise ValidationError(
            _("Unknown placeholder(s): %(names)s. Use {seq}, {year}, {month_roman}, {office}, {code}.")
            % {"names": ", ".join(sorted(unknown))}
        )


class LetterFormat(models.Model):
    """How one office numbers its letters, e.g. "220/{seq}/Kesbangpol/{year}" → "220/007/Kesbangpol/2026".

    One active format per office. Offices are created by a management command after migrations, so no data
    migration can create formats: LetterFormat.for_office() creates the default on first use instead.
    """

    office = models.ForeignKey(
        "accounts.Office", models.CASCADE, related_name="letter_formats", verbose_name=_("office")
    )
    pattern = models.CharField(
        _("pattern"),
        max_length=200,
        default=DEFAULT_PATTERN,
        validators=[validate_pattern],
        help_text=_(
            "Placeholders: {seq} (the running number, zero-padded), {year}, {month_roman} (I–XII), "
            "{office} (the office code below), {code} (the letter type's archive classification code)."
        ),
    )
    seq_width = models.PositiveSmallIntegerField(_("digits in {seq}"), default=3)
    office_code = models.CharField(
        _("office code"), max_length=40, blank=True, help_text=_("What {office} becomes, e.g. “Kesbangpol”.")
    )
    place = models.CharField(
        _("place of issue"),
        max_length=80,
        blank=True,
        help_text=_("The town in the date line (e.g. “Palangka Raya”, “Sampit”); empty: the region's name."),
    )
    legal_note = models.CharField(
        _("legal basis / source"),
        max_length=300,
        blank=True,
        help_text=_("Where this numbering comes from (e.g. the regional regulation on official correspondence)."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    # A register that moves to Wadah mid-year goes on from the paper register's next number (letters.actions).
    starting_number = models.PositiveIntegerField(
        _("first number in Wadah"),
        null=True,
        blank=True,
        help_text=_("For a register moved to Wadah mid-year: the next free number of the paper register."),
    )
    starting_year = models.PositiveSmallIntegerField(_("for the year"), null=True, blank=True)

    class Meta:
        ordering = ["office_id", "-is_active", "pk"]
        verbose_name = _("letter number format")
        verbose_name_plural = _("letter number formats")
        constraints = [
            models.UniqueConstraint(fields=["office"], condition=Q(is_active=True), name="letterformat_one_active")
        ]

    def __str__(self) -> str:
        return f"{self.office}: {self.pattern}"

    @classmethod
    def for_office(cls, office: "Office") -> "LetterFormat":
        """The office's active format; creates the default "220/{seq}/Kesbangpol/{year}" the first time."""
        found = cls.objects.filter(office=office, is_active=True).first()
        if found:
            return found
        try:
            with transaction.atomic():
                return cls.objects.create(
                    office=office,
                    pattern=DEFAULT_PATTERN,
                    office_code="Kesbangpol",
                    place=PROVINCE_CAPITALS.get(office.region_id, ""),
                )
        except IntegrityError:  # another request created it a moment ago
            return cls.objects.get(office=office, is_active=True)

    def format(self, *, seq: int, date: dt.date, code: str = "") -> str:
        return self.pattern.format(
            seq=str(seq).zfill(self.seq_width),
            year=date.year,
            month_roman=ROMAN_MONTHS[date.month - 1],
            office=self.office_code or self.office.region_id,
            code=code or DEFAULT_CLASSIFICATION,
        )


DEFAULT_CLASSIFICATION = "220"


class LetterClassification(models.Model):
    """The archive classification code (kode klasifikasi arsip) of one kind of letter, written into its number
    through {code} and kept on the letter. Admin data with its source: the codes are UNVERIFIED until the office
    confirms them against the classification it applies."""

    kind = models.SlugField(_("letter kind"), max_length=60, unique=True)
    code = models.CharField(_("classification code"), max_length=20)
    name = models.CharField(_("name"), max_length=200)
    legal_source = models.CharField(_("legal source"), max_length=300)
    is_unverified = models.BooleanField(_("unverified"), default=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["kind"]
        verbose_name = _("letter classification code")
        verbose_name_plural = _("letter classification codes")

    def __str__(self) -> str:
        return f"{self.kind}: {self.code}"

    @classmethod
    def code_for(cls, kind: str) -> str:
        found = cls.objects.filter(kind__in=[kind, "other"]).values_list("kind", "code")
        codes = dict(found)
        return codes.get(kind) or codes.get("other") or DEFAULT_CLASSIFICATION


class NumberSequence(models.Model):
    """The gap-free counter of one office in one year. Locked with select_for_update() while a letter is issued."""

    office = models.ForeignKey("accounts.Office", models.CASCADE, related_name="+", verbose_name=_("office"))
    year = models.PositiveSmallIntegerField(_("year"))
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("letter number sequence")
        verbose_name_plural = _("letter number sequences")
        constraints = [models.UniqueConstraint(fields=["office", "year"], name="numbersequence_office_year")]

    def __str__(self) -> str:
        return f"{self.office} {self.year}: {self.last_number}"


# Letters the public number lookup never returns: supervision and law-enforcement correspondence (UU 14/2008
# Pasal 17(a); domain.md §0). Whoever holds one still verifies it through its QR code (an unguessable id).
NOT_PUBLICLY_FINDABLE = frozenset(
    {
        "written-warning",
        "halt-recommendation",
        "revocation-recommendation",
        "referral-letter",
        "police-referral",
        "foreign-measure-recommendation",
    }
)
# Letters about a sanction: they keep their force when the Ormas is revoked or dissolved (they are why).
SANCTION_LETTERS = NOT_PUBLICLY_FINDABLE | {"halt-of-activities"}
# Ormas statuses under which the letters issued to it no longer have force (issue 11).
ORMAS_ENDED = frozenset({"dicabut", "bubar"})
CHECK_CODE_LENGTH = 8


class LetterQuerySet(models.QuerySet["Letter"]):
    def publicly_findable(self) -> "LetterQuerySet":
        return self.exclude(kind__in=NOT_PUBLICLY_FINDABLE)

    def visible_to(self, user: "User") -> "LetterQuerySet":
        """Letters of the offices within the user's region scope; none for users without registry access."""
        scope = getattr(user, "scope_code", None)
        if not getattr(user, "can_read_registry", False) or not scope:
            return self.none()
        return self.filter(within_q("office__region__code", scope))


class Letter(models.Model):
    """One issued letter. Its public_id (not its number) is what the QR code carries."""

    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        REVOKED = "revoked", _("Revoked")
        SUPERSEDED = "superseded", _("Superseded")

    # Not stored: derived from valid_until by live_status().
    EXPIRED = "expired"

    # Kinds are free slugs so that services can define their own; these are the ones known so far.
    KNOWN_KINDS = {
        "skt-cover-letter": _("SKT cover letter"),
        "presence-letter": _("Certificate of presence"),
        "board-change": _("Board change"),
        "address-change": _("Address change"),
        "skt-renewal": _("SKT renewal"),
        "activity-report-receipt": _("Activity report receipt"),
        "dissolution-notice": _("Dissolution notice"),
        "event-invitation": _("Invitation to a guidance event"),
        "document-check-report": _("Berita acara of the document check"),
        "field-check-report": _("Berita acara of the field check"),
        "document-validity-form": _("Formulir keabsahan dokumen"),
        "activity-recommendation": _("Activity recommendation"),
        "other": _("Other"),
    }

    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey("accounts.Office", models.PROTECT, related_name="letters", verbose_name=_("office"))
    number = models.CharField(_("number"), max_length=120)
    classification_code = models.CharField(_("classification code"), max_length=20, blank=True)
    sequence = models.PositiveIntegerField(_("sequence"))
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.SlugField(_("kind"), max_length=60)
    title = models.CharField(_("title"), max_length=200)
    subject = models.CharField(_("subject (perihal)"), max_length=300)
    ormas = models.ForeignKey(
        "registry.Ormas", models.PROTECT, null=True, blank=True, related_name="letters", verbose_name=_("Ormas")
    )
    addressee = models.TextField(_("addressee"), blank=True)
    body = models.TextField(_("body"), blank=True, help_text=_("Plain text; a blank line separates paragraphs."))
    content = models.JSONField(_("structured content"), default=dict, blank=True)
    attachment_note = models.CharField(_("attachment (lampiran)"), max_length=200, blank=True)
    signatory_name = models.CharField(_("signatory name"), max_length=200)
    signatory_position = models.CharField(_("signatory position"), max_length=200)
    signatory_nip = models.CharField(_("signatory NIP"), max_length=30, blank=True)
    issued_on = models.DateField(_("issued on"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.VALID)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    revocation_reason = models.TextField(_("revocation reason"), blank=True)
    superseded_by = models.ForeignKey(
        "self", models.PROTECT, null=True, blank=True, related_name="replaces", verbose_name=_("superseded by")
    )
    pdf = models.FileField(_("PDF"), upload_to="letters/%Y/", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    source_type = models.ForeignKey(
        ContentType, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("source type")
    )
    source_id = models.PositiveBigIntegerField(_("source id"), null=True, blank=True)
    source = GenericForeignKey("source_type", "source_id")

    objects = LetterQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "-pk"]
        verbose_name = _("letter")
        verbose_name_plural = _("letters")
        constraints = [
            models.UniqueConstraint(fields=["office", "number"], name="letter_number_unique_per_office"),
            models.UniqueConstraint(fields=["office", "year", "sequence"], name="letter_sequence_unique"),
        ]
        indexes = [models.Index(fields=["source_type", "source_id"]), models.Index(fields=["number"])]

    def __str__(self) -> str:
        return f"{self.number} — {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("letters:detail", args=[self.pk])

    def get_verify_path(self) -> str:
        return reverse("portal:letter-verify", args=[self.public_id])

    @property
    def verify_url(self) -> str:
        """The address the QR code carries: SITE_URL + the public verification page."""
        return absolute_url(self.get_verify_path())

    @property
    def check_code(self) -> str:
        """Printed on the letter for the number + date lookup ("1A2B-3C4D"): the start of its unguessable public id
        (also the first characters after /v/ in the verification address under the QR code)."""
        code = self.public_id.hex[:CHECK_CODE_LENGTH].upper()
        return f"{code[:4]}-{code[4:]}"

    @property
    def kind_label(self) -> str:
        return str(self.KNOWN_KINDS.get(self.kind, self.kind))

    def live_status(self, today: dt.date | None = None) -> str:
        """ "valid" | "expired" | "revoked" | "superseded", as of today (or the given date)."""
        if self.status != self.Status.VALID:
            return self.status
        today = today or timezone.localdate()
        if self.valid_until and self.valid_until < today:
            return self.EXPIRED
        return self.Status.VALID

    def ended_with_ormas(self) -> bool:
        """Whether this letter lost its force because its Ormas's registration was revoked or it was dissolved."""
        return bool(
            self.ormas_id and self.kind not in SANCTION_LETTERS and getattr(self.ormas, "status", None) in ORMAS_ENDED
        )

    @property
    def expired_since(self) -> dt.date | None:
        """The first day the letter is no longer in force (the day after valid_until)."""
        return self.valid_until + dt.timedelta(days=1) if self.valid_until else None

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.body.replace("\r\n", "\n").split("\n\n") if p.strip()]


class SignedScan(PrivateFile):
    """The scan of the letter as signed on paper (wet signature and stamp), attached after issue. Private: streamed
    only through the letter's permission check."""

    letter = models.ForeignKey(Letter, models.CASCADE, related_name="scans", verbose_name=_("letter"))
    file = models.FileField(upload_to="letter-scans/%Y/")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = _("signed scan")
        verbose_name_plural = _("signed scans")

    def __str__(self) -> str:
        return self.original_name
