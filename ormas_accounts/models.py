from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from wadah.lib.workflow import Workflow
from wadah.models import PrivateFile


class OrmasAccountRequest(Workflow, PrivateFile):
    """A self-registered Ormas account asking to act for an Ormas; an officer in scope confirms or rejects it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        REJECTED = "rejected", _("Rejected")

    # pending → confirmed | rejected; a decision is final (a rejected applicant registers again).
    TRANSITIONS: dict[str, set[str]] = {
        Status.PENDING: {Status.CONFIRMED, Status.REJECTED},
        Status.CONFIRMED: set(),
        Status.REJECTED: set(),
    }

    class Position(models.TextChoices):
        CHAIR = "ketua", _("Chair (ketua)")
        SECRETARY = "sekretaris", _("Secretary (sekretaris)")
        TREASURER = "bendahara", _("Treasurer (bendahara)")
        OTHER = "lainnya", _("Other (write it)")

    user = models.ForeignKey(User, models.CASCADE, related_name="ormas_requests", verbose_name=_("account"))
    # Empty for a first-time applicant whose Ormas is not in the register yet (registration is voluntary, MK
    # 82/PUU-XI/2013): the new_ormas_* fields describe it, and confirming the request records it as "dalam proses".
    ormas = models.ForeignKey(
        "registry.Ormas",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="account_requests",
        verbose_name=_("Ormas"),
    )
    new_ormas_name = models.CharField(_("name of the new Ormas"), max_length=255, blank=True)
    new_ormas_abbreviation = models.CharField(_("abbreviation"), max_length=60, blank=True)
    new_ormas_address = models.CharField(_("secretariat address"), max_length=300, blank=True)
    new_ormas_region = models.ForeignKey(
        "regions.Region",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("village (desa/kelurahan) of the secretariat"),
    )
    position = models.CharField(_("position"), max_length=20, choices=Position)
    position_other = models.CharField(_("other position"), max_length=120, blank=True)
    phone = models.CharField(_("phone"), max_length=40)
    # SK kepengurusan or surat tugas: stored privately (PrivateFile: name, sniffed type, size, SHA-256), streamed only
    # by a permission-checked view.
    file = models.FileField(_("supporting document"), upload_to="account-requests/%Y/%m/")
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PENDING, db_index=True)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    decided_by = models.ForeignKey(
        User, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("decided by")
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True)

    class Meta:
        # The table keeps the name it had when the model lived in accounts (moved by state only, no data copied).
        db_table = "accounts_ormasaccountrequest"
        ordering = ["created_at", "id"]
        verbose_name = _("Ormas account request")
        verbose_name_plural = _("Ormas account requests")

    def __str__(self) -> str:
        return f"{self.reference} — {self.user}"

    @property
    def is_new_ormas(self) -> bool:
        return self.ormas_id is None

    @property
    def ormas_name(self) -> str:
        return self.ormas.name if self.ormas is not None else self.new_ormas_name

    @property
    def region_code(self) -> str:
        """Where the request is handled: the Ormas's village, or the new Ormas's."""
        if self.ormas is not None:
            return self.ormas.region_id
        return self.new_ormas_region_id or ""

    @property
    def reference(self) -> str:
        """What the applicant and the officer quote to each other ("AKUN-000012")."""
        return f"AKUN-{self.pk or 0:06d}"

    @property
    def position_label(self) -> str:
        if self.position == self.Position.OTHER and self.position_other:
            return self.position_other
        return str(self.get_position_display())
