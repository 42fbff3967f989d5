"""Generate a national-scale fictional registry on PostgreSQL with COPY: 500k Ormas, ~3M seats, ~2.9M people.

Run `manage.py load_regions data/wilayah_indonesia.csv` first. Secondary indexes and foreign keys of the loaded
tables are dropped during the load and recreated afterwards (two at a time), then the tables are VACUUMed and ANALYZEd.
"""

import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from typing import Any

import psycopg
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from demo.registry import national
from regions.models import Region
from registry.models import FieldOfActivity
from registry.names.index import rebuild as rebuild_name_index

TABLES = {
    "registry_ormas": national.ORMAS_COLUMNS,
    "registry_chapter": national.CHAPTER_COLUMNS,
    "registry_person": national.PERSON_COLUMNS,
    "registry_boardmember": national.SEAT_COLUMNS,
    "registry_ormas_fields_of_activity": national.FIELD_COLUMNS,
}
BATCH_FIELDS = {
    "registry_ormas": "ormas",
    "registry_chapter": "chapters",
    "registry_person": "people",
    "registry_boardmember": "seats",
    "registry_ormas_fields_of_activity": "fields",
}
VILLAGE_LEVELS = ("desa", "kelurahan", "desa_adat")
SESSION = "SET synchronous_commit = off; SET maintenance_work_mem = '1GB'; SET max_parallel_maintenance_workers = 1"


def _connect() -> psycopg.Connection:
    s = connection.settings_dict
    params = {"dbname": s["NAME"], "user": s["USER"], "password": s["PASSWORD"], "host": s["HOST"], "port": s["PORT"]}
    conn = psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True)
    conn.execute(SESSION)
    return conn


