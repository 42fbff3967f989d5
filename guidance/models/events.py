"""Programmes, their events, invitations to Ormas, the participants each Ormas names, check-ins and certificates.

Every change goes through guidance/actions.py (one action per move in the TRANSITIONS dicts below).
"""

import uuid
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from regions.scope import within_q
from wadah.lib import checkin
from wadah.lib.nik import mask_nik, validate_nik
from wadah.lib.urls import absolute_url
from wadah.lib.workflow import Workflow

if TYPE_CHECKING:
    from accounts.models import User

# What a participant's QR code carries and how its code is made are shared with every check-in (wadah/lib/checkin.py);
# the names stay here because migration 0001 refers to events.new_checkin_code.
QR_PREFIX = checkin.QR_PREFIX
new_checkin_code = checkin.new_checkin_code


class ProgrammeType(models.Model):
    """A kind of guidance programme (sosialisasi, bimtek, …); data an admin maintains."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=100)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("programme type")
        verbose_name_plural = _("programme types")

    def __str__(self) -> str:
        return self.name


def _in_scope(user: "User", field: str) -> Q | None:
    """The registry's scope rule on a region-code column: the user's region and everything below it."""
    scope = getattr(user, "scope_code", None)
    if not getattr(user, "can_read_registry", False) or not scope:
        return None
    return within_q(f"{field}__code", scope)


class ProgrammeQuerySet(models.QuerySet["Programme"]):
    def visible_to(self, user: "User") -> "ProgrammeQuerySet":
        """Programmes whose kab/kota (or province) lies in the user's region scope, as for the registry."""
        rule = _in_scope(user, "region")
        return self.filter(rule) if rule is not None else self.none()


