"""Holidays beyond the national list and the statutory periods that deadlines are counted with.

National public holidays come from the `holidays` package (see workdays/engine.py); admins add what it does not
know: cuti bersama (SKB 3 Menteri), local holidays of a kab/kota or the province, extra national days, and overrides
that turn a date back into a working day.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wadah.lib.numbers import in_words_id


class Holiday(models.Model):
    """A date on which offices are closed (or, for NOT_A_HOLIDAY, open after all)."""

    class Kind(models.TextChoices):
        CUTI_BERSAMA = "cuti_bersama", _("Collective leave (cuti bersama)")
        LOCAL = "local", _("Local holiday")
        NATIONAL_EXTRA = "national_extra", _("Additional national holiday")
        NOT_A_HOLIDAY = "not_a_holiday", _("Working day (override)")

    # Kinds that close the office; NOT_A_HOLIDAY opens it.
    CLOSING_KINDS = (Kind.CUTI_BERSAMA, Kind.LOCAL, Kind.NATIONAL_EXTRA)

    date = models.DateField(_("date"), db_index=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind,
        default=Kind.CUTI_BERSAMA,
        help_text=_(
            "Cuti bersama counts as a non-working day: an interpretation (it is leave, not a public holiday) that "
            "lengthens periods in favour of the applicant and the Ormas."
        ),
    )
    region = models.ForeignKey(
        "regions.Region",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("region"),
        help_text=_("Empty: nationwide. A province or kab/kota applies there and to every region below it."),
    )
    legal_source = models.CharField(
        _("legal source"), max_length=300, blank=True, help_text=_('For example "SKB 3 Menteri No. … Tahun 2026".')
    )
    is_unverified = models.BooleanField(
        _("unverified"), default=False, help_text=_("Not yet checked against the legal source.")
    )

    class Meta:
        ordering = ["date", "name"]
        verbose_name = _("holiday")
        verbose_name_plural = _("holidays")

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.name}"


class Period(models.Model):
    """A statutory or customary period (15 working days to verify, 7 to comply with a warning, …)."""

    class Unit(models.TextChoices):
        WORKING_DAYS = "working_days", _("Working days")
        CALENDAR_DAYS = "calendar_days", _("Calendar days")

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    days = models.PositiveIntegerField(_("length"), help_text=_("Number of days, in the unit below."))
    unit = models.CharField(_("unit"), max_length=20, choices=Unit, default=Unit.WORKING_DAYS)
    counts_from = models.CharField(
        _("counts from"),
        max_length=300,
        blank=True,
        help_text=_("The event the period starts at, e.g. the day the complete application was received."),
    )
    legal_source = models.CharField(_("legal source"), max_length=300, blank=True)
    is_unverified = models.BooleanField(
        _("unverified"), default=False, help_text=_("Length or unit not yet confirmed against the legal source.")
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("period")
        verbose_name_plural = _("periods")

    def __str__(self) -> str:
        return f"{self.name} ({self.days} {self.get_unit_display().lower()})"

    @property
    def working_days(self) -> int:
        """The length; read it together with `unit` (calendar-day periods exist too)."""
        return self.days

    @property
    def phrase(self) -> str:
        """How a letter quotes this period, in Indonesian: "7 (tujuh) hari kerja"."""
        return period_phrase(self.days, self.unit)


def period_phrase(days: int, unit: str) -> str:
    """A length as official letters write it, "7 (tujuh) hari kerja" or "30 (tiga puluh) hari kalender". Always
    Indonesian, like the letters that quote it."""
    noun = "hari kerja" if unit == Period.Unit.WORKING_DAYS else "hari kalender"
    return f"{days} ({in_words_id(days)}) {noun}"
