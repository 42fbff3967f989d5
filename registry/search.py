"""Registry search: one query string against names, abbreviations, registration numbers and board members.

Each branch is an index lookup on PostgreSQL (trigram GIN on the normalised columns, b-tree on NIK),
so a search stays fast at national scale; SQLite scans, which is fine at one province's size.
"""

from django.db.models import Q

from registry.models import BoardMember, OrmasQuerySet
from wadah.lib.text import compact, digits_only, normalize

# Board-member matches beyond this many Ormas add little to a human-read list and cost a lot.
MAX_PERSON_MATCHES = 2000


def search(queryset: OrmasQuerySet, query: str) -> OrmasQuerySet:
    query = query.strip()
    if not query:
        return queryset
    digits = digits_only(query)
    if len(digits) == 16 and len(query.replace(" ", "")) == 16:
        ormas_ids = BoardMember.objects.filter(person__nik=digits).values_list("ormas_id", flat=True)
        return queryset.filter(pk__in=list(ormas_ids[:MAX_PERSON_MATCHES]))
    words = normalize(query)
    if not words:
        return queryset.none()
    condition = Q(name_search__contains=words) | Q(abbreviation_search=words)
    number = compact(query)
    if len(number) >= 3 and any(c.isdigit() for c in number):
        condition |= Q(number_search__contains=number)
    if len(words) >= 3:
        person_ormas = (
            BoardMember.objects.filter(person__name_search__contains=words)
            .values_list("ormas_id", flat=True)
            .distinct()[:MAX_PERSON_MATCHES]
        )
        # Materialised as a list of ids: PostgreSQL can then OR the branches' index scans together.
        ids = list(person_ormas)
        if ids:
            condition |= Q(pk__in=ids)
    return queryset.filter(condition)
