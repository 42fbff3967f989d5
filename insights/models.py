"""Files built in the background for one user (large list exports, periodic recaps), in-app notifications, and the
dashboard's precomputed figures."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from registry.models import RegionScopedQuerySet


class Job(models.Model):
    """One file being built for one user: its progress survives a page reload; the file waits for download."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Being built")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    class Kind(models.TextChoices):
        EXPORT = "export", _("List export")
        RECAP = "recap", _("Periodic recap")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+", verbose_name=_("for"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    name = models.CharField(_("what"), max_length=60)  # the export's key, or the recap's period code
    params = models.JSONField(default=dict, blank=True)
    title = models.CharField(_("title"), max_length=200)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.QUEUED, db_index=True)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    file = models.FileField(upload_to="jobs/%Y/%m/", blank=True)
    pdf = models.FileField(upload_to="jobs/%Y/%m/", blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("background file")
        verbose_name_plural = _("background files")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("insights:job", args=[self.pk])

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        return min(99, round(100 * self.done / self.total)) if self.total else 0


class Notification(models.Model):
    """Something that needs one user (a decision waiting, a deadline near), shown under the bell until read."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="notifications", verbose_name=_("for")
    )
    # What it is about, so that the same matter is not announced twice (e.g. "decide:LYN-2026-ABC123").
    key = models.CharField(max_length=120)
    text = models.CharField(_("text"), max_length=300)
    link = models.CharField(_("link"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="notification_once_per_matter")]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.text


class NotificationSettings(models.Model):
    """A user's choice of an e-mail digest of unread notifications (off by default: the bell comes first)."""

    class Digest(models.TextChoices):
        NONE = "none", _("No e-mail")
        DAILY = "daily", _("Daily digest")
        WEEKLY = "weekly", _("Weekly digest (Mondays)")

    user = models.OneToOneField(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    digest = models.CharField(_("e-mail digest"), max_length=10, choices=Digest, default=Digest.NONE)

    class Meta:
        verbose_name = _("notification settings")
        verbose_name_plural = _("notification settings")

    def __str__(self) -> str:
        return f"{self.user}: {self.get_digest_display()}"


class AreaFigureQuerySet(RegionScopedQuerySet["AreaFigure"]):
    pass


class AreaFigure(models.Model):
    """One precomputed dashboard number: how many Ormas of one kab/kota (or of one kecamatan, for the map) fall
    under `figure`/`key` (e.g. "status"/"aktif", "field"/"12", "quality"/"no_contact"), as of its province's
    FigureRefresh. Keyed by the same denormalised region columns as Ormas, so the registry's visibility rule
    (RegionScopedQuerySet.visible_to) scopes the figures exactly as it scopes the records (ADR 0011)."""

    province_code = models.CharField(max_length=2)
    regency_code = models.CharField(max_length=5)
    # The kab/kota code for kab/kota rows; the kecamatan code for the map's drill-down rows (figure "district:…").
    region_id = models.CharField(max_length=13)
    figure = models.CharField(max_length=30)
    key = models.CharField(max_length=40, blank=True)
    n = models.PositiveIntegerField()

    objects = AreaFigureQuerySet.as_manager()

    class Meta:
        verbose_name = _("precomputed figure")
        verbose_name_plural = _("precomputed figures")
        indexes = [
            models.Index(fields=["province_code", "figure"]),
            models.Index(fields=["regency_code", "figure"]),
        ]

    def __str__(self) -> str:
        return f"{self.region_id} {self.figure}:{self.key} = {self.n}"


class FigureRefresh(models.Model):
    """When one province's figures were last computed, and whether a newer computation is waiting to run."""

    province_code = models.CharField(max_length=2, unique=True)
    # The moment the figures describe (taken when the computation started) and the day the date rules used.
    as_of = models.DateTimeField(null=True, blank=True)
    day = models.DateField(null=True, blank=True)
    # Set when a newer computation is queued; cleared by the run that starts after it.
    requested_at = models.DateTimeField(null=True, blank=True)
    seconds = models.FloatField(default=0)

    class Meta:
        verbose_name = _("figure refresh")
        verbose_name_plural = _("figure refreshes")

    def __str__(self) -> str:
        return f"{self.province_code}: {self.as_of}"
