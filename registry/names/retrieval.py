"""Which registered Ormas the name check scores: exact lookups in the name index (registry/names/index.py), rare
words first, never a LIKE over the names and never a scan.

The proposal is read as the index was (its *core*: spelling key, equivalents, no generic or region words). Each core
word stands for a *group*: the word itself and the vocabulary words within a slip of the keyboard of it (pg_trgm on
PostgreSQL, rapidfuzz over the vocabulary on SQLite), so a mistyped proposal still reaches the right postings. Then:

  1. the exact name and the singkatan (as before);
  2. keys: every subset of the core words (with a distinctive word in it, or all of them), and the core with two
     neighbouring words written as one: a registered name whose core *is* that subset (same name, or contained in
     the proposal: "Pemuda Pancasila" in "Pemuda Pancasila Tambun Bungai") or is that subset *plus one word* (the
     near keys) is an exact index lookup, a few names per key;
  3. forward: names holding every group, the rarest group first, shortest names first (the proposal contained in
     a longer registered name);
  4. rare distinctive words (held by at most RARE names): every name holding one — they are few, and any reportable
     pair shares a distinctive word. A frequent distinctive word ("Pancasila") is only used together with another
     one (the two rarest, intersected) — it is stop-word-like on its own;
  5. a proposal of one distinctive word, rare or unknown to the index (perhaps two words written together,
     "Tambunbungai"): pg_trgm word similarity on the name, or on SQLite either half of it.
A proposal of common words only stops after 2: nothing but a name of the same words could be reported.
Every branch is capped; the union is a few hundred names at most, scored in Python by registry.names.
"""

from __future__ import annotations

from itertools import combinations, product
from typing import TYPE_CHECKING

from django.db import connections
from django.db.models import Q
from rapidfuzz import fuzz, process

from registry.models import NameKey, NameVocabulary, Ormas
from registry.names.index import VALUE_LENGTH, core_words, join
from registry.names.lexicon import Lexicon

if TYPE_CHECKING:
    from registry.names import Reading

W, KEY, NEAR = NameKey.Kind.WORD.value, NameKey.Kind.KEY.value, NameKey.Kind.NEAR.value
# Words shorter than this are not used to fetch on their own (they still count in keys and in the score).
MIN_WORD = 3
# The same threshold as registry.names.WORD_MATCH: a vocabulary word this close counts as the same word.
WORD_MATCH = 80
NEIGHBOURS = 3
# A distinctive word held by at most this many names: all of them are scored.
RARE = 250
# Frequencies are counted up to this: enough to tell rare from frequent, and cheap (an index range of ≤ RARE + 1).
FREQUENCY_CAP = RARE + 1
# An intersection probes at most this many postings of its rarest group (shortest names first).
PROBE_LIMIT = 1500
MAX_SUBSET_WORDS = 6
MAX_KEYS = 120
PER_KEY = 8
KEY_LIMIT = 160
FORWARD_LIMIT = 60
PAIR_LIMIT = 60
LIKE_LIMIT = 60
EXACT_LIMIT = 60
FIELDS = ("pk", "name", "abbreviation", "name_search", "abbreviation_search", "regency_code", "status")


def _neighbours(words: list[str], postgres: bool, using: str) -> dict[str, list[str]]:
    """For each word (≥ 4 letters, not a number): vocabulary words within WORD_MATCH of it, closest first."""
    fuzzy = [w for w in words if len(w) >= 4 and not w.isdigit()]
    found: dict[str, list[tuple[float, str]]] = {w: [] for w in words}
    if not fuzzy:
        return {w: [] for w in words}
    if postgres:
        table = NameVocabulary._meta.db_table
        with connections[using].cursor() as cursor:
            # Default pg_trgm.similarity_threshold (0.3) is below what one slip in a 5-letter word leaves (0.33).
            cursor.execute(
                f"SELECT q.w, v.word FROM unnest(%s::text[]) AS q(w) JOIN {table} v ON v.word %% q.w",  # noqa: S608
                [fuzzy],
            )
            pairs = cursor.fetchall()
        for word, other in pairs:
            if other != word and not other.isdigit():
                ratio = fuzz.ratio(word, other)
                if ratio >= WORD_MATCH:
                    found[word].append((ratio, other))
    else:
        vocabulary = list(NameVocabulary.objects.using(using).values_list("word", flat=True))
        for word in fuzzy:
            for other, ratio, _i in process.extract(
                word, vocabulary, scorer=fuzz.ratio, score_cutoff=WORD_MATCH, limit=NEIGHBOURS + 1
            ):
                if other != word and not other.isdigit():
                    found[word].append((ratio, other))
    return {w: [o for _r, o in sorted(pairs, reverse=True)[:NEIGHBOURS]] for w, pairs in found.items()}


