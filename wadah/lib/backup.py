"""Backups that restore: the database (pg_dump -Fc, or SQLite's online backup), the private files (a tar of
MEDIA_ROOT), and a manifest of row counts per table and a SHA-256 per file that `restore` checks against.

On PostgreSQL the counts come from the very snapshot pg_dump dumps (an exported snapshot in a REPEATABLE READ
transaction), so rows written while the backup runs can never make the manifest and the dump disagree.
"""

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path
from typing import Any

import psycopg
from django.apps import apps
from django.conf import settings
from django.db import connection
from django.utils import timezone

MANIFEST = "manifest.json"
DUMP = "database.dump"
SQLITE = "database.sqlite3"
FILES = "files.tar"


class BackupError(Exception):
    pass


def tables() -> list[str]:
    """Every table Django manages (concrete models, including many-to-many tables)."""
    names = set()
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            names.add(model._meta.db_table)
    return sorted(names)


def _sha256(path: Path) -> str:
    hasher = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            hasher.update(chunk)
    return hasher.hexdigest()


def file_checksums(root: Path) -> dict[str, str]:
    if not root.exists():
        return {}
    return {p.relative_to(root).as_posix(): _sha256(p) for p in sorted(root.rglob("*")) if p.is_file()}


def _pg_env(db: dict[str, Any]) -> dict[str, str]:
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _pg_args(db: dict[str, Any]) -> list[str]:
    args = []
    if db.get("HOST"):
        args += ["-h", str(db["HOST"])]
    if db.get("PORT"):
        args += ["-p", str(db["PORT"])]
    if db.get("USER"):
        args += ["-U", str(db["USER"])]
    return args


def _pg_conninfo(db: dict[str, Any], name: str | None = None) -> str:
    parts = {"dbname": name or db["NAME"], "host": db.get("HOST"), "port": db.get("PORT"), "user": db.get("USER")}
    parts["password"] = db.get("PASSWORD")
    return " ".join(f"{k}={v}" for k, v in parts.items() if v)


def _count_sqlite(path: Path, names: list[str]) -> dict[str, int]:
    with sqlite3.connect(path) as con:
        present = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        return {t: con.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in names if t in present}


def _count_pg(cursor: Any, names: list[str]) -> dict[str, int]:
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
    present = {r[0] for r in cursor.fetchall()}
    counts = {}
    for t in names:
        if t in present:
            cursor.execute(f'SELECT COUNT(*) FROM "{t}"')
            counts[t] = cursor.fetchone()[0]
    return counts


def backup(target: Path) -> dict[str, Any]:
    """Write database, files and manifest into the new directory target; returns the manifest."""
    target.mkdir(parents=True, exist_ok=False)
    db = connection.settings_dict
    names = tables()
    if connection.vendor == "postgresql":
        with psycopg.connect(_pg_conninfo(db)) as con, con.cursor() as cur:
            cur.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            cur.execute("SELECT pg_export_snapshot()")
            snapshot = cur.fetchone()[0]  # type: ignore[index]
            counts = _count_pg(cur, names)
            subprocess.run(
                [
                    "pg_dump",
                    "-Fc",
                    "--no-owner",
                    f"--snapshot={snapshot}",
                    *_pg_args(db),
                    "-f",
                    target / DUMP,
                    db["NAME"],
                ],
                env=_pg_env(db),
                check=True,
            )
            con.rollback()
        database = DUMP
    elif connection.vendor == "sqlite":
        # SQLite's online backup from a connection of its own: consistent even while the site writes (WAL).
        with sqlite3.connect(db["NAME"]) as source, sqlite3.connect(target / SQLITE) as copy:
            source.backup(copy)
        counts = _count_sqlite(target / SQLITE, names)
        database = SQLITE
    else:  # pragma: no cover
        raise BackupError(f"no backup for {connection.vendor}")
    media = Path(settings.MEDIA_ROOT)
    checksums = file_checksums(media)
    with tarfile.open(target / FILES, "w") as tar:
        for name in checksums:
            tar.add(media / name, arcname=name)
    manifest = {
        "created": timezone.now().isoformat(),
        "vendor": connection.vendor,
        "database": database,
        "database_sha256": _sha256(target / database),
        "rows": counts,
        "files": checksums,
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return manifest


def restore(source: Path, *, into: str | None = None, media_root: Path | None = None) -> dict[str, Any]:
    """Restore a backup: the database into `into` (a fresh PostgreSQL database name, or an SQLite file path;
    default the configured database, replaced), the files into media_root (default MEDIA_ROOT). Every row count
    and file checksum is compared with the manifest; BackupError says what differs."""
    manifest = json.loads((source / MANIFEST).read_text())
    if _sha256(source / manifest["database"]) != manifest["database_sha256"]:
        raise BackupError("the database file does not match the manifest's checksum")
    db = connection.settings_dict
    if manifest["vendor"] == "postgresql":
        name = into or db["NAME"]
        clean = [] if into else ["--clean", "--if-exists"]
        connection.close()
        subprocess.run(
            ["pg_restore", "--no-owner", "--exit-on-error", *clean, *_pg_args(db), "-d", name, source / DUMP],
            env=_pg_env(db),
            check=True,
        )
        with psycopg.connect(_pg_conninfo(db, name)) as con, con.cursor() as cur:
            counts = _count_pg(cur, list(manifest["rows"]))
    else:
        path = Path(into or db["NAME"])
        connection.close()
        for suffix in ("-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        shutil.copyfile(source / SQLITE, path)
        counts = _count_sqlite(path, list(manifest["rows"]))
    media = Path(media_root or settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    with tarfile.open(source / FILES) as tar:
        tar.extractall(media, filter="data")  # "data" refuses absolute paths, links out of the tree and devices
    checksums = file_checksums(media)
    problems = [
        f"{t}: {counts.get(t)} rows, the backup had {n}" for t, n in manifest["rows"].items() if counts.get(t) != n
    ]
    problems += [f"{f}: missing or changed" for f, digest in manifest["files"].items() if checksums.get(f) != digest]
    if problems:
        raise BackupError("; ".join(problems[:20]))
    return manifest


def default_target() -> Path:
    return Path(settings.BACKUP_DIR) / f"wadah-{dt.datetime.now(tz=dt.UTC):%Y%m%d-%H%M%S}"
