"""`make bench`: registry search and list pages at national scale (500k Ormas, ~3M seats) on PostgreSQL.

Creates/uses BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/wadah_bench), migrates it, loads the
national regions and the generated dataset once (a second run reuses them), then measures every row against its
own baselines in the same run and prints a Markdown table (also written to bench/out/latest.md).

Each search row compares three timings of the same meaning:
  * code  — registry.search.search(Ormas.objects.all(), q), then what the list page does (count + first 25);
  * sql   — the SQL statements that code path sent, captured and re-run with cursor.execute (database alone);
  * naive — an unindexed `icontains` query (count + first 25), on a subset of the queries because it is slow.
Each page row compares the Django test client (logged in as a province officer) against a trivial view
mounted by a bench-only urlconf, measured the same way.
"""

import io
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/wadah_bench"
URL = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
os.environ["DATABASE_URL"] = URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wadah.settings")
os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")

N_QUERIES = int(os.environ.get("BENCH_QUERIES", "50"))
N_NAIVE = int(os.environ.get("BENCH_NAIVE_QUERIES", "10"))
TARGET_ORMAS = int(os.environ.get("BENCH_ORMAS", "500000"))
SEED = 2026
PAGE = 25
CAP = 10_000


def ensure_database() -> None:
    import psycopg

    parsed = urlparse(URL)
    name = parsed.path.lstrip("/")
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
            print(f"created database {name}")


def setup() -> None:
    ensure_database()
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.DEBUG = False  # no query log; CaptureQueriesContext still works where we ask for it
    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    from regions.models import Region
    from registry.models import Ormas

    if Region.objects.filter(level__in=("desa", "kelurahan", "desa_adat")).count() < 80_000:
        call_command("load_regions", str(ROOT / "data" / "wilayah_indonesia.csv"))
    have = Ormas.objects.count()
    if have < TARGET_ORMAS * 0.9:
        print(f"{have:,} Ormas present; generating {TARGET_ORMAS - have:,} more (this takes a few minutes)")
        call_command("generate_national", count=TARGET_ORMAS - have)
    print(f"setup {time.perf_counter() - started:.1f} s", file=sys.stderr)


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p50 = statistics.median(ordered)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return p50 * 1000, p95 * 1000


# The median CPU time this process spent per sample of the last timed() call (ms): unlike wall time it hardly moves
# with the machine's load; it leaves out the database server's own work.
LAST_CPU: list[float] = [0.0]


def timed(run: Callable[[Any], object], items: list[Any], *, warmup: int = 5) -> tuple[float, float]:
    for item in items[:warmup]:
        run(item)
    samples = []
    cpu = []
    for item in items:
        started, started_cpu = time.perf_counter(), time.process_time()
        run(item)
        samples.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    LAST_CPU[0] = statistics.median(cpu) * 1000
    return percentiles(samples)


def timed_cpu(run: Callable[[Any], object], items: list[Any], *, warmup: int = 5) -> tuple[float, float, float]:
    """timed(), plus the median CPU ms of this process per sample."""
    p50, p95 = timed(run, items, warmup=warmup)
    return p50, p95, LAST_CPU[0]


def sample_queries(rnd: random.Random) -> dict[str, list[str]]:
    from django.db import connection

    def random_rows(sql: str, table: str, count: int) -> list[tuple]:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT min(id), max(id) FROM {table}")
            low, high = cursor.fetchone()
            ids = [rnd.randint(low, high) for _ in range(count * 2)]
            cursor.execute(sql, [ids])
            rows = cursor.fetchall()
        rnd.shuffle(rows)
        return rows[:count]

    ormas = random_rows("SELECT name, abbreviation FROM registry_ormas WHERE id = ANY(%s)", "registry_ormas", N_QUERIES)
    people = random_rows(
        "SELECT nik, name FROM registry_person WHERE id = ANY(%s) AND nik IS NOT NULL", "registry_person", 2 * N_QUERIES
    )
    name_queries = []
    for index, (name, _abbr) in enumerate(ormas):
        words = [w for w in name.split() if len(w) >= 4 and not w.isdigit()]
        if index % 2 and len(words) >= 2:  # half: two consecutive words ("pemuda adat"), half: one word
            start = rnd.randrange(len(words) - 1)
            name_queries.append(" ".join(words[start : start + 2]))
        else:
            name_queries.append(rnd.choice(words))
    return {
        "name": name_queries,
        "abbreviation": [abbr for _name, abbr in ormas if abbr],
        "nik": [nik for nik, _name in people[:N_QUERIES]],
        "board member": [name for _nik, name in people[N_QUERIES:]],
    }