class Programme(Workflow, models.Model):
    """A guidance programme of one office, e.g. "Bimtek tata kelola keuangan Ormas 2027"."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        RUNNING = "running", _("Running")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    TRANSITIONS: dict[str, set[str]] = {
        Status.PLANNED: {Status.RUNNING, Status.CANCELLED},
        Status.RUNNING: {Status.COMPLETED, Status.CANCELLED},
        Status.COMPLETED: set(),
        Status.CANCELLED: set(),
    }

    name = models.CharField(_("name"), max_length=200)
    programme_type = models.ForeignKey(
        ProgrammeType, models.PROTECT, related_name="programmes", verbose_name=_("programme type")
    )
    office = models.ForeignKey(
        "accounts.Office", models.PROTECT, related_name="programmes", verbose_name=_("organising office")
    )
    # The kab/kota the programme is for, or the province for a province-wide one; decides who sees it.
    region = models.ForeignKey("regions.Region", models.PROTECT, related_name="+", verbose_name=_("regency/city"))
    goals = models.TextField(_("goals"))
    target_group = models.TextField(_("target group"), blank=True)
    fields_of_activity = models.ManyToManyField(
        "registry.FieldOfActivity", blank=True, related_name="+", verbose_name=_("fields of activity")
    )
    # Codes of assessment dimensions the programme strengthens (e.g. "keuangan"): they drive invitation suggestions.
    focus_dimensions = models.JSONField(_("capacity dimensions addressed"), default=list, blank=True)
    budget_line = models.CharField(_("budget line"), max_length=200, blank=True, help_text=_("The DPA code or name."))
    budget_amount = models.DecimalField(_("budget (Rp)"), max_digits=16, decimal_places=0, null=True, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.PLANNED, db_index=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "-pk"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        indexes = [models.Index(fields=["region", "starts_on"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("guidance:programme-detail", args=[self.pk])


class EventQuerySet(models.QuerySet["Event"]):
    def visible_to(self, user: "User") -> "EventQuerySet":
        rule = _in_scope(user, "programme__region")
        return self.filter(rule) if rule is not None else self.none()


class Event(Workflow, models.Model):
    """One meeting of a programme: a day of bimtek, a dialogue, an FGD; at a venue coded to desa, or online."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    TRANSITIONS: dict[str, set[str]] = {
        Status.SCHEDULED: {Status.HELD, Status.CANCELLED},
        Status.HELD: set(),
        Status.CANCELLED: set(),
    }

    programme = models.ForeignKey(Programme, models.CASCADE, related_name="events", verbose_name=_("programme"))
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_address = models.CharField(_("venue address"), max_length=300, blank=True)
    venue_region = models.ForeignKey(
        "regions.Region", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("venue village")
    )
    online_url = models.URLField(_("online meeting link"), blank=True)
    capacity = models.PositiveIntegerField(_("seats"), help_text=_("How many participants the venue holds."))
    seats_per_ormas = models.PositiveSmallIntegerField(
        _("participants per Ormas"), default=2, help_text=_("How many people each invited Ormas may name.")
    )
    agenda = models.TextField(_("agenda"), blank=True)
    speakers = models.TextField(_("speakers"), blank=True, help_text=_("One per line: name, position."))
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.SCHEDULED, db_index=True)
    outcome_report = models.TextField(_("outcome report"), blank=True)
    outcome_recorded_at = models.DateTimeField(_("outcome recorded"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("guidance:event-detail", args=[self.pk])

    def seats_taken(self) -> int:
        """Participants named by Ormas that accepted, plus walk-ins: what fills the room."""
        return Participant.objects.filter(
            Q(event=self), Q(invitation__status=Invitation.Status.ACCEPTED) | Q(invitation__isnull=True)
        ).count()

    def seats_left(self) -> int:
        return max(0, self.capacity - self.seats_taken())


class EventFile(models.Model):
    """A material handed out at an event, or a photo of it; stored privately, streamed after a scope check."""

    class Kind(models.TextChoices):
        MATERIAL = "material", _("Material")
        PHOTO = "photo", _("Photo")

    event = models.ForeignKey(Event, models.CASCADE, related_name="files", verbose_name=_("event"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    title = models.CharField(_("title"), max_length=200, blank=True)
    file = models.FileField(_("file"), upload_to="guidance/%Y/%m/")
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "uploaded_at"]
        verbose_name = _("event file")
        verbose_name_plural = _("event files")

    def __str__(self) -> str:
        return self.title or self.original_name


class Invitation(Workflow, models.Model):
    """An invitation of one Ormas to one event, with the reason it was chosen."""

    class Status(models.TextChoices):
        INVITED = "invited", _("Invited")
        ACCEPTED = "accepted", _("Accepted")
        WAITLISTED = "waitlisted", _("On the waiting list")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn by the office")

    # accept_invitation() decides between ACCEPTED and WAITLISTED by the seats left; a decline frees seats, and
    # promote_from_waiting_list() moves the first waiting Ormas up.
    TRANSITIONS: dict[str, set[str]] = {
        Status.INVITED: {Status.ACCEPTED, Status.WAITLISTED, Status.DECLINED, Status.WITHDRAWN},
        Status.WAITLISTED: {Status.ACCEPTED, Status.DECLINED, Status.WITHDRAWN},
        Status.ACCEPTED: {Status.DECLINED, Status.WITHDRAWN},
        Status.DECLINED: set(),
        Status.WITHDRAWN: set(),
    }
    OPEN = (Status.INVITED, Status.WAITLISTED, Status.ACCEPTED)

    class Source(models.TextChoices):
        FILTER = "filter", _("Chosen by filter")
        MANUAL = "manual", _("Chosen by hand")
        SUGGESTION = "suggestion", _("Suggested by the capacity assessment")

    event = models.ForeignKey(Event, models.CASCADE, related_name="invitations", verbose_name=_("event"))
    ormas = models.ForeignKey("registry.Ormas", models.PROTECT, related_name="invitations", verbose_name=_("Ormas"))
    reason = models.TextField(_("reason"))
    source = models.CharField(_("chosen"), max_length=12, choices=Source, default=Source.MANUAL)
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.INVITED, db_index=True)
    letter = models.ForeignKey(
        "letters.Letter", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("invitation letter")
    )
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, related_name="+")
    invited_at = models.DateTimeField(_("invited"), auto_now_add=True)
    responded_at = models.DateTimeField(_("responded"), null=True, blank=True)
    responded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+")
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)

    class Meta:
        ordering = ["invited_at", "pk"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [models.UniqueConstraint(fields=["event", "ormas"], name="invitation_once_per_event")]

    def __str__(self) -> str:
        return f"{self.ormas} → {self.event}"


class Participant(models.Model):
    """A person an Ormas names for an event (or a walk-in added at the door), with an unguessable check-in code."""

    event = models.ForeignKey(Event, models.CASCADE, related_name="participants", verbose_name=_("event"))
    # Null for a walk-in who came without an invitation.
    invitation = models.ForeignKey(
        Invitation, models.CASCADE, null=True, blank=True, related_name="participants", verbose_name=_("invitation")
    )
    ormas = models.ForeignKey(
        "registry.Ormas", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("Ormas")
    )
    organisation_name = models.CharField(_("organisation"), max_length=255, blank=True)
    name = models.CharField(_("name"), max_length=150)
    position = models.CharField(_("position"), max_length=120, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    nik = models.CharField(_("NIK"), max_length=16, blank=True, validators=[validate_nik])
    code = models.CharField(max_length=40, unique=True, default=new_checkin_code, editable=False)
    is_walk_in = models.BooleanField(_("walk-in"), default=False)
    # The id the officer's phone gave a walk-in it added offline, so that a replayed sync adds them once.
    client_id = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self) -> str:
        return self.name

    @property
    def masked_nik(self) -> str:
        return mask_nik(self.nik) if self.nik else ""

    @property
    def qr_payload(self) -> str:
        return QR_PREFIX + self.code

    @property
    def organisation(self) -> str:
        return str(self.ormas) if self.ormas_id else self.organisation_name

    def checkin_or_none(self) -> Any:
        return getattr(self, "checkin", None)


class CheckIn(models.Model):
    """A participant's presence at the event: at most one per participant, whatever phone sent it how often."""

    class Method(models.TextChoices):
        QR = "qr", _("QR code")
        MANUAL = "manual", _("Ticked off")
        WALK_IN = "walk_in", _("Walk-in")

    participant = models.OneToOneField(Participant, models.CASCADE, related_name="checkin")
    event = models.ForeignKey(Event, models.CASCADE, related_name="checkins")
    # Generated by the officer's phone per check-in: the key that makes a replayed sync a no-op.
    client_id = models.UUIDField(unique=True)
    method = models.CharField(_("method"), max_length=10, choices=Method)
    checked_in_at = models.DateTimeField(_("checked in"))
    received_at = models.DateTimeField(_("received"), auto_now_add=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("by"))

    class Meta:
        ordering = ["checked_in_at", "pk"]
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")

    def __str__(self) -> str:
        return f"{self.participant} @ {self.checked_in_at:%Y-%m-%d %H:%M}"


class Certificate(models.Model):
    """A certificate of attendance. Its public_id is what the QR code carries (like a letter's)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    participant = models.OneToOneField(Participant, models.PROTECT, related_name="certificate")
    issued_on = models.DateField(_("issued on"))
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")

    class Meta:
        ordering = ["participant__name", "pk"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self) -> str:
        return f"{self.participant} — {self.participant.event}"

    def get_verify_path(self) -> str:
        return reverse("guidance:certificate-verify", args=[self.public_id])

    @property
    def verify_url(self) -> str:
        return absolute_url(self.get_verify_path())
