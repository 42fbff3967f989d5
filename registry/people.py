"""Persons across scopes: who may read a person's details, and searching the registry by NIK.

A person (one NIK) may sit on boards in several kab/kota. Their details — full NIK, home address, phone, e-mail —
were recorded by the office of the Ormas where they were first seated, and stay that office's to read and correct
(and the province's, whose scope covers it). An officer of another kab/kota who seats the same person on a board in
their own scope knows what they typed (NIK, name, date of birth) but does not, by seating them, gain the details
that another office recorded (UU 27/2022 PDP: purpose limitation). personal_data_readable() is that rule.

Searching by NIK confirms a person: it is for roles with personal-data access only, each search is written to the
audit trail (`person.nik_searched`, the NIK masked), and an account may make only NIK_SEARCH_LIMITS of them. The
audit entries are the counter, so the limit is per account and does not depend on the client's address.
"""

import datetime as dt
from typing import Any

from django.utils import timezone

from audit.log import record
from audit.models import Entry
from registry.models import BoardMember, Person
from wadah.lib.nik import mask_nik

# (window, searches allowed in it) per account: enough for a day's checking, not for trying candidates.
NIK_SEARCH_LIMITS = ((dt.timedelta(minutes=10), 10), (dt.timedelta(days=1), 50))


def home_region(person: Person) -> str | None:
    """The region of the Ormas where the person was first seated (whose office recorded their details)."""
    return BoardMember.objects.filter(person=person).order_by("pk").values_list("ormas__region_id", flat=True).first()


def personal_data_readable(user: Any, person: Person, *, region: str | None = None) -> bool:
    """May `user` read and correct this person's full NIK, address, phone and e-mail?"""
    if not getattr(user, "can_see_personal_data", False):
        return False
    region = region or home_region(person)
    if region is None:  # recorded nowhere yet: the province's
        return "." not in (getattr(user, "scope_code", None) or ".")
    return bool(user.in_scope(region))


def readable_people(user: Any, people: list[Person]) -> set[int]:
    """The ids among `people` whose details `user` may read (one query for a whole board list)."""
    if not getattr(user, "can_see_personal_data", False) or not people:
        return set()
    first: dict[int, str] = {}
    rows = (
        BoardMember.objects.filter(person__in=people)
        .order_by("person_id", "pk")
        .values_list("person_id", "ormas__region_id")
    )
    for person_id, region in rows:
        first.setdefault(person_id, region)
    return {p.pk for p in people if personal_data_readable(user, p, region=first.get(p.pk) or None)}


def may_search_by_nik(user: Any) -> bool:
    return bool(getattr(user, "can_see_personal_data", False))


def nik_searches_exceeded(user: Any) -> bool:
    now = timezone.now()
    for window, limit in NIK_SEARCH_LIMITS:
        if Entry.objects.filter(actor_id=user.pk, action="person.nik_searched", at__gt=now - window).count() >= limit:
            return True
    return False


def log_nik_search(user: Any, nik: str, *, matches: int, ip_address: str | None) -> None:
    """Write the search to the audit trail: who, when, the NIK masked, how many Ormas matched."""
    record(
        user,
        "person.nik_searched",
        by=user,
        data={"nik": mask_nik(nik), "matches": matches},
        ip_address=ip_address,
        personal=["nik"],
    )
