"""manage.py backup [DIR]: database, private files and a manifest of row counts and checksums (wadah/lib/backup.py)."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from wadah.lib import backup


class Command(BaseCommand):
    help = "Back up the database and the private files into a new directory, with a manifest to check a restore."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("target", nargs="?", help="a new directory (default BACKUP_DIR/wadah-<UTC time>)")

    def handle(self, *args: Any, target: str | None, **options: Any) -> None:
        path = Path(target) if target else backup.default_target()
        manifest = backup.backup(path)
        self.stdout.write(
            f"Backup in {path}: {sum(manifest['rows'].values())} rows in {len(manifest['rows'])} tables, "
            f"{len(manifest['files'])} files."
        )
