"""Issue 11 item 8: estimated holiday years and years without cuti bersama are told to the admin, and counting cuti
bersama as non-working is said to be an interpretation."""

import datetime as dt

import pytest
from django.urls import reverse

from workdays.engine import calendar_warnings, estimated_holidays
from workdays.models import Holiday

pytestmark = pytest.mark.django_db


def test_years_the_package_only_estimates_are_named():
    assert estimated_holidays(2026) == []
    assert any("Eid al-Fitr" in name for _day, name in estimated_holidays(2027))
    warnings = calendar_warnings([2026, 2027])
    assert not any("2026" in w and "estimates" in w for w in warnings)
    assert any("2027" in w and "estimates" in w for w in warnings)


def test_a_year_without_cuti_bersama_raises_a_warning():
    assert not any("No cuti bersama" in w for w in calendar_warnings([2026, 2027]))
    assert any("No cuti bersama is recorded for 2029" in w for w in calendar_warnings([2029]))
    Holiday.objects.create(date=dt.date(2029, 2, 12), name="Cuti Bersama Imlek", kind=Holiday.Kind.CUTI_BERSAMA)
    assert not any("No cuti bersama" in w for w in calendar_warnings([2029]))


def test_the_seeded_cuti_bersama_say_they_are_an_interpretation_and_an_estimate_where_so():
    row_2026 = Holiday.objects.filter(kind="cuti_bersama", date__year=2026).first()
    row_2027 = Holiday.objects.filter(kind="cuti_bersama", date__year=2027).first()
    assert "interpretation" in row_2026.legal_source and not row_2026.legal_source.startswith("ESTIMATE")
    assert row_2027.legal_source.startswith("ESTIMATE") and row_2027.is_unverified


def test_the_admin_sees_the_warnings_and_the_interpretation(client, admin_user):
    client.force_login(admin_user)
    response = client.get(reverse("admin:workdays_holiday_changelist"))
    assert response.status_code == 200
    texts = [str(m) for m in response.context["messages"]]
    assert any("an interpretation" in t for t in texts)
    assert any("estimates" in t for t in texts) or any("No cuti bersama" in t for t in texts)
