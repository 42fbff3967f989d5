"""Registry search: one query string against names, abbreviations, registration numbers and board members.

Each branch is an index lookup on PostgreSQL (trigram GIN on the normalised columns, b-tree on NIK), so a search
stays fast at national scale (500k Ormas, 3M board seats; see docs/decisions/0005); SQLite scans, which is fine at
one province's size.

How the result is shaped matters as much as the indexes, because the list page sorts by name and pages by 25:

* Every word must occur in the name, in any order ("pemuda dayak" finds "Ikatan Pemuda Adat Dayak"); each word
  is its own trigram-indexed LIKE, ANDed.
* The matches are first counted up to SMALL_RESULT. A result of at most that many Ormas is handed on as a list of
  ids, which PostgreSQL estimates exactly, so the count and the sorted first page are a handful of primary-key
  look-ups. Without this the planner walks the name index in order and filters row by row, hoping to find 25
  matches early; for a word that opens many names ("Lembaga", "Keluarga Besar") the matches all sit late in the
  alphabet and that walk reads most of the table (seconds at 500k Ormas).
* A larger result keeps the SQL condition, repeated so that the planner's row estimate drops and it reads the
  matches through the trigram bitmap and sorts them (time bounded by the number of matches) rather than risking
  the same walk.
"""

from functools import reduce
from operator import and_
from typing import Any

from django.db.models import Q
from django.db.models.expressions import RawSQL

from regions.models import Region
from registry.models import BoardMember, Ormas, OrmasQuerySet, Person
from wadah.lib.text import compact, digits_only, normalize

# Board-member matches beyond this many Ormas add little to a human-read list and cost a lot.
MAX_PERSON_MATCHES = 2000
# Results up to this size are materialised as ids (see the module docstring).
SMALL_RESULT = 1000
# How often a large result's condition is repeated to steer PostgreSQL's estimate (bitmap + sort, not an index walk).
ESTIMATE_STEERING = 3


def _all_words(field: str, words: list[str]) -> Q:
    return reduce(and_, (Q(**{f"{field}__contains": word}) for word in words))


def is_nik_query(query: str) -> bool:
    """A query that is a NIK (16 digits, maybe typed in groups): a search for a person, not for a name."""
    query = query.strip()
    return len(digits_only(query)) == 16 and len(query.replace(" ", "")) == 16


def search(queryset: OrmasQuerySet, query: str, *, by_nik: bool = False) -> OrmasQuerySet:
    """Every Ormas in queryset that matches query (exact result; large results cost time in proportion to size).

    by_nik: the caller has checked that the user may search by NIK (personal-data access, logged and limited by
    registry.people.nik_search); otherwise a NIK finds nothing, so a masked NIK cannot be confirmed by searching.
    """
    return _search(queryset, query, cap=False, by_nik=by_nik)[0]


def search_capped(queryset: OrmasQuerySet, query: str, *, by_nik: bool = False) -> tuple[OrmasQuerySet, bool]:
    """Like search(), but a result larger than SMALL_RESULT is cut to SMALL_RESULT matches; returns (result, cut).

    For the list page: with `cut` true it can say "more than 1.000 Ormas match; refine the search" and stays fast
    for any query (docs/decisions/0005). The kept matches are arbitrary ones, so the caller must tell the user.
    """
    return _search(queryset, query, cap=True, by_nik=by_nik)


