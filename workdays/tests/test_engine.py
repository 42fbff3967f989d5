"""The deadline engine: weekends, national holidays, admin holidays per region, overrides and periods."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from workdays import engine
from workdays.models import Holiday, Period

D = dt.date

pytestmark = pytest.mark.django_db


def test_it_treats_weekdays_as_working_and_weekends_not():
    assert engine.is_working_day(D(2026, 7, 8))  # Wednesday
    assert not engine.is_working_day(D(2026, 7, 11))  # Saturday
    assert not engine.is_working_day(D(2026, 7, 12))  # Sunday


def test_it_knows_17_august_and_idul_fitri_2026():
    assert not engine.is_working_day(D(2026, 8, 17))  # Monday, Hari Kemerdekaan
    # Idul Fitri 2026 falls on Sat 21 and Sun 22 March (holidays package); the seeded cuti bersama close
    # Fri 20, Mon 23 and Tue 24 March.
    for day in (20, 21, 22, 23, 24):
        assert not engine.is_working_day(D(2026, 3, day)), day
    assert engine.is_working_day(D(2026, 3, 25))


def test_it_counts_from_the_next_working_day():
    friday = D(2026, 7, 10)
    assert engine.add_working_days(friday, 1) == D(2026, 7, 13)
    assert engine.add_working_days(friday, 5) == D(2026, 7, 17)
    # 17 August 2026 is a Monday: a period starting Friday 14 August ends Tuesday the 18th.
    assert engine.add_working_days(D(2026, 8, 14), 1) == D(2026, 8, 18)


def test_it_skips_the_idul_fitri_closure():
    # Thu 19 March 2026 + 1 working day: Fri 20 (cuti bersama) .. Tue 24 closed -> Wed 25.
    assert engine.add_working_days(D(2026, 3, 19), 1) == D(2026, 3, 25)
    assert engine.working_days_between(D(2026, 3, 19), D(2026, 3, 25)) == 1


def test_it_respects_a_cuti_bersama_added_by_an_admin():
    tuesday = D(2026, 8, 18)
    assert engine.is_working_day(tuesday)
    Holiday.objects.create(date=tuesday, name="Cuti bersama HUT RI", kind=Holiday.Kind.CUTI_BERSAMA)
    assert not engine.is_working_day(tuesday)
    assert not engine.is_working_day(tuesday, region_code="62.02")
    assert engine.add_working_days(D(2026, 8, 14), 1) == D(2026, 8, 19)


def test_it_applies_a_local_holiday_only_in_its_region_and_below():
    day = D(2026, 7, 17)  # Friday
    Holiday.objects.create(date=day, name="HUT Kota Palangka Raya", kind=Holiday.Kind.LOCAL, region_id="62.71")
    assert not engine.is_working_day(day, region_code="62.71")
    assert not engine.is_working_day(day, region_code="62.71.01.1001")
    assert engine.is_working_day(day, region_code="62.02")
    assert engine.is_working_day(day, region_code="62")
    assert engine.is_working_day(day)
    assert engine.add_working_days(D(2026, 7, 16), 1, region_code="62.71") == D(2026, 7, 20)
    assert engine.add_working_days(D(2026, 7, 16), 1, region_code="62.02") == D(2026, 7, 17)


def test_it_applies_a_provincial_holiday_to_every_kab_kota():
    day = D(2026, 5, 23 - 1)  # Friday 22 May
    Holiday.objects.create(date=day, name="Hari jadi Provinsi", kind=Holiday.Kind.LOCAL, region_id="62")
    assert not engine.is_working_day(day, region_code="62.02")
    assert not engine.is_working_day(day, region_code="62.71")
    assert engine.is_working_day(day)


def test_it_lets_an_override_make_a_holiday_a_working_day():
    day = D(2026, 8, 17)
    Holiday.objects.create(date=day, name="Moved by decree", kind=Holiday.Kind.NOT_A_HOLIDAY)
    assert engine.is_working_day(day)
    assert engine.add_working_days(D(2026, 8, 14), 1) == day


def test_it_limits_a_regional_override_to_its_region():
    day = D(2026, 8, 17)
    Holiday.objects.create(date=day, name="Works anyway", kind=Holiday.Kind.NOT_A_HOLIDAY, region_id="62.02")
    assert engine.is_working_day(day, region_code="62.02.01")
    assert not engine.is_working_day(day, region_code="62.71")


def test_it_crosses_year_boundaries():
    # Thu 24 Dec 2026 cuti bersama, Fri 25 Natal, Fri 1 Jan 2027 Tahun Baru.
    start = D(2026, 12, 23)
    assert engine.add_working_days(start, 1) == D(2026, 12, 28)
    assert engine.add_working_days(start, 4) == D(2026, 12, 31)
    assert engine.add_working_days(start, 5) == D(2027, 1, 4)
    assert engine.working_days_between(start, D(2027, 1, 4)) == 5
    assert engine.working_days_between(D(2027, 1, 4), start) == -5


def test_it_handles_zero_and_negative_days():
    wednesday = D(2026, 7, 8)
    assert engine.add_working_days(wednesday, 0) == wednesday
    assert engine.add_working_days(wednesday, -1) == D(2026, 7, 7)
    assert engine.add_working_days(D(2026, 7, 13), -1) == D(2026, 7, 10)  # Monday -> Friday
    assert engine.working_days_between(wednesday, wednesday) == 0
    assert engine.working_days_between(D(2026, 7, 10), D(2026, 7, 12)) == 0  # Fri -> Sun


def test_it_round_trips_add_and_between():
    start = D(2026, 3, 2)
    for n in range(0, 300, 7):
        assert engine.working_days_between(start, engine.add_working_days(start, n)) == n


def test_it_gives_days_left_with_due_today_zero_and_overdue_negative():
    due = D(2026, 7, 10)  # Friday
    assert engine.days_left(due, today=D(2026, 7, 8)) == 2
    assert engine.days_left(due, today=due) == 0
    assert engine.days_left(due, today=D(2026, 7, 11)) == -1  # Saturday: already overdue
    assert engine.days_left(due, today=D(2026, 7, 13)) == -1
    assert engine.days_left(due, today=D(2026, 7, 15)) == -3


def test_it_computes_deadlines_from_periods():
    start = D(2026, 7, 10)  # Friday
    assert engine.deadline_for("written-warning-compliance", start) == D(2026, 7, 21)
    assert engine.deadline_for("skt-verification", start) == D(2026, 7, 31)
    # Calendar days: not moved off weekends or holidays.
    assert engine.deadline_for("skt-expiry-reminder", start) == start + dt.timedelta(days=90)
    Period.objects.create(code="test-calendar", name="Test", days=2, unit=Period.Unit.CALENDAR_DAYS)
    assert engine.deadline_for("test-calendar", start) == D(2026, 7, 12)  # a Sunday
    with pytest.raises(Period.DoesNotExist):
        engine.deadline_for("no-such-period", start)


def test_it_seeds_the_periods_and_marks_the_cuti_bersama_unverified():
    assert Period.objects.get(code="skt-verification").is_unverified
    assert Period.objects.get(code="skt-expiry-reminder").unit == Period.Unit.CALENDAR_DAYS
    assert Period.objects.get(code="written-warning-compliance").working_days == 7
    seeded = Holiday.objects.filter(kind=Holiday.Kind.CUTI_BERSAMA, date__year=2026)
    assert seeded.exists()
    assert all(h.is_unverified and h.legal_source.startswith("UNVERIFIED") for h in seeded)


def test_it_loads_holidays_once_per_call_not_per_day():
    with CaptureQueriesContext(connection) as queries:
        engine.add_working_days(D(2026, 1, 2), 200)
    assert len(queries) <= 2
    with CaptureQueriesContext(connection) as queries:
        engine.working_days_between(D(2025, 1, 1), D(2027, 12, 31))
    assert len(queries) == 1


def test_it_reuses_a_calendar_for_many_dates():
    calendar = engine.WorkCalendar("62.71")
    calendar.load_years(2026, 2026)
    with CaptureQueriesContext(connection) as queries:
        for month in range(1, 13):
            calendar.add_working_days(D(2026, month, 1), 3)
    assert len(queries) <= 1  # at most December spilling into 2027
