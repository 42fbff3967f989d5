"""Users, the Kesbangpol offices they work in, the Tim Terpadu agencies, and the roles that decide what each sees."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from regions.scope import within


class Office(models.Model):
    """A Kesbangpol office: the province's or one kab/kota's. Its region decides what its staff may see."""

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=80)
    region = models.OneToOneField("regions.Region", models.PROTECT, verbose_name=_("region"))
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    # Shown on the public portal's office list. The default is the usual Pemda Kalteng working week (UNVERIFIED for
    # each office: an admin corrects it).
    opening_hours = models.CharField(
        _("opening hours"), max_length=200, blank=True, default="Senin–Kamis 07.30–16.00 WIB, Jumat 07.30–16.30 WIB"
    )
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["region_id"]
        verbose_name = _("Kesbangpol office")
        verbose_name_plural = _("Kesbangpol offices")

    def __str__(self) -> str:
        return self.short_name

    @classmethod
    def for_region(cls, code: str) -> "Office":
        """The Kesbangpol office responsible for a region: its kab/kota office, else the province's."""
        office = cls.objects.filter(region_id=code[:5]).first() if "." in code else None
        return office or cls.objects.get(region_id=code[:2])

    @property
    def is_province(self) -> bool:
        return "." not in self.region_id


class Agency(models.Model):
    """An agency of the Tim Terpadu at the province (Polda, Korem, BINDA, Kejati, …) or in a kab/kota (Polres,
    Kodim, Kejari, …), kept as data an admin can extend. Its members' scope is its region (User.scope_code)."""

    class Kind(models.TextChoices):
        KESBANGPOL = "kesbangpol", _("Kesbangpol")
        POLICE = "polri", _("Police (Polri)")
        MILITARY = "tni", _("Military (TNI)")
        INTELLIGENCE = "intelijen", _("State intelligence (BIN)")
        PROSECUTOR = "kejaksaan", _("Prosecutor (Kejaksaan)")
        SATPOL_PP = "satpol_pp", _("Civil service police (Satpol PP)")
        RELIGIOUS_AFFAIRS = "kemenag", _("Religious affairs (Kemenag)")
        LAW = "kemenkum", _("Law (Kemenkum)")
        LEGAL_BUREAU = "biro_hukum", _("Legal bureau (Biro Hukum)")
        OTHER = "lainnya", _("Other")

    name = models.CharField(_("name"), max_length=200)
    abbreviation = models.CharField(_("abbreviation"), max_length=40)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    region = models.ForeignKey("regions.Region", models.PROTECT, verbose_name=_("region"))
    # The agency one level up (Polres → Polda, Kodim → Korem, Kejari → Kejati); None at the top.
    parent = models.ForeignKey(
        "self", models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("parent agency")
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["region_id", "abbreviation"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        constraints = [models.UniqueConstraint(fields=["abbreviation", "region"], name="agency_unique_per_region")]

    def __str__(self) -> str:
        return self.abbreviation


class Role(models.TextChoices):
    ADMIN = "admin_sistem", _("System administrator")
    LEADER = "pimpinan", _("Leader (Pimpinan)")
    OFFICER = "petugas", _("Kesbangpol officer")
    AGENCY_MEMBER = "anggota_tim", _("Tim Terpadu member")
    ORMAS_ACCOUNT = "pengurus_ormas", _("Ormas account")
    # An offering party (government body, company CSR programme, university, donor): only its own offers and their
    # applicants (opportunities/); no registry, no other party, nothing by default.
    PARTNER = "mitra", _("Offering partner (mitra)")


STAFF_ROLES = {Role.ADMIN, Role.LEADER, Role.OFFICER, Role.AGENCY_MEMBER}
REGISTRY_READERS = {Role.ADMIN, Role.LEADER, Role.OFFICER, Role.AGENCY_MEMBER}
REGISTRY_EDITORS = {Role.LEADER, Role.OFFICER}
# Who needs full NIKs and home addresses for their work (UU 27/2022 PDP: everyone else sees them masked).
PERSONAL_DATA_READERS = {Role.LEADER, Role.OFFICER}
# Who must use two-step verification: everyone who handles full NIKs or maintains the accounts (issue 8).
TWO_FACTOR_ROLES = {Role.ADMIN, Role.LEADER, Role.OFFICER}


class User(AbstractUser):
    """A person who logs in. Office-based roles take their scope from the office; agency members from the agency."""

    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.OFFICER)
    office = models.ForeignKey(Office, models.PROTECT, null=True, blank=True, verbose_name=_("office"))
    agency = models.ForeignKey(Agency, models.PROTECT, null=True, blank=True, verbose_name=_("agency"))
    ormas = models.ForeignKey(
        "registry.Ormas", models.PROTECT, null=True, blank=True, related_name="accounts", verbose_name=_("Ormas")
    )
    nip = models.CharField(_("NIP"), max_length=30, blank=True, help_text=_("Civil servant number, if any."))
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    objects = UserManager()  # type: ignore[misc]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def scope_code(self) -> str | None:
        """The region code this user's registry view is limited to, or None for no registry access."""
        if self.role in (Role.ADMIN, Role.LEADER, Role.OFFICER) and self.office_id:
            return self.office.region_id  # type: ignore[union-attr]
        if self.role == Role.AGENCY_MEMBER and self.agency_id:
            return self.agency.region_id  # type: ignore[union-attr]
        return None

    def in_scope(self, region_code: str | None) -> bool:
        return within(region_code, self.scope_code)

    @property
    def is_staff_role(self) -> bool:
        return self.role in STAFF_ROLES

    @property
    def can_read_registry(self) -> bool:
        return self.role in REGISTRY_READERS and self.scope_code is not None

    @property
    def can_edit_registry(self) -> bool:
        return self.role in REGISTRY_EDITORS and self.scope_code is not None

    @property
    def can_see_personal_data(self) -> bool:
        return self.role in PERSONAL_DATA_READERS

    @property
    def requires_totp(self) -> bool:
        return self.role in TWO_FACTOR_ROLES