def _known(words: list[str], using: str) -> set[str]:
    return set(NameVocabulary.objects.using(using).filter(word__in=words).values_list("word", flat=True))


def _frequencies(groups: dict[str, list[str]], using: str) -> dict[str, int]:
    """How many names hold each group (counted up to FREQUENCY_CAP), in one query."""
    table = NameKey._meta.db_table
    parts: list[str] = []
    params: list[str | int] = []
    for values in groups.values():
        marks = ", ".join(["%s"] * len(values))
        parts.append(
            f"(SELECT count(*) FROM (SELECT 1 FROM {table} WHERE kind = %s AND value IN ({marks}) LIMIT %s) s)"  # noqa: S608
        )
        params += [W, *values, FREQUENCY_CAP]
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), params)
        row = cursor.fetchone()
    return dict(zip(groups, row, strict=True))


def _subset_keys(slots: list[tuple[str, list[str]]], lex: Lexicon, total: int) -> list[str]:
    """Keys of every subset of the slots (largest first), each slot written by one of its alternatives. A subset
    counts if it holds a distinctive word (otherwise nothing it finds could be reported), or is the whole core."""
    keys: list[str] = []
    for size in range(len(slots), 0, -1):
        for chosen in combinations(slots, size):
            for words in product(*(alternatives for _w, alternatives in chosen)):
                if size < total and not any(lex.classify(w) == "distinctive" for w in words):
                    continue
                keys.append(join(sorted(set(words))))
                if len(keys) >= MAX_KEYS:
                    return list(dict.fromkeys(keys))
    return list(dict.fromkeys(keys))


def _merged_keys(proposal: Reading) -> list[str]:
    """The core with two neighbouring words written as one ("tambun bungai" → "tambunbungai"), as keys."""
    core = list(proposal.core)
    keys = []
    for i in range(len(core) - 1):
        merged = [*core[:i], core[i] + core[i + 1], *core[i + 2 :]]
        keys.append(join(sorted({w[:VALUE_LENGTH] for w in merged})))
    return keys


def _by_keys(keys: list[str], postgres: bool, using: str, exclude: int | None) -> list[int]:
    if not keys:
        return []
    if postgres:
        table = NameKey._meta.db_table
        sql = (
            "SELECT n.ormas_id FROM unnest(%s::text[]) WITH ORDINALITY AS k(v, o) "  # noqa: S608
            "CROSS JOIN unnest(%s::text[]) AS t(kind) "
            f"CROSS JOIN LATERAL (SELECT ormas_id FROM {table} WHERE kind = t.kind AND value = k.v LIMIT %s) n "
            "ORDER BY k.o, t.kind DESC LIMIT %s"
        )
        with connections[using].cursor() as cursor:
            cursor.execute(sql, [keys, [KEY, NEAR], PER_KEY, KEY_LIMIT])
            ids = [row[0] for row in cursor.fetchall()]
    else:
        rows = NameKey.objects.using(using).filter(kind__in=(KEY, NEAR), value__in=keys)
        ids = list(rows.values_list("ormas_id", flat=True)[: KEY_LIMIT * 4])
    return [pk for pk in ids if pk != exclude]


def _marks(values: list[str]) -> str:
    return ", ".join(["%s"] * len(values))


