"""Load Kemendagri region codes from a CSV of kode,nama,level — idempotent, Kalteng or the whole country."""

import csv
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from regions.models import Region, parent_code


class Command(BaseCommand):
    help = "Load or update regions from a kode,nama,level CSV (e.g. data/wilayah_kalteng.csv)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("path", type=Path)

    def handle(self, *args: Any, path: Path, **options: Any) -> None:
        if not path.exists():
            raise CommandError(f"{path} does not exist")
        with path.open(newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        valid_levels = set(Region.Level.values)
        incoming: dict[str, Region] = {}
        for number, row in enumerate(rows, start=2):
            code, name, level = row.get("kode", "").strip(), row.get("nama", "").strip(), row.get("level", "").strip()
            if not code or not name or level not in valid_levels:
                raise CommandError(f"{path}:{number}: expected kode,nama,level with a known level, got {row!r}")
            incoming[code] = Region(code=code, name=name, level=level, parent_id=parent_code(code))
        missing_parents = {r.parent_id for r in incoming.values() if r.parent_id and r.parent_id not in incoming}
        missing_parents -= set(Region.objects.filter(code__in=missing_parents).values_list("code", flat=True))
        if missing_parents:
            raise CommandError(f"parent codes missing: {sorted(missing_parents)[:10]}")

        existing = {r.code: r for r in Region.objects.filter(code__in=incoming)}
        # Parents first, so that foreign keys hold at every step on PostgreSQL too.
        ordered = sorted(incoming.values(), key=lambda r: (r.code.count("."), r.code))
        created = [r for r in ordered if r.code not in existing]
        changed = [
            r
            for r in ordered
            if r.code in existing and (existing[r.code].name, existing[r.code].level) != (r.name, r.level)
        ]
        with transaction.atomic():
            for depth in sorted({r.code.count(".") for r in created}):
                Region.objects.bulk_create([r for r in created if r.code.count(".") == depth], batch_size=2000)
            Region.objects.bulk_update(changed, ["name", "level"], batch_size=2000)
        self.stdout.write(
            f"Regions: {len(created)} added, {len(changed)} updated, {len(incoming) - len(created) - len(changed)} unchanged."
        )
