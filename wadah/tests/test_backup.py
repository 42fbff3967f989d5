"""A backup restores into a fresh database with the same row counts and the same files (PostgreSQL and SQLite)."""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection

from regions.models import Region
from registry import actions
from registry.models import DocumentType
from wadah.lib import backup
from wadah.lib.files import SniffedType

BASE_DIR = Path(__file__).resolve().parents[2]
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


@pytest.fixture
def stored_file(city_ormas):
    kind = DocumentType.objects.get_or_create(code="akta", defaults={"name": "Akta"})[0]
    return actions.add_document(
        city_ormas,
        by=None,
        document_type=kind,
        upload=SimpleUploadedFile("akta.pdf", PDF),
        sniffed=SniffedType("pdf", "application/pdf"),
    )


def _restore_fresh(target, tmp_path, media):
    """Restore into a database made for it: a new PostgreSQL database (dropped after), or a new SQLite file."""
    if connection.vendor != "postgresql":
        return backup.restore(target, into=str(tmp_path / "restored.sqlite3"), media_root=media)
    db = connection.settings_dict
    fresh = f"wadah_restore_{uuid.uuid4().hex[:8]}"
    subprocess.run(["createdb", *backup._pg_args(db), fresh], check=True, env=backup._pg_env(db))
    try:
        return backup.restore(target, into=fresh, media_root=media)
    finally:
        subprocess.run(["dropdb", "--if-exists", *backup._pg_args(db), fresh], check=False, env=backup._pg_env(db))


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the test database is in memory on SQLite; see test_sqlite_round_trip"
)


@postgresql_only
def test_it_restores_the_same_rows_and_files_into_a_fresh_database(tmp_path, stored_file):
    target = tmp_path / "backup"
    call_command("backup", str(target), stdout=open("/dev/null", "w"))  # noqa: SIM115
    manifest = json.loads((target / backup.MANIFEST).read_text())
    # The reference data loaded for every test is committed, so it is in the dump (a test's own rows are not).
    assert manifest["rows"]["regions_region"] == Region.objects.count() > 1000
    assert manifest["files"][stored_file.file.name] == stored_file.sha256

    media = tmp_path / "restored-files"
    _restore_fresh(target, tmp_path, media)  # raises if any row count or checksum differs
    assert (media / stored_file.file.name).read_bytes() == PDF
    assert backup.file_checksums(media) == manifest["files"]


@postgresql_only
def test_a_file_that_does_not_match_the_manifest_is_reported(tmp_path, stored_file):
    target = tmp_path / "backup"
    backup.backup(target)
    manifest = json.loads((target / backup.MANIFEST).read_text())
    manifest["files"][stored_file.file.name] = "0" * 64
    (target / backup.MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(backup.BackupError, match="missing or changed"):
        _restore_fresh(target, tmp_path, tmp_path / "m")


@pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL is tested in process above")
def test_sqlite_round_trip(tmp_path):
    """The commands as an operator runs them, on an SQLite file: migrate, add data and a file, back up, restore
    into a new file, compare."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(WADAH_VAR_DIR=str(tmp_path / "var"), MEDIA_ROOT=str(tmp_path / "var" / "private"))
    (tmp_path / "var").mkdir()

    def manage(*args):
        return subprocess.run(
            [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, check=True, capture_output=True, text=True
        ).stdout

    manage("migrate", "--noinput", "--verbosity", "0")
    manage("load_regions", "data/wilayah_kalteng.csv")
    manage("shell", "-c", ADD_FILE)
    manage("backup", str(tmp_path / "backup"))
    manifest = json.loads((tmp_path / "backup" / backup.MANIFEST).read_text())
    assert manifest["rows"]["regions_region"] > 1000 and manifest["rows"]["registry_document"] == 1
    out = manage(
        "restore",
        str(tmp_path / "backup"),
        "--into",
        str(tmp_path / "fresh.sqlite3"),
        "--media-root",
        str(tmp_path / "m"),
    )
    assert "Restored and checked" in out
    assert backup._count_sqlite(tmp_path / "fresh.sqlite3", list(manifest["rows"])) == manifest["rows"]
    assert backup.file_checksums(tmp_path / "m") == manifest["files"] and len(manifest["files"]) == 1


ADD_FILE = """
from django.core.files.uploadedfile import SimpleUploadedFile
from wadah.testing import make_ormas
from registry import actions
from registry.models import DocumentType
from wadah.lib.files import SniffedType
ormas = make_ormas()
kind = DocumentType.objects.get_or_create(code="akta", defaults={"name": "Akta"})[0]
actions.add_document(ormas, by=None, document_type=kind, upload=SimpleUploadedFile("a.pdf", b"%PDF-1.4 x"),
                     sniffed=SniffedType("pdf", "application/pdf"))
"""
