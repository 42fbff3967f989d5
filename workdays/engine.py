"""The one deadline engine: working days in Indonesia, per region, and statutory periods.

A working day is Monday–Friday that is

* not a national public holiday (the `holidays` package, Indonesia, "public" category; cached per year), and
* not a `Holiday` of kind cuti bersama, local or additional national day that applies to the region,

unless a `Holiday` of kind NOT_A_HOLIDAY applies to the date and region: an override always makes the date a
working day (a national holiday moved by decree, a Saturday declared a working day).

A `Holiday` applies to a region when its region is empty (nationwide) or is the region itself or one above it:
a holiday of "62.71" applies to "62.71" and "62.71.01.1001", not to "62.02". With `region_code=None` only
nationwide holidays count.

Counting convention (Indonesian practice for "dalam waktu N hari kerja sejak …"): the day of the event does not
count; day 1 is the first working day after it. `add_working_days(Friday, 1)` is the next Monday (or the next
working day after it if Monday is a holiday).

Each call loads the holidays it needs for its years once (one query per year range, never one per day); the
national list is cached per year for the life of the process. For many deadlines at once (reminders, lists) build a
`WorkCalendar` and reuse it.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from workdays.models import Holiday, Period

_WEEKEND = (5, 6)  # Saturday, Sunday


@lru_cache(maxsize=64)
def national_holidays(year: int) -> frozenset[dt.date]:
    """Indonesian national public holidays of one year, from the `holidays` package."""
    return frozenset(holidays.country_holidays("ID", years=year).keys())


def _region_chain(region_code: str | None) -> list[str]:
    """ "62.71.01" -> ["62", "62.71", "62.71.01"]: the region and every region above it."""
    if not region_code:
        return []
    parts = region_code.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


class WorkCalendar:
    """Working days for one region; loads the holidays of each year it is asked about once."""

    def __init__(self, region_code: str | None = None) -> None:
        self.region_code = region_code or None
        self._years: set[int] = set()
        self._closed: set[dt.date] = set()
        self._open: set[dt.date] = set()

    def load_years(self, first: int, last: int) -> None:
        """Load every year from first to last (inclusive) not loaded yet, in one query."""
        missing = [y for y in range(first, last + 1) if y not in self._years]
        if not missing:
            return
        lo, hi = min(missing), max(missing)
        for year in range(lo, hi + 1):
            if year not in self._years:
                self._closed.update(national_holidays(year))
        chain = _region_chain(self.region_code)
        rows = Holiday.objects.filter(date__gte=dt.date(lo, 1, 1), date__lte=dt.date(hi, 12, 31))
        if chain:
            rows = rows.filter(Q(region__isnull=True) | Q(region_id__in=chain))
        else:
            rows = rows.filter(region__isnull=True)
        for day, kind in rows.values_list("date", "kind"):
            if day.year in self._years:
                continue
            (self._open if kind == Holiday.Kind.NOT_A_HOLIDAY else self._closed).add(day)
        self._years.update(range(lo, hi + 1))

    def is_working_day(self, day: dt.date) -> bool:
        if day.year not in self._years:
            self.load_years(day.year, day.year)
        if day in self._open:
            return True
        return day.weekday() not in _WEEKEND and day not in self._closed

    def add_working_days(self, start: dt.date, days: int) -> dt.date:
        if days == 0:
            return start
        step = 1 if days > 0 else -1
        # About 250 working days a year: preload the years the period will most likely span.
        span_years = abs(days) // 200 + 1
        if step > 0:
            self.load_years(start.year, start.year + span_years)
        else:
            self.load_years(start.year - span_years, start.year)
        day, left = start, abs(days)
        while left:
            day += dt.timedelta(days=step)
            if self.is_working_day(day):
                left -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        if end < start:
            return -self.working_days_between(end, start)
        self.load_years(start.year, end.year)
        count, day = 0, start
        while day < end:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count


def is_working_day(day: dt.date, *, region_code: str | None = None) -> bool:
    """True if offices in region_code (None: nationwide rules only) work on this date."""
    return WorkCalendar(region_code).is_working_day(day)


def add_working_days(start: dt.date, days: int, *, region_code: str | None = None) -> dt.date:
    """The date on which a period of `days` working days counted from `start` ends.

    `start` (the day of the event) does not count; day 1 is the first working day after it, so
    add_working_days(Friday, 1) is the next Monday unless that is a holiday. The result is always a working day
    when days > 0. days == 0 returns `start` unchanged; days < 0 counts backwards (the N-th working day before
    `start`).
    """
    return WorkCalendar(region_code).add_working_days(start, days)


def working_days_between(start: dt.date, end: dt.date, *, region_code: str | None = None) -> int:
    """Working days after `start` up to and including `end`; negative (−count from end to start) if end < start.

    working_days_between(start, add_working_days(start, n)) == n for n >= 0.
    """
    return WorkCalendar(region_code).working_days_between(start, end)


def deadline_for(period_code: str, start: dt.date, *, region_code: str | None = None) -> dt.date:
    """The last day of the period `period_code` (a `Period`) counted from `start`.

    Working-day periods follow add_working_days(); calendar-day periods are start + N days, not moved off
    weekends or holidays. Raises Period.DoesNotExist for an unknown code.
    """
    period = Period.objects.get(code=period_code)
    if period.unit == Period.Unit.CALENDAR_DAYS:
        return start + dt.timedelta(days=period.days)
    return add_working_days(start, period.days, region_code=region_code)


def days_left(due: dt.date, *, today: dt.date | None = None, region_code: str | None = None) -> int:
    """Working days from `today` to `due`: 0 = due today, 3 = three working days left, −2 = overdue by two.

    Once the due date has passed the result is never 0: due on Friday, asked on Saturday, Sunday or Monday gives −1.
    `today` defaults to the local date (Asia/Jakarta).
    """
    if today is None:
        today = timezone.localdate()
    left = working_days_between(today, due, region_code=region_code)
    if due < today:
        return min(left, -1)
    return left


# ---- What the admin must know about the calendar (issue 11 item 8) ----------------------------------------------


def estimated_holidays(year: int) -> list[tuple[dt.date, str]]:
    """National holidays of `year` that the `holidays` package only estimates (lunar and Islamic dates it computes
    instead of taking them from the SKB 3 Menteri), with their English names."""
    names = holidays.country_holidays("ID", years=year, language="en_US")
    return sorted((day, name) for day, name in names.items() if "estimated" in name.lower())


def calendar_warnings(years: list[int]) -> list[str]:
    """Sentences for the admin: years whose national holidays are estimates, and years without any cuti bersama
    (deadlines in those years then count the SKB's cuti bersama days as working days)."""
    warnings = []
    with_cuti = set(
        Holiday.objects.filter(kind=Holiday.Kind.CUTI_BERSAMA, date__year__in=years).values_list(
            "date__year", flat=True
        )
    )
    for year in years:
        estimated = estimated_holidays(year)
        if estimated:
            warnings.append(
                _(
                    "The national holidays of %(year)d are partly estimates of the holidays package (%(days)s): "
                    "check them against the SKB 3 Menteri and correct them with holidays or working-day overrides."
                )
                % {"year": year, "days": ", ".join(f"{day:%d-%m} {name}" for day, name in estimated)}
            )
        if year not in with_cuti:
            warnings.append(
                _(
                    "No cuti bersama is recorded for %(year)d: deadlines in %(year)d count those days as working days. "
                    "Enter the cuti bersama of the SKB 3 Menteri for %(year)d."
                )
                % {"year": year}
            )
    return warnings


# Shown wherever the admin keeps the calendar (domain.md §0).
CUTI_BERSAMA_INTERPRETATION = gettext_lazy(
    "Cuti bersama counts as a non-working day: an interpretation (it is leave taken from civil servants' annual "
    "leave, not a public holiday). It lengthens periods, so it favours the applicant and the Ormas."
)