def _search(queryset: OrmasQuerySet, query: str, *, cap: bool, by_nik: bool) -> tuple[OrmasQuerySet, bool]:
    query = query.strip()
    if not query:
        return queryset, False
    digits = digits_only(query)
    if is_nik_query(query):
        if not by_nik:
            return queryset.none(), False
        ormas_ids = (
            BoardMember.objects.filter(person__nik=digits).order_by().values_list("ormas_id", flat=True).distinct()
        )
        return _with_ids(queryset, list(ormas_ids[:MAX_PERSON_MATCHES])), False
    normalised = normalize(query)
    if not normalised:
        return queryset.none(), False
    words = list(dict.fromkeys(normalised.split()))
    condition = _all_words("name_search", words) | Q(abbreviation_search=normalised)
    number = compact(query)
    if len(number) >= 3 and any(c.isdigit() for c in number):
        condition |= Q(number_search__contains=number)
    matches = list(queryset.filter(condition).order_by().values_list("pk", flat=True)[: SMALL_RESULT + 1])
    if cap and len(matches) > SMALL_RESULT:
        # The list is cut already; looking through 3M board seats would only add names nobody will see.
        return _with_ids(queryset, matches[:SMALL_RESULT]), True
    if len(normalised) >= 3:
        ids = _ormas_of_people(words)
        if ids:
            # Materialised as a list of ids: PostgreSQL can then OR the branches' index scans together.
            condition |= Q(pk__in=ids)
            seen = set(matches)
            person_matches = _with_ids(queryset, ids).order_by().values_list("pk", flat=True)
            matches += [pk for pk in person_matches if pk not in seen]
    if len(matches) <= SMALL_RESULT:
        return _with_ids(queryset, matches), False
    if cap:
        return _with_ids(queryset, matches[:SMALL_RESULT]), True
    if _is_pg(queryset):
        return queryset.filter(*[condition] * ESTIMATE_STEERING), False
    return queryset.filter(condition), False


def _with_ids(queryset: OrmasQuerySet, ids: list[int]) -> OrmasQuerySet:
    """queryset limited to these primary keys.

    On PostgreSQL the ids travel as one array parameter: a 1,000-element IN (...) list costs ~20 ms just to
    compile and adapt, three times what the query itself takes.
    """
    if _is_pg(queryset):
        return queryset.filter(pk__in=RawSQL("SELECT unnest(%s::bigint[])", (ids,)))
    return queryset.filter(pk__in=ids)


def _is_pg(queryset: OrmasQuerySet) -> bool:
    from django.db import connections

    return connections[queryset.db].vendor == "postgresql"


def _ormas_of_people(words: list[str]) -> list[int]:
    """Ormas whose board (past or present) has someone with every word in their name; at most MAX_PERSON_MATCHES."""
    people = Person.objects.filter(_all_words("name_search", words)).order_by().values("pk")[:MAX_PERSON_MATCHES]
    seats = BoardMember.objects.filter(person__in=people).order_by().values_list("ormas_id", flat=True).distinct()
    return list(seats[:MAX_PERSON_MATCHES])


# --- The public search: self-registration and public complaints pick an Ormas with it ----------------------

PUBLIC_LIMIT = 10


def public_matches(query: str) -> list[dict[str, Any]]:
    """At most 10 registered Ormas for the public registration search: name, kab/kota and legal form only.

    search() also matches board members' names and NIKs, which would tell a stranger who sits on
    which board; here a 16-digit number is refused and every match must match by the Ormas's own name,
    abbreviation or registration number.
    """
    query = query.strip()
    if len(query) < 3:
        return []
    digits = digits_only(query)
    if len(digits) >= 12 and len(digits) >= len(query.replace(" ", "").replace(".", "")) - 1:
        return []  # a NIK (or any long bare number that is not an SKT/AHU number with letters)
    normalised = normalize(query)
    if not normalised:
        return []
    words = list(dict.fromkeys(normalised.split()))
    own = Q(abbreviation_search=normalised)
    name_condition = Q()
    for word in words:
        name_condition &= Q(name_search__contains=word)
    own |= name_condition
    number = compact(query)
    if len(number) >= 3 and any(c.isdigit() for c in number):
        own |= Q(number_search__contains=number)
    rows = list(
        search(Ormas.objects.all(), query)
        .filter(own)
        .order_by("name", "id")
        .values("public_id", "name", "abbreviation", "legal_form", "regency_code")[:PUBLIC_LIMIT]
    )
    regencies = dict(Region.objects.filter(code__in={row["regency_code"] for row in rows}).values_list("code", "name"))
    legal_forms = dict(Ormas.LegalForm.choices)
    return [
        {
            "public_id": row["public_id"],
            "name": row["name"],
            "abbreviation": row["abbreviation"],
            "regency": regencies.get(row["regency_code"], ""),
            "legal_form": legal_forms.get(row["legal_form"], ""),
        }
        for row in rows
    ]
