"""The partnerships criterion of award rounds (awards/criteria.py): links in force during the round's year.

A link counts for both sides when it is between two Ormas; only confirmed links count (a proposal the office has not
checked earns nothing). Points grow with the number of links up to `target` (a round's parameter).
"""

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from awards import criteria
from partnerships.models import Partnership


def partnerships_in_year(ids: list[int], round_: Any, params: dict[str, Any]) -> dict[int, tuple[float, str]]:
    target = max(1, int(params.get("target", 3)))
    first, last = dt.date(round_.year, 1, 1), dt.date(round_.year, 12, 31)
    links: dict[int, set[int]] = defaultdict(set)
    rows = (
        Partnership.objects.filter(status=Partnership.Status.CONFIRMED, starts_on__lte=last)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=first))
        .filter(Q(ormas_id__in=ids) | Q(other_ormas_id__in=ids))
        .values_list("pk", "ormas_id", "other_ormas_id")
    )
    wanted = set(ids)
    for pk, ormas_id, other_id in rows:
        for side in (ormas_id, other_id):
            if side in wanted:
                links[side].add(pk)
    result = {}
    for ormas_id in ids:
        count = len(links.get(ormas_id, ()))
        reason = (
            ngettext(
                "%(count)d partnership in force in %(year)d.", "%(count)d partnerships in force in %(year)d.", count
            )
            % {"count": count, "year": round_.year}
            if count
            else _("No confirmed partnership in force in %(year)d.") % {"year": round_.year}
        )
        result[ormas_id] = (min(1.0, count / target), reason)
    return result


def register() -> None:
    criteria.register(
        criteria.Kind(
            "partnerships",
            gettext_lazy("Partnerships in force in the year (confirmed by the office)"),
            partnerships_in_year,
            source="Wadah: partnerships (kemitraan)",
            default_weight=1,
            default_parameters={"target": 3},
        )
    )
