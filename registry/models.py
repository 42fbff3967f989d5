"""The Buku Induk: Ormas, their chapters (kepengurusan), board members (pengurus) and documents.

Every write goes through registry/actions.py, which keeps the denormalised search and scope
columns in step and writes the audit trail.
"""

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Self

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from regions.scope import within_q
from wadah.lib.nik import validate_nik
from wadah.lib.workflow import Workflow
from wadah.models import PrivateFile

if TYPE_CHECKING:
    from accounts.models import User


class FieldOfActivity(models.Model):
    """A bidang kegiatan. No official code list exists (domain.md §11.9), so admins maintain it."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True, help_text=_("Where this category comes from."))
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("field of activity")
        verbose_name_plural = _("fields of activity")

    def __str__(self) -> str:
        return self.name


class DocumentType(models.Model):
    """A kind of document kept for an Ormas (akta pendirian, SKT, SK AHU, …); admins maintain the list."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=100)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("document type")
        verbose_name_plural = _("document types")

    def __str__(self) -> str:
        return self.name


class LegalRequirement(models.Model):
    """A registration rule's figure or date, with its source (registry/requirements.py reads them):

    * founders-minimum — at least N founders, all WNI (UU 17/2013 Pasal 9; not for a yayasan);
    * board-wni — every current board member of a domestic Ormas is WNI (`number` unused);
    * regional-skt-cutoff — the date from which only the Mendagri issues SKTs (Permendagri 57/2017).

    Admins correct the figure, date or source in the admin; a rule switched off is not checked.
    """

    FOUNDERS_MINIMUM = "founders-minimum"
    BOARD_WNI = "board-wni"
    REGIONAL_SKT_CUTOFF = "regional-skt-cutoff"

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    number = models.PositiveIntegerField(_("figure"), null=True, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    legal_source = models.CharField(_("legal source"), max_length=300)
    is_unverified = models.BooleanField(
        _("unverified"), default=False, help_text=_("Not yet confirmed against the text of the legal source.")
    )
    note = models.TextField(_("note"), blank=True)
    is_active = models.BooleanField(_("checked"), default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("registration rule")
        verbose_name_plural = _("registration rules")

    def __str__(self) -> str:
        return self.name

    @classmethod
    def get(cls, code: str) -> "LegalRequirement | None":
        return cls.objects.filter(code=code, is_active=True).first()


class RegionScopedQuerySet[M: models.Model](models.QuerySet[M]):
    """The registry's visibility rule for rows placed in a region by denormalised `province_code`, `regency_code`
    and `region_id` columns: the Ormas themselves, and read models keyed like them (insights.models.AreaFigure), so
    that a precomputed figure is scoped by exactly the rule that scopes the records it counts."""

    def visible_to(self, user: "User") -> "Self":
        """The rows this user may see: those whose region lies in the user's region scope."""
        scope = getattr(user, "scope_code", None)
        if not getattr(user, "can_read_registry", False) or not scope:
            return self.none()
        return self.in_region(scope)

    def in_region(self, code: str) -> "Self":
        # Exact matches on the denormalised province/regency columns use plain b-tree indexes.
        if "." not in code:
            return self.filter(province_code=code)
        if code.count(".") == 1:
            return self.filter(regency_code=code)
        return self.filter(within_q("region_id", code))


class OrmasQuerySet(RegionScopedQuerySet["Ormas"]):
    def skt_expiring_within(self, days: int) -> "OrmasQuerySet":
        today = timezone.localdate()
        return self.filter(skt_expires_on__gte=today, skt_expires_on__lte=today + dt.timedelta(days=days))

    def skt_expired(self) -> "OrmasQuerySet":
        return self.filter(skt_expires_on__lt=timezone.localdate())


class Ormas(Workflow, models.Model):
    """An Ormas known to Kesbangpol: identity, legal form and national registration, secretariat, status."""

    class LegalForm(models.TextChoices):
        ASSOCIATION = "perkumpulan", _("Association (perkumpulan, legal entity)")
        FOUNDATION = "yayasan", _("Foundation (yayasan, legal entity)")
        UNINCORPORATED = "tidak_berbadan_hukum", _("Not a legal entity (SKT)")
        FOREIGN = "asing", _("Foreign Ormas")

    class Status(models.TextChoices):
        ACTIVE = "aktif", _("Active")
        INACTIVE = "tidak_aktif", _("Inactive")
        # The stored value keeps the pre-2017 word (pembekuan) so that existing data, exports and the open-data API
        # stay stable; the label says what UU 16/2017 Pasal 61(1)(b) now calls it: penghentian kegiatan.
        FROZEN = "dibekukan", _("Activities halted")
        REVOKED = "dicabut", _("Revoked")
        DISSOLVED = "bubar", _("Dissolved")
        # Known to the office (e.g. from a legacy list) but without SKT or SK AHU: recorded, not registered.
        TERDATA = "terdata", _("Recorded (no SKT/SK AHU yet)")
        # Registering: its SKT application is with the office or Kemendagri (domain.md §11.2).
        IN_PROCESS = "dalam_proses", _("Registration in process")

    # Statuses that only a recorded decision sets or ends (actions.change_ormas_status with a Decision).
    SANCTION_STATUSES = frozenset({Status.FROZEN, Status.REVOKED, Status.DISSOLVED})
    # Statuses in which an Ormas may no longer file applications.
    ENDED_STATUSES = frozenset({Status.REVOKED, Status.DISSOLVED})
    # Known but not (yet) registered (MK 82/PUU-XI/2013: registration is voluntary): they may only apply for the
    # services open to unregistered Ormas (ServiceType.open_to_unregistered, e.g. the SKT pre-verification).
    UNREGISTERED_STATUSES = frozenset({Status.TERDATA, Status.IN_PROCESS})

    # Which status may follow which. Every move goes through actions.change_ormas_status().
    TRANSITIONS: dict[str, set[str]] = {
        Status.ACTIVE: {Status.INACTIVE, Status.FROZEN, Status.REVOKED, Status.DISSOLVED},
        Status.INACTIVE: {Status.ACTIVE, Status.REVOKED, Status.DISSOLVED},
        Status.FROZEN: {Status.ACTIVE, Status.REVOKED, Status.DISSOLVED},
        # A revocation can be annulled by a court; a dissolution is final.
        Status.REVOKED: {Status.ACTIVE, Status.DISSOLVED},
        Status.DISSOLVED: set(),
        # A recorded Ormas becomes active once it obtains its SKT or SK AHU, or starts registering.
        Status.TERDATA: {Status.ACTIVE, Status.INACTIVE, Status.DISSOLVED, Status.IN_PROCESS},
        # Registering: active once the SKT is recorded; back to terdata if the application is refused or withdrawn.
        Status.IN_PROCESS: {Status.ACTIVE, Status.TERDATA, Status.INACTIVE, Status.DISSOLVED},
    }

    class SktIssuer(models.TextChoices):
        KEMENDAGRI = "kemendagri", _("Kemendagri (Mendagri)")
        PROVINCE = "pemda_provinsi", _("Provincial government (before Permendagri 57/2017)")
        REGENCY = "pemda_kabkota", _("Regency/city government (before Permendagri 57/2017)")

    class ScopeLevel(models.TextChoices):
        NATIONAL = "nasional", _("National")
        PROVINCE = "provinsi", _("Province")
        REGENCY = "kabupaten_kota", _("Regency/city")

    class SecretariatStatus(models.TextChoices):
        OWNED = "milik", _("Owned")
        RENTED = "sewa", _("Rented")
        LOANED = "pinjam_pakai", _("On loan (pinjam pakai)")

    class FundingOrigin(models.TextChoices):
        DOMESTIC = "dalam_negeri", _("Domestic")
        FOREIGN = "luar_negeri", _("Foreign")
        BOTH = "keduanya", _("Domestic and foreign")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=255, help_text=_("As written in the articles of association."))
    abbreviation = models.CharField(_("abbreviation"), max_length=60, blank=True)
    logo = models.FileField(_("logo"), upload_to="logos/%Y/", blank=True)
    legal_form = models.CharField(_("legal form"), max_length=25, choices=LegalForm)
    member_based = models.BooleanField(_("member-based"), default=True)
    scope_level = models.CharField(_("scope"), max_length=20, choices=ScopeLevel, default=ScopeLevel.REGENCY)

    ahu_number = models.CharField(_("SK AHU number"), max_length=80, blank=True)
    ahu_date = models.DateField(_("SK AHU date"), null=True, blank=True)
    skt_number = models.CharField(_("SKT number"), max_length=80, blank=True)
    skt_issued_on = models.DateField(_("SKT issued on"), null=True, blank=True)
    skt_expires_on = models.DateField(_("SKT valid until"), null=True, blank=True)
    skt_issuer = models.CharField(
        _("SKT issued by"),
        max_length=20,
        choices=SktIssuer,
        blank=True,
        help_text=_("Since Permendagri 57/2017 the Mendagri issues every SKT; older regional SKTs stay in force."),
    )
    skt_issuer_name = models.CharField(
        _("issuing government"),
        max_length=150,
        blank=True,
        help_text=_("For a regional SKT: which government issued it (e.g. “Pemerintah Kabupaten Kotawaringin Timur”)."),
    )
    siormas_reference = models.CharField(
        _("SIORMAS reference"), max_length=80, blank=True, help_text=_("The Ormas's number in Kemendagri's SIORMAS.")
    )
    siola_reference = models.CharField(
        _("SIOLA application number"),
        max_length=80,
        blank=True,
        help_text=_("The number of the SKT application in Kemendagri's SIOLA (ULA) service."),
    )
    foreign_permit_number = models.CharField(_("operating permit number"), max_length=80, blank=True)
    foreign_permit_expires_on = models.DateField(_("operating permit valid until"), null=True, blank=True)

    deed_number = models.CharField(_("deed of establishment number"), max_length=80, blank=True)
    deed_date = models.DateField(_("deed date"), null=True, blank=True)
    notary_name = models.CharField(_("notary"), max_length=150, blank=True)
    founded_place = models.CharField(_("place of establishment"), max_length=120, blank=True)
    founded_on = models.DateField(_("date of establishment"), null=True, blank=True)

    fields_of_activity = models.ManyToManyField(
        FieldOfActivity, blank=True, related_name="ormas", verbose_name=_("fields of activity")
    )
    principle = models.CharField(_("principle (asas)"), max_length=255, blank=True)
    purpose = models.TextField(_("purpose (tujuan)"), blank=True)
    funding_source = models.TextField(_("sources of funds"), blank=True)
    funding_origin = models.CharField(
        _("origin of funds"), max_length=15, choices=FundingOrigin, default=FundingOrigin.DOMESTIC
    )
    npwp = models.CharField(_("NPWP"), max_length=25, blank=True)
    member_count = models.PositiveIntegerField(_("number of members"), null=True, blank=True)

    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    social_media = models.TextField(_("social media"), blank=True, help_text=_("One account or link per line."))

    address = models.CharField(_("secretariat address"), max_length=300)
    region = models.ForeignKey(
        "regions.Region", models.PROTECT, related_name="+", verbose_name=_("village (desa/kelurahan)")
    )
    # Denormalised from region so that scope and kab/kota filters are exact index lookups at national scale.
    province_code = models.CharField(max_length=2, editable=False, db_index=True)
    regency_code = models.CharField(max_length=5, editable=False, db_index=True)
    secretariat_status = models.CharField(_("secretariat status"), max_length=15, choices=SecretariatStatus, blank=True)
    secretariat_until = models.DateField(_("rent/loan ends on"), null=True, blank=True)

    status = models.CharField(_("status"), max_length=15, choices=Status, default=Status.ACTIVE, db_index=True)
    status_changed_on = models.DateField(_("status since"), null=True, blank=True)

    # Normalised copies for search (see wadah.lib.text); trigram-indexed on PostgreSQL.
    name_search = models.CharField(max_length=255, editable=False, db_index=True)
    abbreviation_search = models.CharField(max_length=60, editable=False, blank=True)
    number_search = models.CharField(max_length=200, editable=False, blank=True)

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = OrmasQuerySet.as_manager()

    class Meta:
        ordering = ["name_search", "id"]
        verbose_name = _("Ormas")
        verbose_name_plural = _("Ormas")
        indexes = [
            models.Index(fields=["regency_code", "status", "name_search"]),
            # The public register per kab/kota in name order (directory, open-data API list and its cursor): an
            # index range scan of one page instead of sorting every Ormas of the kab/kota (ADR 0011).
            models.Index(fields=["regency_code", "name_search", "id"], name="registry_ormas_regency_name"),
            models.Index(fields=["province_code", "name_search"]),
            models.Index(fields=["skt_expires_on"]),
            models.Index(fields=["legal_form"]),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.abbreviation})" if self.abbreviation else self.name

    def get_absolute_url(self) -> str:
        return reverse("registry:ormas-detail", args=[self.pk])

    def clean(self) -> None:
        super().clean()
        if self.skt_issuer in (self.SktIssuer.PROVINCE, self.SktIssuer.REGENCY):
            cutoff = LegalRequirement.get(LegalRequirement.REGIONAL_SKT_CUTOFF)
            if cutoff and cutoff.date and (not self.skt_issued_on or self.skt_issued_on >= cutoff.date):
                raise ValidationError(
                    {
                        "skt_issuer": _(
                            "A regional government issued SKTs only before %(date)s (%(source)s); give the SKT's "
                            "issue date before then, or choose Kemendagri."
                        )
                        % {"date": date_format(cutoff.date, "DATE_FORMAT"), "source": cutoff.legal_source}
                    }
                )
        if self.skt_issuer_name and self.skt_issuer not in (self.SktIssuer.PROVINCE, self.SktIssuer.REGENCY):
            self.skt_issuer_name = ""

    @property
    def is_registered(self) -> bool:
        return self.status not in self.UNREGISTERED_STATUSES

    @property
    def allowed_statuses(self) -> list[str]:
        return [s for s in self.Status.values if self.can_move_to(s)]

    @property
    def manual_statuses(self) -> list[str]:
        """The statuses the registry's status page may set: none into or out of a sanction status."""
        if self.status in self.SANCTION_STATUSES:
            return []
        return [s for s in self.allowed_statuses if s not in self.SANCTION_STATUSES]

    @property
    def registration_number(self) -> str:
        """The national registration that applies to this legal form."""
        if self.legal_form == self.LegalForm.UNINCORPORATED:
            return self.skt_number
        if self.legal_form == self.LegalForm.FOREIGN:
            return self.foreign_permit_number
        return self.ahu_number

    @property
    def skt_days_left(self) -> int | None:
        if self.legal_form != self.LegalForm.UNINCORPORATED or not self.skt_expires_on:
            return None
        return (self.skt_expires_on - timezone.localdate()).days

    @property
    def skt_is_expired(self) -> bool:
        days = self.skt_days_left
        return days is not None and days < 0


