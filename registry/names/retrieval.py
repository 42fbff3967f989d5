"""Which registered Ormas the name check scores: a handful of capped, indexed queries on `Ormas.name_search`.

`name_search` holds the normalised name as written (trigram-indexed on PostgreSQL, registry/migrations/0002), not
the spelling key, so every word is looked for in each way it may be written (surface_forms: "dayak", "dajak";
equivalents: "sungai", "sei"), OR-ed. Region and level words are never used to fetch (every Kalteng name would
match "kalimantan tengah"); distinctive words are, and common words only when a name has nothing else.

  1. the exact name; the singkatan;
  2. forward: names holding all the proposal's retrieval words (if too many, all its core words);
  3. one word only: also pg_trgm word similarity, or on SQLite either half of it (a slip of the keyboard, or two
     words written as one); a proposal of common words only stops after 2 (nothing else could be reported);
  4. reverse and one-word changes: names holding every retrieval word but one, so a
     registered name that is contained in the proposal ("Pemuda Pancasila" in "Pemuda Pancasila Tambun Bungai")
     is fetched; if too many, the left-out word must be there too, written slightly differently
     (pg_trgm word similarity, PostgreSQL only); with three or more, each word alone too.
Each query is capped; SQLite (one province's registry at most) gets a higher cap and no fuzzy branch.
"""

from __future__ import annotations

from functools import reduce
from operator import and_, or_
from typing import TYPE_CHECKING

from django.db import connections
from django.db.models import Q

from registry.models import Ormas
from registry.names.lexicon import Lexicon, surface_forms

if TYPE_CHECKING:
    from registry.names import Reading

BRANCH_LIMIT = 150
SQLITE_BRANCH_LIMIT = 1500
# Words shorter than this are not used to fetch (they still count in the score).
MIN_WORD = 3
MAX_RETRIEVAL_WORDS = 4
FIELDS = ("pk", "name", "abbreviation", "name_search", "abbreviation_search", "regency_code", "status")


def _word(lex: Lexicon, key: str) -> Q:
    forms = surface_forms(key)
    for written in sorted(lex.written_as.get(key, ())):
        forms.append(written)
    return reduce(or_, (Q(name_search__contains=f) for f in dict.fromkeys(forms)))


def _all(lex: Lexicon, words: list[str] | tuple[str, ...]) -> Q:
    return reduce(and_, (_word(lex, w) for w in words))


def retrieval_words(proposal: Reading) -> list[str]:
    usable = [w for w in proposal.core if len(w) >= MIN_WORD or w.isdigit()]
    distinct = [w for w in usable if w in proposal.distinct]
    return sorted(distinct or usable, key=len, reverse=True)[:MAX_RETRIEVAL_WORDS]


def candidates(proposal: Reading, lex: Lexicon, exclude_ormas_id: int | None) -> dict[int, tuple]:
    """Registered Ormas worth scoring, by id."""
    queryset = Ormas.objects.order_by()
    if exclude_ormas_id:
        queryset = queryset.exclude(pk=exclude_ormas_id)
    postgres = connections[queryset.db].vendor == "postgresql"
    cap = BRANCH_LIMIT if postgres else SQLITE_BRANCH_LIMIT
    found: dict[int, tuple] = {}

    def fetch(condition: Q) -> bool:
        """Add the matches of condition; False if there were more than the cap. No ORDER BY: with one, a broad
        condition would read every match; without, the LIMIT stops the scan."""
        rows = list(queryset.filter(condition).values_list(*FIELDS)[: cap + 1])
        found.update((row[0], row) for row in rows[:cap])
        return len(rows) <= cap

    if proposal.raw:
        fetch(Q(name_search=proposal.raw))
    if proposal.abbreviation:
        # Stored normalised ("pdi p"); "G.R.P.H." is compared without its spaces too.
        fetch(Q(abbreviation_search__in={proposal.abbreviation, proposal.abbreviation.replace(" ", "")}))
    words = retrieval_words(proposal)
    if not words:
        return found
    if not fetch(_all(lex, words)) and len(proposal.core) > len(words):
        fetch(_all(lex, [w for w in proposal.core if len(w) >= MIN_WORD]))
    if not proposal.distinct:
        # Only common words: nothing but a name of the same words is reported, and those hold all of them.
        return found
    if len(words) == 1:
        # One word to go by, perhaps mistyped or written together ("Tambunbungai"): pg_trgm word similarity;
        # on SQLite either half of the word.
        word = words[0]
        if postgres:
            fetch(Q(name_search__trigram_word_similar=word))
        elif len(word) >= 6:
            half = max(3, len(word) // 2)
            fetch(_word(lex, word[:half]) | _word(lex, word[-half:]))
    if len(words) >= 3:
        # A registered name with one of the proposal's distinctive words and nothing else distinctive.
        for word in words:
            fetch(_word(lex, word))
    if len(words) >= 2:
        for left_out in words:
            others = [w for w in words if w != left_out]
            if not fetch(_all(lex, others)) and postgres:
                fetch(_all(lex, others) & Q(name_search__trigram_word_similar=left_out))
    return found