def search_rows(queries: dict[str, list[str]]) -> list[dict]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from registry.models import Ormas
    from registry.search import SMALL_RESULT, search, search_capped

    def code_path(q: str) -> None:
        qs = search(Ormas.objects.all(), q)
        qs.count()
        list(qs.order_by("name_search", "id")[:PAGE])

    def naive_qs(kind: str, q: str):
        if kind == "name":
            return Ormas.objects.filter(name__icontains=q)
        if kind == "abbreviation":
            return Ormas.objects.filter(abbreviation__icontains=q)
        if kind == "nik":
            return Ormas.objects.filter(board_members__person__nik__icontains=q).distinct()
        return Ormas.objects.filter(board_members__person__name__icontains=q).distinct()

    def capped_count_path(q: str) -> None:
        """Proposed list-page change A: count at most CAP + 1 rows and show "10.000+" beyond."""
        qs = search(Ormas.objects.all(), q)
        qs.order_by()[: CAP + 1].count()
        list(qs.order_by("name_search", "id")[:PAGE])

    def capped_result_path(q: str) -> None:
        """What the list page runs: registry.search.search_capped (at most SMALL_RESULT matches + a notice)."""
        qs, cut = search_capped(Ormas.objects.all(), q)
        if not cut:  # as the list view does: a cut result's size is known, so it is not counted
            qs.count()
        list(qs.order_by("name_search", "id")[:PAGE])

    rows = []
    for kind, items in queries.items():
        captured: dict[str, list[str]] = {}
        for q in items:
            with CaptureQueriesContext(connection) as context:
                code_path(q)
            captured[q] = [entry["sql"] for entry in context.captured_queries]

        def raw(q: str, captured: dict[str, list[str]] = captured) -> None:
            with connection.cursor() as cursor:
                for sql in captured[q]:
                    cursor.execute(sql)
                    cursor.fetchall()

        def naive(q: str, kind: str = kind) -> None:
            qs = naive_qs(kind, q)
            qs.count()
            list(qs.order_by("name", "id")[:PAGE])

        code = timed(code_path, items)
        sql = timed(raw, items)
        base = timed(naive, items[:N_NAIVE], warmup=1)
        matches = sorted(search(Ormas.objects.all(), q).count() for q in items)
        rows.append(
            {
                "row": f"search by {kind} (n={len(items)}; matches median {matches[len(matches) // 2]:,}, max {matches[-1]:,})",
                "p50": code[0],
                "p95": code[1],
                "sql": sql,
                "baseline": base,
                "baseline_name": f"naive icontains (n={len(items[:N_NAIVE])})",
                # By name, the exact every-match search serves only the Excel export; the list page's path is below.
                "target": None if kind == "name" else 50,
            }
        )
        if kind == "name":
            rows[-1]["row"] = rows[-1]["row"].replace("search by name", "search by name, exact (export path)")
        print(f"  {rows[-1]['row']}: p95 {code[1]:.1f} ms", file=sys.stderr)
        if kind == "name":
            for label, path in (
                (
                    f"search by name as the list page runs it (≤ {SMALL_RESULT:,} matches + notice)",
                    capped_result_path,
                ),
                (f"search by name, exact with count capped at {CAP + 1:,} (alternative, not used)", capped_count_path),
            ):
                capped = timed(path, items)
                rows.append(
                    {
                        "row": label,
                        "p50": capped[0],
                        "p95": capped[1],
                        "sql": None,
                        "baseline": code,
                        "baseline_name": "exact search (export path)",
                        "target": 50 if path is capped_result_path else None,
                    }
                )
    return rows


