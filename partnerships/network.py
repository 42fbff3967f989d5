"""The network of the Ormas a user may read: partnerships, partners and shared board members, as clusters.

One pass, a bounded number of grouped queries whatever the number of Ormas (no query per Ormas):

1. the confirmed, current partnerships with at least one side in scope (one query, both sides' names);
2. the people who sit, now, on the boards of two or more Ormas in scope (one grouped query on the seats, then one
   query for those people's seats);
3. union–find over those edges gives the clusters; every Ormas in scope that is in no cluster is isolated (counted
   by subtraction, listed a page at a time with NOT EXISTS, so 500,000 Ormas cost one COUNT).

The chart shows the largest clusters up to MAX_CHART_NODES nodes; the table beside it lists every cluster.
"""

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from partnerships.models import Partnership
from registry.models import BoardMember, Ormas

MAX_CHART_NODES = 400
CACHE_SECONDS = 300
CLUSTERS_PER_PAGE = 20
ISOLATED_PER_PAGE = 25


@dataclass
class Cluster:
    ormas: list[tuple[int, str]]  # (pk, name), in scope, by name
    partners: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    links: int = 0

    @property
    def size(self) -> int:
        return len(self.ormas)


@dataclass
class Network:
    clusters: list[Cluster]
    chart: dict[str, Any]
    in_scope: int
    connected: int
    shared_people: list[dict[str, Any]]

    @property
    def isolated(self) -> int:
        return self.in_scope - self.connected


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def scoped_ormas(user: Any, regency: str = "") -> "QuerySet[Ormas]":
    """The Ormas the network is drawn for: the registry's rule, optionally one kab/kota; ended ones left out."""
    queryset = Ormas.objects.visible_to(user).exclude(status__in=Ormas.ENDED_STATUSES)
    if regency:
        queryset = queryset.filter(regency_code=regency)
    return queryset


def _current_links(scope: "QuerySet[Ormas]", on: dt.date) -> "QuerySet[Partnership]":
    ids = scope.values("pk")
    return (
        Partnership.objects.current()
        .filter(Q(ormas__in=ids) | Q(other_ormas__in=ids))
        .filter(starts_on__lte=on)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))
    )


def shared_seats(
    scope: "QuerySet[Ormas]", *, minimum: int = 2
) -> tuple[dict[int, list[tuple[int, str]]], dict[int, str]]:
    """({person id: [(ormas id, ormas name)]}, {person id: name}) for the people seated now on the boards of
    `minimum` or more Ormas in scope: one grouped query counting seats (a person with two seats on one board is
    sorted out below, COUNT DISTINCT costs a sort) and one for those people's seats."""
    seats = BoardMember.objects.filter(ended_on__isnull=True, ormas__in=scope.values("pk"))
    people = seats.values("person_id").annotate(n=Count("pk")).filter(n__gte=minimum).values("person_id")
    found: dict[int, list[tuple[int, str]]] = defaultdict(list)
    names: dict[int, str] = {}
    rows = seats.filter(person_id__in=people).values_list("person_id", "person__name", "ormas_id", "ormas__name")
    for person_id, person_name, ormas_id, name in rows.order_by("person_id", "ormas__name_search"):
        names[person_id] = person_name
        if all(o != ormas_id for o, _n in found[person_id]):
            found[person_id].append((ormas_id, name))
    return {p: boards for p, boards in found.items() if len(boards) >= minimum}, names


def cached(user: Any, *, regency: str = "") -> Network:
    """build(), kept for CACHE_SECONDS per audience (role, scope, kab/kota filter, language, day) and per state of
    the partnerships table, so a link recorded or confirmed shows at once; board changes show within minutes."""
    state = Partnership.objects.aggregate(n=Count("pk"), last=Max("pk"), decided=Max("decided_at"))
    parts = (
        "network",
        user.role,
        user.scope_code,
        regency or "-",
        get_language(),
        timezone.localdate(),
        *state.values(),
    )
    key = "partnerships:" + hashlib.sha256(":".join(map(str, parts)).encode()).hexdigest()
    graph = cache.get(key)
    if graph is None:
        graph = build(user, regency=regency)
        cache.set(key, graph, CACHE_SECONDS)
    return graph


