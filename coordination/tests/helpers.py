"""Helpers for coordination tests (imported from here, never from a conftest)."""

import datetime as dt

from accounts.models import Agency

DAY = dt.date(2026, 3, 2)  # a Monday


def agency(abbreviation: str, region: str = "62") -> Agency:
    return Agency.objects.get(abbreviation=abbreviation, region_id=region)
