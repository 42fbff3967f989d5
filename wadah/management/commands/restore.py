"""manage.py restore DIR: put a backup back and check every row count and file checksum against its manifest."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from wadah.lib import backup


class Command(BaseCommand):
    help = "Restore a backup made by `manage.py backup`, then compare row counts and file checksums with it."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("source", help="the backup directory")
        parser.add_argument(
            "--into",
            help="a fresh, empty PostgreSQL database (create it with createdb) or an SQLite file; "
            "default: replace the configured database",
        )
        parser.add_argument("--media-root", help="where the files go (default MEDIA_ROOT)")

    def handle(self, *args: Any, source: str, into: str | None, media_root: str | None, **options: Any) -> None:
        try:
            manifest = backup.restore(Path(source), into=into, media_root=Path(media_root) if media_root else None)
        except backup.BackupError as error:
            raise CommandError(f"The restore does not match the backup: {error}") from error
        self.stdout.write(
            f"Restored and checked: {sum(manifest['rows'].values())} rows in {len(manifest['rows'])} tables, "
            f"{len(manifest['files'])} files, as in the backup of {manifest['created']}."
        )
