"""The name check's index (registry.NameKey, registry.NameVocabulary): each Ormas name as the check reads it.

For every Ormas, with its *core* (registry/names: common and distinctive words, spelling key, equivalents applied,
generic and region words set aside) as a sorted set of n words:

* one `word` row per core word (the postings: which names hold a word; `size` = n orders them shortest first);
* one `key` row: the n words joined ("pancasila pemuda") — a registered name with the same words, or with a subset
  of a proposal's words, is one exact lookup;
* n `near` rows: the key with one word left out (for n ≤ MAX_NEAR_WORDS) — so a registered name that has *one word
  more* than some subset of the proposal ("Pemuda Pancasila Sejati" for "Pemuda Pancasila Kapuas") is an exact
  lookup too (a deletion neighbourhood, as spelling correctors do for letters, here for words).

The index is written by the registry actions (index_ormas) in the same transaction as the name. It depends on the
word lists (NameTerm) and the region names: when those change, `rebuild()` (command `rebuild_name_index`, or the
task the NameTerm admin enqueues) reads every name again. Until it has run, a name is still checked, against
the index as it was.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from django.db import connection, transaction

from registry.models import NameKey, NameVocabulary, Ormas
from registry.names.lexicon import Lexicon, lexicon
from wadah.lib.bulk import insert_rows

if TYPE_CHECKING:
    from registry.names import Reading

# Names with more core words than this get no near rows (their subsets are found through their rarest words).
MAX_NEAR_WORDS = 6
VALUE_LENGTH = 255
BATCH = 20_000


def core_words(reading: Reading) -> list[str]:
    return sorted({w[:VALUE_LENGTH] for w in reading.core if w})


def join(words: Iterable[str]) -> str:
    return " ".join(words)[:VALUE_LENGTH]


def entries(reading: Reading) -> list[tuple[str, str, int]]:
    """(kind, value, size) rows for one name."""
    words = core_words(reading)
    size = len(words)
    if not size:
        return []
    rows = [(NameKey.Kind.WORD.value, w, size) for w in words]
    rows.append((NameKey.Kind.KEY.value, join(words), size))
    if 2 <= size <= MAX_NEAR_WORDS:
        rows.extend((NameKey.Kind.NEAR.value, join(words[:i] + words[i + 1 :]), size) for i in range(size))
    return rows


def _rows_for(pairs: Iterable[tuple[int, str]], lex: Lexicon) -> Iterator[tuple[int, str, str, int]]:
    from registry.names import read  # the reader lives in the package that imports this module

    for pk, name_search in pairs:
        for kind, value, size in entries(read(name_search, "", lex, cache=False)):
            yield pk, kind, value, size


def index_ormas(objects: Iterable[Ormas], *, replace: bool = True) -> None:
    """Write the index rows of these (saved) Ormas, replacing what they had."""
    items = [(o.pk, o.name_search) for o in objects]
    if not items:
        return
    lex = lexicon()
    with transaction.atomic():
        if replace:
            NameKey.objects.filter(ormas_id__in=[pk for pk, _n in items]).delete()
        words: set[str] = set()

        def rows() -> Iterator[tuple[int, str, str, int]]:
            for row in _rows_for(items, lex):
                if row[1] == NameKey.Kind.WORD:
                    words.add(row[2])
                yield row

        # Plain tuples, no model instances: an import writes ~9 rows per Ormas. On PostgreSQL they stream into COPY
        # as the names are read, so the server indexes while Python reads the next names.
        insert_rows(NameKey, ("ormas_id", "kind", "value", "size"), rows())
        add_vocabulary(words)


def add_vocabulary(words: Iterable[str]) -> None:
    words = sorted(set(words))
    if not words:
        return
    if connection.vendor == "postgresql":
        # One array parameter and one statement, however many words (an import brings thousands).
        table = NameVocabulary._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (word) SELECT unnest(%s::text[]) ON CONFLICT (word) DO NOTHING",  # noqa: S608
                [words],
            )
        return
    NameVocabulary.objects.bulk_create([NameVocabulary(word=w) for w in words], batch_size=2000, ignore_conflicts=True)


# Up to this many Ormas the index is rebuilt at once when a word list changes; above, by a background task.
SYNC_REBUILD = 20_000


def lexicon_changed() -> None:
    """A NameTerm was added, changed or removed: read every name again once the change is committed."""

    def run() -> None:
        if Ormas.objects.count() <= SYNC_REBUILD:
            rebuild()
        else:
            from registry.tasks import rebuild_name_index

            rebuild_name_index.enqueue()

    transaction.on_commit(run)


def rebuild(*, stdout=None) -> int:
    """Read every Ormas name again into the index (after the word lists or the regions changed); returns the count.

    One transaction: checks running meanwhile see the old index until it commits. On PostgreSQL the rows go in with
    COPY (500,000 names in about a minute); elsewhere with bulk inserts."""
    lex = lexicon()
    total = 0
    words: set[str] = set()
    postgres = connection.vendor == "postgresql"
    with transaction.atomic():
        NameKey.objects.all().delete()
        last = 0
        while True:
            # Keyset pages, each read completely before its rows are written (one connection: no COPY and cursor
            # at the same time).
            page = list(Ormas.objects.filter(pk__gt=last).order_by("pk").values_list("pk", "name_search")[:BATCH])
            if not page:
                break
            last = page[-1][0]
            rows = list(_rows_for(page, lex))
            total += len(page)
            words.update(value for _pk, kind, value, _size in rows if kind == NameKey.Kind.WORD)
            if postgres:
                with connection.cursor() as cursor:
                    sql = f"COPY {NameKey._meta.db_table} (ormas_id, kind, value, size) FROM STDIN"
                    with cursor.cursor.copy(sql) as copy:  # type: ignore[attr-defined]
                        for row in rows:
                            copy.write_row(row)
            else:
                NameKey.objects.bulk_create(
                    [NameKey(ormas_id=pk, kind=kind, value=value, size=size) for pk, kind, value, size in rows],
                    batch_size=BATCH,
                )
        add_vocabulary(words)
        if postgres:
            with connection.cursor() as cursor:
                cursor.execute(f"ANALYZE {NameKey._meta.db_table}")
                cursor.execute(f"ANALYZE {NameVocabulary._meta.db_table}")
    if postgres and connection.get_autocommit():
        # Outside a transaction (the command, not a migration): VACUUM too, so the lookups are index-only scans
        # at once instead of after autovacuum's next visit.
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM (ANALYZE) {NameKey._meta.db_table}")
            cursor.execute(f"VACUUM (ANALYZE) {NameVocabulary._meta.db_table}")
    if stdout is not None:
        stdout.write(f"Name index rebuilt: {total:,} names, {len(words):,} words.")
    return total