def page_rows(rnd: random.Random) -> list[dict]:
    from django.core.management import call_command
    from django.db.models import Count
    from django.http import HttpResponse
    from django.test import Client, override_settings
    from django.urls import include, path

    from accounts.models import Office, Role, User
    from registry.models import Ormas
    from wadah.testing import pass_second_factor

    # The province with the most Ormas: the heaviest province-scope list.
    biggest = Ormas.objects.values("province_code").annotate(n=Count("id")).order_by("-n").first()
    assert biggest is not None, "no Ormas in the bench database"
    province = biggest["province_code"]
    call_command("setup_offices", province=province, stdout=io.StringIO())
    user, _created = User.objects.get_or_create(
        username=f"bench.petugas.{province}",
        defaults={"role": Role.OFFICER, "office": Office.objects.get(region_id=province)},
    )
    client = Client()
    client.force_login(user)
    pass_second_factor(client, user)  # staff must have verified a second factor (accounts/middleware.py)

    regencies = list(Ormas.objects.filter(province_code=province).values_list("regency_code", flat=True).distinct())
    in_province = Ormas.objects.filter(province_code=province)
    top = in_province.order_by().values_list("id", flat=True)
    ids = list(top[:20_000])
    pks = [rnd.choice(ids) for _ in range(N_QUERIES)]
    names = list(in_province.filter(pk__in=pks).values_list("name", flat=True))
    words = []
    for name in names:
        candidates = [w for w in name.split() if len(w) >= 4 and not w.isdigit()]
        words.append(rnd.choice(candidates))
    while len(words) < N_QUERIES:
        words.append(rnd.choice(words))

    list_urls = [
        f"/registri/?{urlencode({'regency': rnd.choice(regencies), 'status': 'aktif'})}" for _ in range(N_QUERIES)
    ]
    search_urls = [f"/registri/?{urlencode({'q': w})}" for w in words]
    detail_urls = [f"/registri/{pk}/" for pk in pks]
    province_count = in_province.count()

    def get(url: str) -> None:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    bench_urls = type(sys)("bench_urls")
    bench_urls.urlpatterns = [  # type: ignore[attr-defined]
        path("__bench__/", lambda request: HttpResponse("ok")),
        path("", include("wadah.urls")),
    ]
    sys.modules["bench_urls"] = bench_urls
    rows = []
    with override_settings(ROOT_URLCONF="bench_urls"):
        trivial = timed(get, ["/__bench__/"] * N_QUERIES)
        login_page = timed(lambda _u: Client().get("/akun/masuk/"), ["/akun/masuk/"] * N_QUERIES)
        for label, urls, target in (
            (f"list page ?regency=…&status=aktif (province {province}: {province_count:,} Ormas)", list_urls, 150),
            ("list page ?q=<word>", search_urls, 150),
            ("detail page /registri/<pk>/", detail_urls, 150),
        ):
            p50, p95 = timed(get, urls)
            rows.append(
                {
                    "row": label,
                    "p50": p50,
                    "p95": p95,
                    "sql": None,
                    "baseline": trivial,
                    "baseline_name": "trivial view, same client/middleware",
                    "target": target,
                }
            )
            print(f"  {label}: p95 {p95:.1f} ms", file=sys.stderr)
    rows.append(
        {
            "row": "login page GET /akun/masuk/ (anonymous; reference)",
            "p50": login_page[0],
            "p95": login_page[1],
            "sql": None,
            "baseline": trivial,
            "baseline_name": "trivial view, same client/middleware",
            "target": None,
        }
    )
    return rows


