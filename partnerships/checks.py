"""Board-network checks: flags about people on the boards of the Ormas in a user's scope, each with its reason.

* many_boards — one NIK seated now on the boards of MANY_BOARDS or more Ormas;
* after_ended — someone on the board of an Ormas that is still going who sat on the board of an Ormas that was
  revoked or dissolved, where the going Ormas was established or registered from NEW_WITHIN_DAYS before that end.

These name people and their NIKs (masked), so they are for roles with personal-data access only — the registry's
rule, registry.people (may_search_by_nik / readable_people) — and every reading is written to the audit trail
(`board_check.viewed`), like a NIK search. They are hints for an officer to look at, never a finding.

Cost: one grouped query over the current seats in scope for the first check; for the second, the seats in ended
Ormas (few) and then those people's other seats. No query per person or per Ormas.
"""

import dataclasses
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from audit.log import record
from partnerships.network import scoped_ormas
from registry import people
from registry.models import BoardMember, Ormas, Person
from wadah.lib.nik import mask_nik

MANY_BOARDS = 3
NEW_WITHIN_DAYS = 365


@dataclass(frozen=True)
class Flag:
    code: str  # "many_boards" | "after_ended"
    person_id: int
    person_name: str
    masked_nik: str
    reason: str
    ormas: tuple[tuple[int, str], ...]  # the Ormas the flag is about (pk, name)
    details_readable: bool = False


def _position(value: str) -> str:
    return str(BoardMember.Position(value).label) if value in BoardMember.Position.values else value


def _established(ormas: dict[str, Any]) -> dt.date | None:
    return ormas["founded_on"] or ormas["skt_issued_on"] or ormas["ahu_date"] or ormas["created_at"].date()


def many_boards(scope: "QuerySet[Ormas]", *, minimum: int = MANY_BOARDS) -> list[Flag]:
    seats = BoardMember.objects.filter(ended_on__isnull=True, ormas__in=scope.values("pk"), person__nik__isnull=False)
    # Seats counted (cheap); people with several seats on one board are sorted out below.
    flagged = seats.values("person_id").annotate(n=Count("pk")).filter(n__gte=minimum)
    boards: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    who: dict[int, tuple[str, str]] = {}
    rows = seats.filter(person_id__in=flagged.values("person_id")).values_list(
        "person_id", "person__name", "person__nik", "ormas_id", "ormas__name", "position"
    )
    for person_id, name, nik, ormas_id, ormas_name, position in rows.order_by("person_id", "ormas__name_search"):
        who[person_id] = (name, nik or "")
        if all(o != ormas_id for o, _n, _p in boards[person_id]):
            boards[person_id].append((ormas_id, ormas_name, position))
    flags = []
    for person_id, seated in boards.items():
        if len(seated) < minimum:
            continue
        name, nik = who[person_id]
        listing = "; ".join(f"{ormas_name} ({_position(position)})" for _o, ormas_name, position in seated)
        flags.append(
            Flag(
                code="many_boards",
                person_id=person_id,
                person_name=name,
                masked_nik=mask_nik(nik),
                reason=_("This NIK sits now on the boards of %(count)d Ormas (a flag from %(minimum)d): %(list)s.")
                % {"count": len(seated), "minimum": minimum, "list": listing},
                ormas=tuple((o, n) for o, n, _p in seated),
            )
        )
    return flags


def _readable(user: Any, regency: str) -> "QuerySet[Ormas]":
    """Every Ormas the user may read (ended ones included), optionally in one kab/kota."""
    queryset = Ormas.objects.visible_to(user)
    return queryset.filter(regency_code=regency) if regency else queryset


def after_ended(user: Any, *, regency: str = "", within_days: int = NEW_WITHIN_DAYS) -> list[Flag]:
    readable = _readable(user, regency)
    # Seats (past or present) on the boards of the revoked or dissolved Ormas the user may read: few.
    ended_seats = list(
        BoardMember.objects.filter(ormas__in=readable.filter(status__in=Ormas.ENDED_STATUSES).values("pk")).values_list(
            "person_id", "ormas_id", "ormas__name", "ormas__status", "ormas__status_changed_on", "position"
        )
    )
    if not ended_seats:
        return []
    by_person: dict[int, list[tuple[int, str, str, dt.date | None, str]]] = defaultdict(list)
    for person_id, ormas_id, name, status, ended_on, position in ended_seats:
        by_person[person_id].append((ormas_id, name, status, ended_on, position))
    # Their seats now (or as founders) on the boards of Ormas that are still going.
    going = BoardMember.objects.filter(
        Q(ended_on__isnull=True) | Q(position=BoardMember.Position.FOUNDER),
        person_id__in=list(by_person),
        ormas__in=readable.exclude(status__in=Ormas.ENDED_STATUSES).values("pk"),
    )
    new_seats = list(
        going.values(
            "person_id",
            "person__name",
            "person__nik",
            "position",
            "ormas_id",
            "ormas__name",
            "ormas__founded_on",
            "ormas__skt_issued_on",
            "ormas__ahu_date",
            "ormas__created_at",
        )
    )
    flags = []
    seen: set[tuple[int, int, int]] = set()
    status_labels = dict(Ormas.Status.choices)
    for seat in new_seats:
        established = _established(
            {
                "founded_on": seat["ormas__founded_on"],
                "skt_issued_on": seat["ormas__skt_issued_on"],
                "ahu_date": seat["ormas__ahu_date"],
                "created_at": seat["ormas__created_at"],
            }
        )
        for ended_id, ended_name, status, ended_on, old_position in by_person[seat["person_id"]]:
            if ended_on is None or established is None or established < ended_on - dt.timedelta(days=within_days):
                continue
            if (seat["person_id"], seat["ormas_id"], ended_id) in seen:
                continue
            seen.add((seat["person_id"], seat["ormas_id"], ended_id))
            flags.append(
                Flag(
                    code="after_ended",
                    person_id=seat["person_id"],
                    person_name=seat["person__name"],
                    masked_nik=mask_nik(seat["person__nik"] or ""),
                    reason=_(
                        "On the board (%(position)s) of %(new)s, established %(established)s, and earlier on the "
                        "board (%(old_position)s) of %(old)s, “%(status)s” since %(ended)s."
                    )
                    % {
                        "position": _position(seat["position"]),
                        "new": seat["ormas__name"],
                        "established": date_format(established),
                        "old_position": _position(old_position),
                        "old": ended_name,
                        "status": status_labels.get(status, status),
                        "ended": date_format(ended_on),
                    },
                    ormas=((seat["ormas_id"], seat["ormas__name"]), (ended_id, ended_name)),
                )
            )
    return flags


def flags_for(user: Any, *, regency: str = "", ip_address: str | None = None, page: int = 1) -> list[Flag]:
    """Every flag in the user's scope (empty for a role without personal-data access), with whether the user may
    open the person's details; the reading is logged."""
    if not people.may_search_by_nik(user):
        return []
    scope = scoped_ormas(user, regency)
    flags = many_boards(scope) + after_ended(user, regency=regency)
    flags.sort(key=lambda f: (f.code, f.person_name.casefold(), f.reason))
    readable = people.readable_people(user, list(Person.objects.filter(pk__in={f.person_id for f in flags})))
    shown = [dataclasses.replace(f, details_readable=f.person_id in readable) for f in flags]
    record(
        user,
        "board_check.viewed",
        by=user,
        data={"flags": len(shown), "region": regency or getattr(user, "scope_code", ""), "page": page},
        ip_address=ip_address,
    )
    return shown