class Chapter(models.Model):
    """A kepengurusan of an Ormas at one region level (DPP, DPD, DPC …) with its local presence record."""

    class Level(models.TextChoices):
        NATIONAL = "pusat", _("National (DPP/PP)")
        PROVINCE = "provinsi", _("Province (DPD/PW)")
        REGENCY = "kabupaten_kota", _("Regency/city (DPC/PD)")
        DISTRICT = "kecamatan", _("District (PAC/PC)")
        VILLAGE = "desa", _("Village (ranting)")

    ormas = models.ForeignKey(Ormas, models.CASCADE, related_name="chapters", verbose_name=_("Ormas"))
    parent = models.ForeignKey(
        "self", models.SET_NULL, null=True, blank=True, related_name="children", verbose_name=_("parent chapter")
    )
    level = models.CharField(_("level"), max_length=20, choices=Level)
    name = models.CharField(_("name"), max_length=200, help_text=_('For example "DPD Kalimantan Tengah".'))
    region = models.ForeignKey("regions.Region", models.PROTECT, related_name="+", verbose_name=_("region"))
    address = models.CharField(_("address"), max_length=300, blank=True)
    term_start = models.DateField(_("term starts"), null=True, blank=True)
    term_end = models.DateField(_("term ends"), null=True, blank=True)
    # The local presence record (lapor keberadaan) kept by the Kesbangpol office of this region.
    buku_induk_number = models.CharField(_("Buku Induk number"), max_length=60, blank=True)
    presence_letter_number = models.CharField(_("presence letter number"), max_length=80, blank=True)
    presence_letter_date = models.DateField(_("presence letter date"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["ormas", "level", "name"]
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")
        indexes = [models.Index(fields=["buku_induk_number"])]

    def __str__(self) -> str:
        return self.name


class Person(models.Model):
    """A natural person, keyed by NIK, who may sit on the boards of several Ormas over time."""

    class Gender(models.TextChoices):
        MALE = "L", _("Male")
        FEMALE = "P", _("Female")

    nik = models.CharField(_("NIK"), max_length=16, unique=True, null=True, blank=True, validators=[validate_nik])
    name = models.CharField(_("full name"), max_length=150)
    name_search = models.CharField(max_length=150, editable=False, db_index=True)
    gender = models.CharField(_("gender"), max_length=1, choices=Gender, blank=True)
    birth_place = models.CharField(_("place of birth"), max_length=100, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    address = models.CharField(_("home address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    is_citizen = models.BooleanField(_("Indonesian citizen (WNI)"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.name


class BoardMember(models.Model):
    """A seat on a chapter's board: who, in which position, for which term. Past seats stay as history."""

    class Position(models.TextChoices):
        CHAIR = "ketua", _("Chair (ketua)")
        VICE_CHAIR = "wakil_ketua", _("Vice chair")
        SECRETARY = "sekretaris", _("Secretary")
        VICE_SECRETARY = "wakil_sekretaris", _("Vice secretary")
        TREASURER = "bendahara", _("Treasurer")
        VICE_TREASURER = "wakil_bendahara", _("Vice treasurer")
        MEMBER = "anggota", _("Board member")
        PATRON = "pembina", _("Patron (pembina)")
        ADVISOR = "penasehat", _("Advisor (penasehat)")
        FOUNDER = "pendiri", _("Founder")

    # Core officers the law asks for (domain.md §3.2 item 4), shown first.
    CORE_POSITIONS = (Position.CHAIR, Position.SECRETARY, Position.TREASURER)

    chapter = models.ForeignKey(Chapter, models.CASCADE, related_name="board", verbose_name=_("chapter"))
    # Denormalised from chapter so that "Ormas whose board includes X" is one indexed join at 3M rows.
    ormas = models.ForeignKey(Ormas, models.CASCADE, related_name="board_members", editable=False)
    person = models.ForeignKey(Person, models.PROTECT, related_name="seats", verbose_name=_("person"))
    position = models.CharField(_("position"), max_length=20, choices=Position)
    title = models.CharField(_("title as written"), max_length=120, blank=True)
    term_start = models.DateField(_("term starts"), null=True, blank=True)
    term_end = models.DateField(_("term ends"), null=True, blank=True)
    ended_on = models.DateField(_("left the board on"), null=True, blank=True)
    end_reason = models.CharField(_("reason for leaving"), max_length=200, blank=True)

    class Meta:
        ordering = ["chapter", "position", "id"]
        verbose_name = _("board member")
        verbose_name_plural = _("board members")
        indexes = [models.Index(fields=["person", "ormas"]), models.Index(fields=["chapter", "ended_on"])]

    def __str__(self) -> str:
        return f"{self.person} — {self.get_position_display()}"

    @property
    def is_current(self) -> bool:
        return self.ended_on is None


class DocumentQuerySet(models.QuerySet["Document"]):
    def current(self) -> "DocumentQuerySet":
        return self.filter(archived_at__isnull=True)


class Document(PrivateFile):
    """A file kept for an Ormas, stored outside the web root and served only through a permission check."""

    ormas = models.ForeignKey(Ormas, models.CASCADE, related_name="documents", verbose_name=_("Ormas"))
    document_type = models.ForeignKey(DocumentType, models.PROTECT, verbose_name=_("document type"))
    title = models.CharField(_("title"), max_length=200, blank=True)
    file = models.FileField(_("file"), upload_to="documents/%Y/%m/")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["document_type__order", "-uploaded_at"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.title or self.document_type.name

    def get_absolute_url(self) -> str:
        return reverse("registry:document-download", args=[self.pk])


class ReservedName(models.Model):
    """A name an Ormas may not use or resemble (UU 17/2013 Pasal 59 as amended by UU 16/2017; domain.md §3.5).

    Admins maintain the list; registry/names.py compares proposed names against the active entries.
    """

    class Category(models.TextChoices):
        GOVERNMENT = "government", _("Government institution")
        TNI_POLRI = "tni_polri", _("TNI / Polri")
        STATE_SYMBOL = "state_symbol", _("State symbol")
        POLITICAL_PARTY = "political_party", _("Political party")
        FOREIGN_OR_INTERNATIONAL = "foreign_state_or_international", _("Foreign state or international body")
        BANNED = "banned_organisation", _("Banned or dissolved organisation")
        OTHER = "other", _("Other")

    class Effect(models.TextChoices):
        PROHIBITION = "prohibition", _("Prohibited (the law forbids this name)")
        REVIEW_HINT = "review_hint", _("Review hint (no statutory prohibition of the word)")

    name = models.CharField(_("name"), max_length=255)
    abbreviation = models.CharField(_("abbreviation"), max_length=60, blank=True)
    category = models.CharField(_("category"), max_length=40, choices=Category)
    effect = models.CharField(
        _("effect"),
        max_length=15,
        choices=Effect,
        default=Effect.PROHIBITION,
        help_text=_(
            "UU 24/2009 protects the state emblem and flag, not words in a name: entries resting on it are review "
            "hints for the officer."
        ),
    )
    legal_basis = models.CharField(
        _("legal basis"), max_length=300, blank=True, help_text=_('For example "UU 17/2013 Pasal 59(1)(a)".')
    )
    source = models.CharField(
        _("source"), max_length=300, blank=True, help_text=_('Where this entry comes from; "UNVERIFIED" if unsure.')
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["category", "name"]
        verbose_name = _("reserved name")
        verbose_name_plural = _("reserved names")

    def __str__(self) -> str:
        return f"{self.name} ({self.abbreviation})" if self.abbreviation else self.name


class NameTerm(models.Model):
    """A word the name check treats specially (registry/names): admins maintain the list, with its source.

    * equivalent — `term` is read as `replacement` before names are compared ("sei" → "sungai", "kalteng" →
      "kalimantan tengah", "kab" → "kabupaten");
    * region — a region or administrative word or phrase ("kabupaten", "dpd", "indonesia"); set aside when
      candidates are fetched and scored as a separate signal. The kab/kota and province names of the regions table
      count as region words without being listed here;
    * generic — says what kind of organisation it is, not which one ("ikatan", "forum"); ignored;
    * common — carries meaning but is shared by many unrelated names ("pemuda", "dayak", "peduli"); a match on such
      words alone is not reported.
    """

    class Kind(models.TextChoices):
        EQUIVALENT = "equivalent", _("Equivalent or abbreviation")
        REGION = "region", _("Region or administrative word")
        GENERIC = "generic", _("Generic word (kind of organisation)")
        COMMON = "common", _("Common word (weak evidence)")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind)
    term = models.CharField(_("word or phrase"), max_length=100, help_text=_("Written as in names; case is ignored."))
    replacement = models.CharField(
        _("read as"), max_length=100, blank=True, help_text=_('Equivalents only: for example "sungai" for "sei".')
    )
    source = models.CharField(_("source"), max_length=300, blank=True, help_text=_("Where this entry comes from."))
    is_active = models.BooleanField(_("active"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind", "term"]
        verbose_name = _("name-check word")
        verbose_name_plural = _("name-check words")
        constraints = [models.UniqueConstraint(fields=["kind", "term"], name="registry_nameterm_unique")]

    def __str__(self) -> str:
        return f"{self.term} → {self.replacement}" if self.replacement else self.term


class Emblem(models.Model):
    """A state, foreign or reserved emblem or flag that Ormas logos are compared with (UU 17/2013 Pasal 59(1)(a)–(b);
    UU 24/2009). Admins upload the real images; the few the project can draw itself carry a `builtin` key instead."""

    class Category(models.TextChoices):
        STATE = "state", _("State emblem or flag")
        GOVERNMENT = "government", _("Government institution")
        FOREIGN_OR_INTERNATIONAL = "foreign_state_or_international", _("Foreign state or international body")
        BANNED = "banned_organisation", _("Banned or dissolved organisation")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    category = models.CharField(_("category"), max_length=40, choices=Category)
    image = models.FileField(_("image"), upload_to="emblems/", blank=True)
    builtin = models.CharField(max_length=40, blank=True, editable=False)
    legal_basis = models.CharField(_("legal basis"), max_length=300, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True, help_text=_("Where the image comes from."))
    phash = models.BigIntegerField(null=True, editable=False)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["category", "name"]
        verbose_name = _("reserved emblem")
        verbose_name_plural = _("reserved emblems")

    def __str__(self) -> str:
        return self.name


class LogoFingerprint(models.Model):
    """The perceptual hash of an Ormas's logo (registry/logos.py), split into four 16-bit bands that are indexed, so
    similar logos are found by band lookups (multi-index hashing) instead of comparing every logo."""

    ormas = models.OneToOneField(Ormas, models.CASCADE, primary_key=True, related_name="logo_fingerprint")
    phash = models.BigIntegerField()  # the 64 bits as a signed integer
    band0 = models.IntegerField(db_index=True)
    band1 = models.IntegerField(db_index=True)
    band2 = models.IntegerField(db_index=True)
    band3 = models.IntegerField(db_index=True)

    class Meta:
        verbose_name = _("logo fingerprint")
        verbose_name_plural = _("logo fingerprints")

    def __str__(self) -> str:
        return f"{self.phash & 0xFFFFFFFFFFFFFFFF:016x}"


class NameKey(models.Model):
    """The name check's index of one Ormas name (registry/names/index.py), so that candidates are found by exact
    index lookups instead of LIKE conditions. Written by the registry actions whenever a name is entered or
    changed, and rebuilt for every Ormas when the name-check word lists change (`manage.py rebuild_name_index`).

    Every value is read as the check reads names (spelling key, equivalents applied, generic and region words set
    aside): `word` — one core word; `key` — the sorted core words; `near` — the key with one word left out.
    `size` is the number of core words of the name, so the shortest names (the closest containments) come first.
    """

    class Kind(models.TextChoices):
        WORD = "w", "word"
        KEY = "k", "key"
        NEAR = "d", "key less one word"

    ormas = models.ForeignKey(Ormas, models.CASCADE, related_name="+", db_index=False)
    kind = models.CharField(max_length=1, choices=Kind)
    value = models.CharField(max_length=255)
    size = models.PositiveSmallIntegerField()

    class Meta:
        verbose_name = _("name index entry")
        verbose_name_plural = _("name index entries")
        indexes = [
            models.Index(fields=["kind", "value", "size", "ormas"], name="registry_namekey_lookup"),
            models.Index(fields=["ormas", "kind", "value"], name="registry_namekey_ormas"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.value}"


class NameVocabulary(models.Model):
    """Every core word the name index holds, once (trigram-indexed on PostgreSQL): a mistyped word of a proposal is
    looked up here first, then by its correct spelling in the index. Words are added, never removed (an unused one
    costs nothing)."""

    word = models.CharField(max_length=255, unique=True)

    class Meta:
        verbose_name = _("name-check vocabulary word")
        verbose_name_plural = _("name-check vocabulary")

    def __str__(self) -> str:
        return self.word