def name_check_rows(rnd: random.Random) -> list[dict]:
    """Name conflict check (registry.names.find_conflicts) over realistic proposals, beside brute force.

    Proposals: half existing names slightly altered (another generic prefix, a typo, punctuation and spacing, an added
    word), half new names from other words. Baseline: rapidfuzz process.extract over every normalised name held in
    memory (only the scoring is timed; loading 500k names takes seconds and memory no web worker should spend).
    """
    from django.db import connection
    from rapidfuzz import fuzz, process

    from registry.names import find_conflicts, read
    from registry.names.lexicon import lexicon

    with connection.cursor() as cursor:
        cursor.execute("SELECT min(id), max(id) FROM registry_ormas")
        low, high = cursor.fetchone()
        cursor.execute(
            "SELECT name FROM registry_ormas WHERE id = ANY(%s)",
            [[rnd.randint(low, high) for _ in range(N_QUERIES * 2)]],
        )
        names = [row[0] for row in cursor.fetchall()]
    rnd.shuffle(names)
    prefixes = ["Ikatan", "Forum", "Persatuan", "Himpunan", "Perkumpulan"]

    def alter(name: str) -> str:
        words = name.split()
        kind = rnd.randrange(4)
        if kind == 0:
            return " ".join([rnd.choice(prefixes), *words[1:]])
        if kind == 1:
            i = max(range(len(words)), key=lambda k: len(words[k]))
            w = words[i]
            j = rnd.randrange(1, len(w) - 1)
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :] if j < len(w) - 2 else w[:-1]
            return " ".join(words)
        if kind == 2:
            return "  ".join(words).replace(" ", "-", 1).upper()
        return " ".join([*words, rnd.choice(["Bersatu", "Sejahtera", "Mandiri", "Kalteng"])])

    vocabulary = sorted({w for n in names for w in n.split()[1:] if len(w) >= 4})
    altered = [alter(n) for n in names[: N_QUERIES // 2]]
    new = [
        f"{rnd.choice(prefixes)} {' '.join(rnd.sample(vocabulary, 3))} {rnd.choice(['Raya', 'Baru', 'Lestari'])}"
        for _ in range(N_QUERIES - len(altered))
    ]
    proposals = altered + new
    found_original = sum(
        1 for original, p in zip(names, altered, strict=False) if any(c.name == original for c in find_conflicts(p))
    )
    code = timed(lambda p: find_conflicts(p), proposals)

    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("SELECT name_search FROM registry_ormas")
        lex = lexicon()
        everything = [read(row[0], "", lex).distinctive for row in cursor.fetchall()]
    load_s = time.perf_counter() - started
    brute = timed(
        lambda p: process.extract(read(p, "", lex).distinctive, everything, scorer=fuzz.WRatio, limit=10),
        proposals[: N_NAIVE // 2] + proposals[len(altered) : len(altered) + N_NAIVE // 2],
        warmup=1,
    )
    print(f"  name conflict check: p95 {code[1]:.1f} ms (brute force p95 {brute[1]:.1f} ms)", file=sys.stderr)
    pairs = labelled_pairs_at_scale(brute, f"brute force rapidfuzz as above (n={N_NAIVE})")
    return [
        {
            "row": (
                f"name conflict check find_conflicts (n={len(proposals)}: {len(altered)} altered existing names, "
                f"original found for {found_original}; {len(new)} new names)"
            ),
            "p50": code[0],
            "p95": code[1],
            "sql": None,
            "baseline": brute,
            "baseline_name": (
                f"brute force rapidfuzz process.extract WRatio over {len(everything):,} names in memory "
                f"(n={N_NAIVE}; scoring only, loading took {load_s:.1f} s)"
            ),
            "target": 50,
        },
        *pairs,
    ]


def labelled_pairs_at_scale(brute: tuple[float, float], brute_name: str) -> list[dict]:
    """The labelled name pairs (registry/tests/data) checked inside the national registry: their registered names
    are added to the 500,000 (in a transaction that is rolled back), so every proposal competes with the whole
    registry for the candidate caps. Recall and false flags beside the same sets' figures on their own."""
    import csv

    from django.db import transaction

    from regions.models import Region
    from registry.names import find_conflicts
    from wadah.testing import make_ormas

    village = Region.objects.filter(code__startswith="62.71.", level__in=("desa", "kelurahan")).first()
    rows = []
    for label, filename in (("tuning", "name_pairs.csv"), ("holdout", "name_pairs_holdout.csv")):
        with (ROOT / "registry" / "tests" / "data" / filename).open(encoding="utf-8", newline="") as handle:
            pairs = list(csv.DictReader(handle))
        with transaction.atomic():
            ids: dict[tuple[str, str], int] = {}
            for pair in pairs:
                key = (pair["registered_name"], pair["registered_abbreviation"])
                if key not in ids:
                    ids[key] = make_ormas(
                        name=key[0], abbreviation=key[1], skt_number=f"BENCH/{len(ids)}", village=village.code
                    ).pk
            flagged = []
            for pair in pairs:
                hits = {c.object_id for c in find_conflicts(pair["proposal"], pair["proposal_abbreviation"], limit=50)}
                flagged.append(ids[(pair["registered_name"], pair["registered_abbreviation"])] in hits)
            times = timed(lambda p: find_conflicts(p["proposal"], p["proposal_abbreviation"]), pairs)
            transaction.set_rollback(True)
        must = [f for f, p in zip(flagged, pairs, strict=True) if p["expected"] == "flag"]
        must_not = [f for f, p in zip(flagged, pairs, strict=True) if p["expected"] == "no"]
        print(
            f"  labelled pairs ({label}) at national scale: recall {sum(must)}/{len(must)}, "
            f"false flags {sum(must_not)}/{len(must_not)}; p95 {times[1]:.1f} ms",
            file=sys.stderr,
        )
        rows.append(
            {
                "row": (
                    f"name check on the labelled pairs ({label} set, n={len(pairs)}) inside the national registry: "
                    f"recall {sum(must)}/{len(must)}, false flags {sum(must_not)}/{len(must_not)}"
                ),
                "p50": times[0],
                "p95": times[1],
                "sql": None,
                "baseline": brute,
                "baseline_name": brute_name,
                "target": 50,
            }
        )
    return rows


def import_rows() -> list[dict]:
    """A spreadsheet import end to end on the national registry (BENCH_IMPORT_ROWS rows, default 10,000): upload and
    locate the list, analyse (validation, region resolution, duplicate check against every Ormas of the kab/kota),
    commit (Ormas, fields, name index, audit). Inside a transaction that is rolled back, so the registry is left as it
    was; commit progress goes through no side connection here (it would wait for the rolled-back row lock).
    Baseline: COPY of the same rows into a scratch table shaped like registry_ormas, in the same run."""
    import csv

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import connection, transaction

    from accounts.models import Office, Role, User
    from imports import actions
    from regions.models import Region

    size = int(os.environ.get("BENCH_IMPORT_ROWS", "10000"))
    province = "62"
    call_command_quiet("setup_offices", province=province)
    user, _created = User.objects.get_or_create(
        username=f"bench.import.{province}",
        defaults={"role": Role.OFFICER, "office": Office.objects.get(region_id=province)},
    )
    villages = list(
        Region.objects.filter(code__startswith=f"{province}.", level__in=("desa", "kelurahan"))
        .order_by("code")
        .values_list("code", "name")
    )
    regencies = dict(Region.objects.filter(level__in=("kabupaten", "kota")).values_list("code", "name"))
    rnd = random.Random(SEED + 3)
    headers = ["No", "Nama Organisasi", "Singkatan", "Alamat Sekretariat", "Kabupaten/Kota", "Desa/Kelurahan",
               "Nomor SKT", "Tanggal SKT", "Masa Berlaku SKT", "Telepon/HP", "Status"]  # fmt: skip
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(headers)
    for n in range(1, size + 1):
        code, village = rnd.choice(villages)
        writer.writerow(
            [n, f"Perkumpulan Bench {n} {village}", "", f"Jl. Bench No. {n}", regencies[code[:5]], village,
             f"220/{n:05d}/SKT/2024", "12 Januari 2024", "12-01-2029", f"0812{rnd.randint(1000000, 9999999)}", "Aktif"]
        )  # fmt: skip
    data = out.getvalue().encode("utf-8")

    phases: dict[str, float] = {}
    original_writer = actions._progress_writer
    actions._progress_writer = lambda batch_id: None  # type: ignore[assignment]
    try:
        with transaction.atomic():
            started = time.perf_counter()
            batch = actions.create_batch(by=user, upload=SimpleUploadedFile("bench.csv", data), kind="csv")
            phases["upload + locate"] = time.perf_counter() - started
            t = time.perf_counter()
            actions.start_analysis(batch, mapping=batch.mapping, default_region=None)
            actions.analyse(batch)
            phases["analyse"] = time.perf_counter() - t
            t = time.perf_counter()
            actions.skip_errors(batch)
            actions.request_commit(batch)
            phases["review + request"] = time.perf_counter() - t
            t = time.perf_counter()
            actions.commit(batch, user)
            phases["commit"] = time.perf_counter() - t
            total = time.perf_counter() - started
            batch.refresh_from_db()
            created = batch.created_count
            transaction.set_rollback(True)
    finally:
        actions._progress_writer = original_writer  # type: ignore[assignment]

    # Baseline: the same rows, COPY into a scratch table of registry_ormas's shape.
    rows = list(csv.reader(io.StringIO(data.decode("utf-8")), delimiter=";"))[1:]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMP TABLE bench_import (name varchar(255), abbreviation varchar(60), address varchar(300), "
            "skt_number varchar(80), phone varchar(40), status varchar(15)) ON COMMIT DROP"
        )
        started = time.perf_counter()
        with cursor.cursor.copy(
            "COPY bench_import (name, abbreviation, address, skt_number, phone, status) FROM STDIN"
        ) as copy:
            for row in rows:
                copy.write_row((row[1], row[2], row[3], row[6], row[9], "aktif"))
        baseline = time.perf_counter() - started
        transaction.set_rollback(True)
    detail = ", ".join(f"{k} {v:.2f} s" for k, v in phases.items())
    print(
        f"  import of {size:,} rows: {size / total:,.0f} rows/s ({detail}); COPY {size / baseline:,.0f} rows/s",
        file=sys.stderr,
    )
    return [
        {
            "row": f"spreadsheet import end to end, {size:,} CSV rows ({created:,} created; {detail})",
            "rows_per_s": size / total,
            "baseline_rows_per_s": size / baseline,
            "baseline_name": "COPY of the same rows (their registry columns) into a scratch table",
            "target_rows_per_s": 10_000,
            "rate": True,
        }
    ]


def call_command_quiet(name: str, **options: Any) -> None:
    from django.core.management import call_command

    call_command(name, stdout=io.StringIO(), **options)


def logo_rows(rnd: random.Random) -> list[dict]:
    """Logo check (registry.logos.similar_logos: band lookups, then exact Hamming distance) at one hash per Ormas,
    beside brute force: the Hamming distance to every stored hash, in the database (bit_count over a full scan)."""
    from django.db import connection

    from registry import logos
    from registry.models import LogoFingerprint, Ormas

    have = LogoFingerprint.objects.count()
    target = Ormas.objects.count()
    if have < target * 0.9:
        # Random hashes stand in for real logos: uniform bits are the hard case for band lookups (no clustering).
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id FROM registry_ormas WHERE id NOT IN (SELECT ormas_id FROM registry_logofingerprint)"
            )
            ids = [row[0] for row in cursor.fetchall()]
            copy_sql = "COPY registry_logofingerprint (ormas_id, phash, band0, band1, band2, band3) FROM STDIN"
            with cursor.cursor.copy(copy_sql) as copy:
                for pk in ids:
                    value = rnd.getrandbits(64)
                    copy.write_row((pk, logos.to_signed(value), *logos.bands(value)))
            cursor.execute("ANALYZE registry_logofingerprint")
        print(f"  {len(ids):,} logo hashes generated in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    with connection.cursor() as cursor:
        cursor.execute("SELECT phash FROM registry_logofingerprint TABLESAMPLE SYSTEM (1) LIMIT %s", [N_QUERIES])
        stored = [row[0] & logos.MASK for row in cursor.fetchall()]
    probes = []
    for index, value in enumerate(stored):
        if index % 2:
            probes.append(rnd.getrandbits(64))  # a new logo
        else:
            for bit in rnd.sample(range(64), rnd.randint(0, logos.SIMILAR)):  # a re-saved or touched-up copy
                value ^= 1 << bit
            probes.append(value)
    found = sum(1 for p in probes[::2] if logos.similar_logos(p))
    code = timed(lambda p: logos.similar_logos(p), probes)

    def brute(value: int) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT ormas_id FROM registry_logofingerprint WHERE bit_count((phash # %s)::bit(64)) <= %s",
                [logos.to_signed(value), logos.SIMILAR],
            )
            cursor.fetchall()

    base = timed(brute, probes[:N_NAIVE], warmup=1)
    count = LogoFingerprint.objects.count()
    print(f"  logo check: p95 {code[1]:.1f} ms (brute force p95 {base[1]:.1f} ms)", file=sys.stderr)
    return [
        {
            "row": (
                f"logo check similar_logos (n={len(probes)} over {count:,} logo hashes: {len(probes[::2])} copies "
                f"within {logos.SIMILAR} bits, all found: {found == len(probes[::2])}; the rest new)"
            ),
            "p50": code[0],
            "p95": code[1],
            "sql": None,
            "baseline": base,
            "baseline_name": f"brute-force Hamming distance over every hash in SQL (n={N_NAIVE})",
            "target": 100,
        }
    ]


def letter_rows() -> list[dict]:
    """Rendering an official letter (typst PDF with kop surat, body, signature block and QR) beside a one-line PDF."""
    import typst
    from django.db import transaction

    from accounts.models import Office, User
    from letters.actions import issue_letter
    from letters.pdf import render_letter_pdf
    from registry.models import Ormas

    office = Office.objects.filter(region__level="provinsi").first()
    ormas = Ormas.objects.filter(province_code=office.region_id).first()
    leader = User.objects.filter(role="pimpinan", office=office).first() or User.objects.create(
        username=f"bench.leader.{office.region_id}", role="pimpinan", office=office
    )
    # One real letter, rolled back afterwards: the bench leaves the register untouched.
    with transaction.atomic():
        letter = issue_letter(
            office=office,
            kind="presence-letter",
            title="Surat Keterangan Keberadaan Organisasi",
            subject=f"Keberadaan {ormas.name}",
            body="Berdasarkan laporan keberadaan, Ormas tersebut tercatat di Buku Induk.\n\nDemikian untuk dimaklumi.",
            by=leader,
            signatory_name="Kepala Badan (bench)",
            signatory_position="Kepala Badan",
            ormas=ormas,
        )
        render = timed(lambda _i: render_letter_pdf(letter), list(range(N_QUERIES)))
        issue = timed(
            lambda _i: issue_letter(
                office=office,
                kind="presence-letter",
                title="Surat Keterangan Keberadaan Organisasi",
                subject="Bench",
                body="Bench.",
                by=leader,
                signatory_name="Kepala Badan (bench)",
                signatory_position="Kepala Badan",
                ormas=ormas,
            ),
            list(range(20)),
        )
        transaction.set_rollback(True)
    trivial = timed(lambda _i: typst.compile(b"Halo"), list(range(N_QUERIES)))
    print(f"  letter PDF: p95 {render[1]:.1f} ms; issue_letter p95 {issue[1]:.1f} ms", file=sys.stderr)
    return [
        {
            "row": f"letter PDF render (A4, kop, body, signature, QR; n={N_QUERIES})",
            "p50": render[0],
            "p95": render[1],
            "sql": None,
            "baseline": trivial,
            "baseline_name": "typst compile of a one-word page",
            "target": 200,
        },
        {
            "row": "issue_letter: locked number + PDF + private file + rows + audit (n=20)",
            "p50": issue[0],
            "p95": issue[1],
            "sql": None,
            "baseline": trivial,
            "baseline_name": "typst compile of a one-word page",
            "target": None,
        },
    ]


def _bench_urlconf() -> None:
    """A urlconf with a trivial view beside the real ones (the baseline every page row is compared with)."""
    from django.http import HttpResponse
    from django.urls import include, path

    if "bench_urls" in sys.modules:
        return
    bench_urls = type(sys)("bench_urls")
    bench_urls.urlpatterns = [  # type: ignore[attr-defined]
        path("__bench__/", lambda request: HttpResponse("ok")),
        path("", include("wadah.urls")),
    ]
    sys.modules["bench_urls"] = bench_urls


def insights_rows() -> list[dict]:
    """Dashboard (cold: empty page cache and a new database connection; warm: page figures cached), the open-data API
    list, the public card and the directory, each beside its baseline in the same run; the background refresh of the
    precomputed figures beside the direct computation it replaced; then the real-server load test."""
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.db.models import Count
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    from accounts.models import Office, Role, User
    from insights import dashboard, figures
    from portal import register
    from registry.models import Ormas
    from wadah.testing import pass_second_factor

    sys.path.insert(0, str(ROOT / "bench"))
    import load

    biggest = Ormas.objects.values("province_code").annotate(n=Count("id")).order_by("-n").first()
    assert biggest is not None, "no Ormas in the bench database"
    province = biggest["province_code"]
    call_command("setup_offices", province=province, stdout=io.StringIO())
    leader, _created = User.objects.get_or_create(
        username=f"bench.pimpinan.{province}",
        defaults={"role": Role.LEADER, "office": Office.objects.get(region_id=province)},
    )
    staff = Client()
    staff.force_login(leader)
    pass_second_factor(staff, leader)
    public = Client()
    in_province = Ormas.objects.filter(province_code=province)
    province_count = in_province.count()
    regencies = sorted(set(in_province.values_list("regency_code", flat=True).distinct()))
    ids = list(in_province.order_by().values_list("public_id", flat=True)[:5000])
    rnd = random.Random(SEED + 2)
    cards = [f"/direktori/{rnd.choice(ids)}/" for _ in range(N_QUERIES)]
    directories = [f"/direktori/?regency={rnd.choice(regencies)}&page={rnd.randint(1, 5)}" for _ in range(N_QUERIES)]
    api_lists = [f"/api/v1/ormas?regency={rnd.choice(regencies)}&limit=50" for _ in range(N_QUERIES)]
    dash_urls = [f"/dasbor/?regency={regencies[i % len(regencies)]}" if i % 3 else "/dasbor/" for i in range(N_QUERIES)]

    # The background work: one province's refresh (what the task worker runs after changes), beside the direct
    # computation of the same figures that the page ran on every cold view before ADR 0011 (a few samples: slow).
    refresh_times = timed_cpu(lambda _i: figures.refresh(province), list(range(3)), warmup=1)
    live_times = timed_cpu(lambda _i: dashboard.live_counts(leader), list(range(3)), warmup=1)

    def get(client: Client, url: str) -> None:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    def cold(url: str) -> None:
        cache.clear()
        connection.close()
        get(staff, url)

    def api_sql(url: str) -> None:
        """The API list's page query alone: one indexed range read of limit + 1 rows (the database's share)."""
        code = url.split("regency=")[1].split("&")[0]
        list(register.register(register.Filters(regency=code))[:51].values_list("pk", "name"))

    _bench_urlconf()
    rows = []
    baseline = "trivial view, same client/middleware"
    with override_settings(ROOT_URLCONF="bench_urls", API_RATE_LIMIT_PER_MINUTE=10**9):
        trivial = timed_cpu(lambda u: get(staff, u), ["/__bench__/"] * N_QUERIES)
        trivial_cold = timed_cpu(cold, ["/__bench__/"] * N_QUERIES)
        public_trivial = timed_cpu(lambda u: get(public, u), ["/__bench__/"] * N_QUERIES)
        cold_times = timed_cpu(cold, dash_urls, warmup=2)
        get(staff, "/dasbor/")
        warm_times = timed_cpu(lambda u: get(staff, u), ["/dasbor/"] * N_QUERIES)
        # A capture reads the connection's query log when asked, and every request empties that log: count at once.
        reset_queries()
        with CaptureQueriesContext(connection) as captured:
            get(staff, "/dasbor/")
        warm_queries = len(captured)
        cache.clear()
        reset_queries()
        with CaptureQueriesContext(connection) as captured:
            get(staff, "/dasbor/")
        cold_queries = len(captured)
        api_times = timed_cpu(lambda u: get(public, u), api_lists)
        api_sql_times = timed_cpu(api_sql, api_lists)
        reset_queries()
        with CaptureQueriesContext(connection) as captured:
            get(public, api_lists[0])
        api_queries = len(captured)
        card_times = timed_cpu(lambda u: get(public, u), cards)
        directory_times = timed_cpu(lambda u: get(public, u), directories)
    marker = figures.FigureRefresh.objects.get(province_code=province)
    for label, times, target, base, base_name in (
        (
            f"dashboard cold (province {province}: {province_count:,} Ormas, Pimpinan; empty page cache, new DB "
            f"connection; {cold_queries} queries)",
            cold_times,
            150,
            trivial_cold,
            "trivial view, empty cache and new DB connection",
        ),
        (
            f"dashboard warm (page figures cached; {warm_queries} queries)",
            warm_times,
            20,
            trivial,
            baseline,
        ),
        (
            f"refresh of province {province}'s precomputed figures (background task; {marker.seconds:.1f} s last run)",
            refresh_times,
            None,
            live_times,
            "the same figures computed directly (what every cold view ran before)",
        ),
        (
            f"open-data API list /api/v1/ormas?regency=…&limit=50 ({api_queries} queries)",
            api_times,
            50,
            public_trivial,
            "trivial view, anonymous client",
        ),
        (
            "open-data API list: its page query alone (ORM, 51 rows by index)",
            api_sql_times,
            None,
            public_trivial,
            "trivial view, anonymous client",
        ),
        ("public card /direktori/<id>/", card_times, None, public_trivial, "trivial view, anonymous client"),
        (
            "public directory /direktori/?regency=…&page=…",
            directory_times,
            None,
            public_trivial,
            "trivial view, anonymous client",
        ),
    ):
        rows.append(
            {
                "row": label,
                "p50": times[0],
                "p95": times[1],
                "sql": None,
                "baseline": base,
                "baseline_name": base_name,
                "target": target,
                "cpu": (times[2], base[2]),
            }
        )
        print(f"  {label}: p95 {times[1]:.1f} ms (baseline p95 {base[1]:.1f} ms)", file=sys.stderr)
    pages = [
        ("public card", cards[0]),
        ("public directory", directories[0]),
        ("API list", api_lists[0]),
        ("public home", "/"),
    ]
    if os.environ.get("BENCH_LOAD", "1") != "0":
        for result in load.load_rows(URL, pages):
            rows.append(
                {
                    "row": f"real server (gunicorn {load.WORKERS} sync workers, DEBUG=0): {result['row']}",
                    "p50": 0.0,
                    "p95": 0.0,
                    "sql": None,
                    "baseline": (result["trivial"], result["trivial_errors"]),
                    "baseline_name": "trivial view req/s, errors (same server)",
                    "target": None,
                    "load": True,
                }
            )
    return rows


def table(rows: list[dict], header: str) -> str:
    lines = [
        header,
        "",
        "| measurement | p50 ms | p95 ms | target p95 | raw SQL p50 / p95 ms | baseline | baseline p50 / p95 ms "
        "| p95 ÷ baseline p95 | app CPU p50 ms (row / baseline) |",
        "| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |",
    ]
    for row in rows:
        if row.get("rate"):
            ok = "✓" if row["rows_per_s"] >= row["target_rows_per_s"] else "✗"
            lines.append(
                f"| {row['row']} | {row['rows_per_s']:,.0f} rows/s | — | ≥ {row['target_rows_per_s']:,} rows/s {ok} | — | "
                f"{row['baseline_name']} | {row['baseline_rows_per_s']:,.0f} rows/s |"
            )
            continue
        if row.get("load"):
            trivial, errors = row["baseline"]
            lines.append(
                f"| {row['row']} | — | — | — | — | {row['baseline_name']} | {trivial:,.0f} req/s, {errors} | — | — |"
            )
            continue
        sql = f"{row['sql'][0]:.1f} / {row['sql'][1]:.1f}" if row["sql"] else "—"
        target = "—" if row["target"] is None else f"≤ {row['target']}{' ✓' if row['p95'] <= row['target'] else ' ✗'}"
        lines.append(
            f"| {row['row']} | {row['p50']:.1f} | {row['p95']:.1f} | {target} | {sql} | {row['baseline_name']} | "
            f"{row['baseline'][0]:.1f} / {row['baseline'][1]:.1f} | {row['p95'] / max(row['baseline'][1], 0.001):.1f} | "
            + (f"{row['cpu'][0]:.1f} / {row['cpu'][1]:.1f} |" if row.get("cpu") else "— |")
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    setup()
    from registry.models import BoardMember, Ormas, Person

    rnd = random.Random(SEED)
    # BENCH_ONLY=insights measures only the dashboard, public pages, API and the real-server load test;
    # BENCH_ONLY=names the name check, BENCH_ONLY=import the spreadsheet import.
    only = os.environ.get("BENCH_ONLY")
    if only == "insights":
        rows = insights_rows()
    elif only == "names":
        rows = name_check_rows(random.Random(SEED + 1))
    elif only == "import":
        rows = import_rows()
    else:
        queries = sample_queries(rnd)
        rows = search_rows(queries)
        rows += page_rows(rnd)
        rows += name_check_rows(random.Random(SEED + 1))
        rows += import_rows()
        rows += logo_rows(random.Random(SEED + 2))
        rows += letter_rows()
        rows += insights_rows()
    header = (
        f"# Wadah bench — {time.strftime('%Y-%m-%d %H:%M')}\n\n"
        f"PostgreSQL `{urlparse(URL).path.lstrip('/')}`: {Ormas.objects.count():,} Ormas, "
        f"{BoardMember.objects.count():,} board seats, {Person.objects.count():,} people. "
        f"{N_QUERIES} sampled queries per row after warm-up. "
        f"{os.cpu_count()} CPUs; load average at the end {os.getloadavg()[0]:.1f} (other work on the machine adds noise)."
    )
    output = table(rows, header)
    print(output)
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "latest.md").write_text(output, encoding="utf-8")


if __name__ == "__main__":
    main()