def _holding_all(groups: list[list[str]], using: str, *, min_size: int, limit: int) -> list[int]:
    """Names holding a word of every group: the first group's PROBE_LIMIT shortest names (an index-only range of
    the (kind, value, size, ormas) index), each probed for the other groups through the (ormas, kind, value) index."""
    table = NameKey._meta.db_table
    first, *others = groups
    sql = (
        f"SELECT f.ormas_id FROM (SELECT ormas_id, size FROM {table} "  # noqa: S608
        f"WHERE kind = %s AND value IN ({_marks(first)}) AND size >= %s ORDER BY size LIMIT %s) f"
    )
    params: list[str | int] = [W, *first, min_size, PROBE_LIMIT]
    conditions = []
    for values in others:
        conditions.append(
            f"EXISTS (SELECT 1 FROM {table} u WHERE u.ormas_id = f.ormas_id AND u.kind = %s "  # noqa: S608
            f"AND u.value IN ({_marks(values)}))"
        )
        params += [W, *values]
    if conditions:
        sql += " WHERE " + " AND ".join(conditions)
    sql += " ORDER BY f.size LIMIT %s"
    params.append(limit)
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def candidates(proposal: Reading, lex: Lexicon, exclude_ormas_id: int | None) -> dict[int, tuple]:
    """Registered Ormas worth scoring, by id."""
    queryset = Ormas.objects.order_by()
    using = queryset.db
    postgres = connections[using].vendor == "postgresql"
    ids: dict[int, None] = {}

    def add(found: list[int]) -> None:
        ids.update((pk, None) for pk in found if pk != exclude_ormas_id)

    exact = Q(name_search=proposal.raw) if proposal.raw else Q(pk__in=[])
    if proposal.abbreviation:
        # Stored normalised ("pdi p"); "G.R.P.H." is compared without its spaces too.
        exact |= Q(abbreviation_search__in={proposal.abbreviation, proposal.abbreviation.replace(" ", "")})
    add(list(queryset.filter(exact).values_list("pk", flat=True)[:EXACT_LIMIT]))

    core = core_words(proposal)
    if core:
        neighbours = _neighbours(core, postgres, using)
        known = _known(core, using)
        groups = {w: ([w] if w in known else []) + neighbours[w] for w in core}
        # Subset keys: a slot is a core word as the index may hold it (itself if known, else its closest spellings).
        slots = sorted(
            ((w, groups[w][:2]) for w in core if groups[w]),
            key=lambda slot: (lex.classify(slot[0]) != "distinctive", -len(slot[0])),
        )[:MAX_SUBSET_WORDS]
        keys = _subset_keys(slots, lex, len(core))
        add(_by_keys(keys + _merged_keys(proposal), postgres, using, exclude_ormas_id))
        distinct = [w for w in core if w in proposal.distinct and groups[w] and (len(w) >= MIN_WORD or w.isdigit())]
        if distinct:
            usable = {w: groups[w] for w in core if groups[w] and (len(w) >= MIN_WORD or w.isdigit())}
            frequency = _frequencies(usable, using)
            # Rarest first; among frequent ones (all counted as FREQUENCY_CAP) distinctive and longer words first.
            ordered = sorted(usable, key=lambda w: (frequency[w], w not in proposal.distinct, -len(w)))
            if len(ordered) == len(core):
                add(_holding_all([usable[w] for w in ordered], using, min_size=len(core), limit=FORWARD_LIMIT))
            rare = [v for w in distinct if frequency[w] <= RARE for v in usable[w]]
            if rare:
                postings = NameKey.objects.using(using).filter(kind=W, value__in=rare).order_by("size")
                add(list(postings.values_list("ormas_id", flat=True)[: RARE * 2]))
            frequent = [w for w in ordered if w in distinct and frequency[w] > RARE]
            if len(frequent) >= 2:
                add(_holding_all([usable[w] for w in frequent[:2]], using, min_size=2, limit=PAIR_LIMIT))
        if len(proposal.distinct) == 1:
            word = next(iter(proposal.distinct))
            if len(word) >= 6 and not groups.get(word):
                # One distinctive word that no registered name holds: perhaps two words written as one.
                if postgres:
                    like = Q(name_search__trigram_word_similar=word)
                else:
                    half = max(3, len(word) // 2)
                    like = Q(name_search__contains=word[:half]) | Q(name_search__contains=word[-half:])
                add(list(queryset.filter(like).values_list("pk", flat=True)[:LIKE_LIMIT]))
    if not ids:
        return {}
    return {row[0]: row for row in queryset.filter(pk__in=list(ids)).values_list(*FIELDS)}
