"""An import of many rows stays a handful of queries, and the batched duplicate check finds what the row-by-row one did."""

import hashlib
import random

from django.db import connection
from django.test.utils import CaptureQueriesContext
from rapidfuzz import fuzz, process

from audit.models import Entry
from imports import actions
from imports.matching import OrmasMatcher
from imports.models import ImportBatch, ImportRow
from imports.tests.helpers import ormas_row
from registry.models import NameKey, Ormas
from wadah.lib.text import compact, normalize
from wadah.testing import make_ormas

VILLAGES = ["Langkai", "Pahandut", "Panarung", "Tumbang Rungan"]


def _rows(count, start):
    """Rows whose names are unlike each other (no row is a likely duplicate of an earlier import's)."""
    return [
        ormas_row(n, f"Uji {hashlib.sha256(str(n).encode()).hexdigest()[:12]}", "Palangkaraya", village=VILLAGES[n % 4])
        for n in range(start, start + count)
    ]


def _commit_queries(run_import, user, rows):
    batch = run_import(user, rows)
    assert batch.status == ImportBatch.Status.READY
    actions.request_commit(batch)
    with CaptureQueriesContext(connection) as captured:
        actions.commit(batch, user)
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.DONE and batch.created_count == len(rows), batch.error
    return batch, len(captured)


def test_commit_of_many_rows_runs_as_many_queries_as_of_a_few(province_officer, run_import):
    _small, few = _commit_queries(run_import, province_officer, _rows(3, 1))
    batch, many = _commit_queries(run_import, province_officer, _rows(60, 100))
    assert many <= few  # no query per row (the first commit also fills the per-process caches)
    created = Ormas.objects.filter(pk__in=batch.rows.values("result"))
    assert created.count() == 60
    # Audit as before: one ormas.created per Ormas, one ormas.imported for the batch, all by the officer.
    entries = Entry.objects.filter(action="ormas.created", ormas__in=created, actor=province_officer)
    assert entries.count() == 60
    imported = Entry.objects.filter(action="ormas.imported", actor=province_officer).latest("at")
    assert imported.data["created"] == 60 and sorted(imported.data["ormas"]) == sorted(o.pk for o in created)
    # Each new name is in the name check's index, and each row links to the Ormas it made.
    assert set(NameKey.objects.filter(kind=NameKey.Kind.KEY).values_list("ormas_id", flat=True)) >= {
        o.pk for o in created
    }
    assert not batch.rows.filter(action=ImportRow.Action.CREATE, result__isnull=True).exists()


def test_analysis_of_many_rows_runs_as_many_queries_as_of_a_few(province_officer, run_import):
    make_ormas()

    def analysis_queries(rows):
        batch = run_import(province_officer, rows)
        actions.start_analysis(batch, mapping=batch.mapping, default_region=None)
        with CaptureQueriesContext(connection) as captured:
            actions.analyse(batch)
        return len(captured)

    few = analysis_queries(_rows(3, 1))
    assert analysis_queries(_rows(60, 100)) <= few


def _row_by_row(candidates, name, abbreviation, numbers):
    """The duplicate check as it was, one row at a time (process.extract over the names of the kab/kota)."""
    ids, names, labels, abbreviations, by_number = candidates
    scores = {}
    for _choice, score, index in process.extract(
        normalize(name), names, scorer=fuzz.token_sort_ratio, score_cutoff=60, limit=5
    ):
        scores[index] = score
    abbreviation = normalize(abbreviation)
    for index in abbreviations.get(abbreviation, []) if len(abbreviation) >= 3 else []:
        name_score = scores.get(index, fuzz.token_sort_ratio(normalize(name), names[index]))
        scores[index] = max(name_score, (name_score + 100) / 2)
    for number in filter(None, (compact(n) for n in numbers)):
        for index in by_number.get(number, []):
            scores[index] = 100
    best = sorted(((s, i) for i, s in scores.items() if s >= 75), reverse=True)[:3]
    return [{"id": ids[i], "name": labels[i], "score": round(s)} for s, i in best]


def test_batched_duplicate_check_agrees_with_the_row_by_row_one(db):
    rnd = random.Random(9)
    words = ["pemuda", "dayak", "peduli", "kerukunan", "keluarga", "tambun", "bungai", "kahayan", "lestari", "maju"]
    registered = []
    for n in range(120):
        name = " ".join(rnd.choice(words) for _ in range(rnd.randint(2, 4))).title()
        abbreviation = "".join(w[0] for w in name.split()).upper() if n % 3 == 0 else ""
        registered.append(
            make_ormas(name=f"{name} {n % 7}", abbreviation=abbreviation, skt_number=f"220/{n:05d}/SKT/2020")
        )
    ormas = list(Ormas.objects.filter(regency_code="62.71").order_by("pk"))
    assert len(ormas) == 120
    matcher = OrmasMatcher()
    found = matcher._load("62.71")
    candidates = (found.ids, found.names, found.labels, found.abbreviations, found.numbers)
    queries = []
    for n in range(300):
        base = rnd.choice(registered)
        name = rnd.choice(
            [
                base.name,
                base.name + " Kalteng",
                " ".join(reversed(base.name.split())),
                base.name[:-1],
                " ".join(rnd.choice(words) for _ in range(3)),
            ]
        )
        abbreviation = base.abbreviation if n % 4 == 0 else ""
        number = base.skt_number if n % 11 == 0 else ""
        queries.append(("62.71", name, abbreviation, [number, ""]))
    batched = matcher.match_many(queries)
    assert batched == [_row_by_row(candidates, *query[1:]) for query in queries]
    assert sum(1 for result in batched if result) > 200  # the comparison is about real matches