def build(user: Any, *, regency: str = "", on: dt.date | None = None) -> Network:
    on = on or timezone.localdate()
    scope = scoped_ormas(user, regency)
    union = _Union()
    names: dict[str, str] = {}
    kinds: dict[str, str] = {}
    urls: dict[str, str] = {}
    edges: list[tuple[str, str, str]] = []
    in_scope_ids = set()

    links = _current_links(scope, on).values_list(
        "ormas_id",
        "ormas__name",
        "ormas__regency_code",
        "other_ormas_id",
        "other_ormas__name",
        "partner_id",
        "partner__name",
        "kind",
    )
    visible_codes = scope  # membership decided below with one id query for the linked Ormas
    linked_ids: set[int] = set()
    rows = list(links)
    for ormas_id, _n, _r, other_id, *_rest in rows:
        linked_ids.add(ormas_id)
        if other_id:
            linked_ids.add(other_id)
    in_scope_ids = set(visible_codes.filter(pk__in=linked_ids).values_list("pk", flat=True)) if linked_ids else set()
    for ormas_id, ormas_name, _regency, other_id, other_name, partner_id, partner_name, kind in rows:
        a = f"o{ormas_id}"
        names[a], kinds[a] = ormas_name, "ormas" if ormas_id in in_scope_ids else "outside"
        b = f"o{other_id}" if other_id else f"p{partner_id}"
        names[b] = other_name if other_id else partner_name
        kinds[b] = ("ormas" if other_id in in_scope_ids else "outside") if other_id else "partner"
        union.join(a, b)
        edges.append((a, b, kind))

    shared, person_names = shared_seats(scope)
    shared_people: list[dict[str, Any]] = []
    for person_id, seats in shared.items():
        node = f"h{person_id}"
        names[node], kinds[node] = person_names.get(person_id, ""), "person"
        for ormas_id, ormas_name in seats:
            a = f"o{ormas_id}"
            names[a], kinds[a] = ormas_name, "ormas"
            in_scope_ids.add(ormas_id)
            union.join(a, node)
            edges.append((node, a, "board"))
        shared_people.append({"name": person_names.get(person_id, ""), "boards": list(seats), "id": person_id})
    shared_people.sort(key=lambda p: (-len(p["boards"]), p["name"]))

    groups: dict[str, list[str]] = defaultdict(list)
    for node in names:
        groups[union.find(node)].append(node)
    link_count: dict[str, int] = defaultdict(int)
    for a, _b, _k in edges:
        link_count[union.find(a)] += 1
    clusters = []
    for root, members in groups.items():
        ormas = sorted(((int(m[1:]), names[m]) for m in members if kinds[m] == "ormas"), key=lambda x: x[1].casefold())
        if not ormas:
            continue
        clusters.append(
            Cluster(
                ormas=ormas,
                partners=sorted(names[m] for m in members if kinds[m] in ("partner", "outside")),
                people=sorted(names[m] for m in members if kinds[m] == "person"),
                links=link_count[root],
            )
        )
    clusters.sort(key=lambda c: (-c.size, -c.links, c.ormas[0][1].casefold()))
    for node in names:
        if node.startswith("o") and kinds[node] == "ormas":
            urls[node] = reverse("partnerships:ormas", args=[int(node[1:])])

    chart = _chart(groups, union, clusters, names, kinds, urls, edges)
    return Network(
        clusters=clusters,
        chart=chart,
        in_scope=scope.count(),
        connected=len(in_scope_ids),
        shared_people=shared_people,
    )


def _chart(groups, union, clusters, names, kinds, urls, edges) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """The largest clusters, whole, up to MAX_CHART_NODES nodes: ECharts graph nodes, links and categories."""
    degree: dict[str, int] = defaultdict(int)
    for a, b, _k in edges:
        degree[a] += 1
        degree[b] += 1
    shown: set[str] = set()
    cluster_of: dict[str, int] = {}
    roots = sorted(groups, key=lambda r: (-len(groups[r]), r))
    for index, root in enumerate(roots):
        members = groups[root]
        if not any(kinds[m] == "ormas" for m in members):
            continue
        room = MAX_CHART_NODES - len(shown)
        if len(members) > room:
            if shown:
                continue  # too big for what is left: the table lists it
            # The largest cluster alone is bigger than the chart: its best-connected nodes.
            members = sorted(members, key=lambda m: (-degree[m], m))[:room]
        shown.update(members)
        for m in members:
            cluster_of[m] = index
    category = {"ormas": 0, "outside": 0, "partner": 1, "person": 2}
    nodes = [
        {
            "id": node,
            "name": names[node],
            "category": category[kinds[node]],
            "value": degree[node],
            "url": urls.get(node, ""),
            "cluster": cluster_of[node],
        }
        for node in sorted(shown)
    ]
    links = [{"source": a, "target": b, "kind": k} for a, b, k in edges if a in shown and b in shown]
    return {
        "nodes": nodes,
        "links": links,
        "hidden": sum(len(groups[r]) for r in groups) - len(shown),
        "categories": [_("Ormas"), _("Partners"), _("People on several boards")],
    }


def isolated_page(
    user: Any, *, regency: str = "", page: int = 1, on: dt.date | None = None
) -> tuple[list[Ormas], bool]:
    """One page of the isolated Ormas in scope (no current link, no board member shared), by name; and whether more
    follow. NOT EXISTS per row until the page is full: no count, no id list."""
    on = on or timezone.localdate()
    scope = scoped_ormas(user, regency)
    live = Partnership.objects.current().filter(starts_on__lte=on).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))
    other_seat = BoardMember.objects.filter(
        ended_on__isnull=True,
        person__seats__ormas_id=OuterRef("pk"),
        person__seats__ended_on__isnull=True,
        ormas__in=scope.values("pk"),
    ).exclude(ormas_id=OuterRef("pk"))
    queryset = (
        scope.filter(~Exists(live.filter(ormas_id=OuterRef("pk"))))
        .filter(~Exists(live.filter(other_ormas_id=OuterRef("pk"))))
        .filter(~Exists(other_seat))
        .order_by("name_search", "id")
    )
    start = (page - 1) * ISOLATED_PER_PAGE
    rows = list(queryset[start : start + ISOLATED_PER_PAGE + 1])
    return rows[:ISOLATED_PER_PAGE], len(rows) > ISOLATED_PER_PAGE