class Command(BaseCommand):
    help = "Generate the national-scale fictional dataset with COPY (PostgreSQL only)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--count", type=int, default=500_000, help="number of Ormas (default 500,000)")
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--keep-indexes", action="store_true", help="load with all indexes in place")

    def phase(self, label: str, started: float) -> float:
        now = time.perf_counter()
        self.stdout.write(f"  {label:<42} {now - started:7.1f} s")
        return now

    def handle(self, *args: Any, count: int, seed: int, keep_indexes: bool, **options: Any) -> None:
        if connection.vendor != "postgresql":
            raise CommandError("generate_national needs PostgreSQL (it loads with COPY).")
        total = t = time.perf_counter()
        villages = list(Region.objects.filter(level__in=VILLAGE_LEVELS).order_by("code").values_list("code", flat=True))
        if len(villages) < 1000:
            raise CommandError("Load the national regions first: manage.py load_regions data/wilayah_indonesia.csv")
        region_names = dict(Region.objects.exclude(level__in=VILLAGE_LEVELS).values_list("code", "name"))
        field_ids = list(FieldOfActivity.objects.values_list("id", flat=True))
        with _connect() as conn:
            first = national.Counts(
                *(
                    conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0]  # type: ignore[index]
                    for table in ("registry_ormas", "registry_chapter", "registry_person", "registry_boardmember")
                )
            )
            niks = {row[0] for row in conn.execute("SELECT nik FROM registry_person WHERE nik IS NOT NULL")}
            generator = national.NationalGenerator(
                villages, region_names, field_ids, seed=seed, first_ids=first, existing_niks=niks
            )
            t = self.phase(f"prepare ({len(villages):,} villages)", t)
            dropped = ([], []) if keep_indexes else self.drop_indexes(conn)
            t = self.phase(f"drop {len(dropped[0])} indexes, {len(dropped[1])} constraints", t)
        try:
            sizes = self.load(generator, count)
            t = self.phase("generate + COPY " + ", ".join(f"{n:,} {k}" for k, n in sizes.items()), t)
        finally:
            t = self.recreate(*dropped, t)
        with _connect() as conn:
            for table in TABLES:
                if table != "registry_ormas_fields_of_activity":
                    conn.execute(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
                    )
            conn.execute(
                "SELECT setval(pg_get_serial_sequence('registry_ormas_fields_of_activity', 'id'), "
                "(SELECT max(id) FROM registry_ormas_fields_of_activity))"
            )
            for table in TABLES:
                # VACUUM too: it sets the visibility map, so counts can be index-only scans as on a live database.
                conn.execute(f"VACUUM (ANALYZE) {table}")
            t = self.phase("sequences + VACUUM ANALYZE", t)
        rebuild_name_index()
        t = self.phase("name check index (registry/names/index.py)", t)
        self.stdout.write(f"National dataset generated in {time.perf_counter() - total:.1f} s.")
        self.stdout.write("Run manage.py refresh_figures --all for the dashboards' figures (a few seconds a province).")

    def drop_indexes(self, conn: psycopg.Connection) -> tuple[list[str], list[str]]:
        """Drop every index except primary keys, and the loaded tables' FK and unique constraints; return their DDL."""
        tables = list(TABLES)
        constraints = conn.execute(
            "SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid), c.contype "
            "FROM pg_constraint c WHERE c.conrelid::regclass::text = ANY(%s) AND c.contype IN ('f', 'u') "
            "ORDER BY c.contype DESC",
            [tables],
        ).fetchall()
        constraint_names = {name for _t, name, _d, _c in constraints}
        indexes = conn.execute(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = ANY(%s) "
            "AND i.indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype = 'p')",
            [tables],
        ).fetchall()
        # Unique constraints come back as constraints (their index goes with them); FKs go first.
        index_ddl = [ddl for name, ddl in indexes if name not in constraint_names]
        constraint_ddl = [
            f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}'
            for table, name, definition, _kind in sorted(constraints, key=lambda c: c[3] == "f")
        ]
        for table, name, _definition, _kind in constraints:
            conn.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
        for name, _ddl in indexes:
            if name not in constraint_names:
                conn.execute(f'DROP INDEX "{name}"')
        return index_ddl, constraint_ddl

    def recreate(self, index_ddl: list[str], constraint_ddl: list[str], t: float) -> float:
        if not index_ddl and not constraint_ddl:
            return t
        unique = [ddl for ddl in constraint_ddl if " UNIQUE " in ddl]
        foreign = [ddl for ddl in constraint_ddl if " UNIQUE " not in ddl]
        # GIN trigram builds are the slowest and single-threaded: start them first, two connections in parallel.
        ordered = sorted(index_ddl + unique, key=lambda ddl: ("gin" not in ddl, "registry_person" not in ddl))

        def run(ddl: str) -> None:
            with _connect() as conn:
                conn.execute(ddl)

        with ThreadPoolExecutor(max_workers=2) as pool:
            list(pool.map(run, ordered))
        t = self.phase(f"recreate {len(ordered)} indexes (2 in parallel)", t)
        with ThreadPoolExecutor(max_workers=2) as pool:
            list(pool.map(run, foreign))
        return self.phase(f"recreate + validate {len(foreign)} foreign keys", t)

    def load(self, generator: national.NationalGenerator, count: int) -> dict[str, int]:
        """Stream every table through its own COPY (one connection each), so PostgreSQL parses while Python generates."""
        sizes = dict.fromkeys(BATCH_FIELDS.values(), 0)
        with ExitStack() as stack:
            copies = {}
            for table, columns in TABLES.items():
                conn = stack.enter_context(_connect())
                cursor = stack.enter_context(conn.cursor())
                copies[table] = stack.enter_context(cursor.copy(f"COPY {table} ({columns}) FROM STDIN"))
            step = max(count // 10, 1)
            started = time.perf_counter()
            for batch in generator.batches(count):
                for table, attribute in BATCH_FIELDS.items():
                    lines = getattr(batch, attribute)
                    copies[table].write("".join(lines))
                    sizes[attribute] += len(lines)
                if sizes["ormas"] % step < 5000 and sizes["ormas"] < count:
                    self.stdout.write(
                        f"    {sizes['ormas']:>9,} Ormas, {sizes['seats']:>10,} seats "
                        f"({time.perf_counter() - started:.0f} s)"
                    )
        return sizes
