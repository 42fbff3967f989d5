"""Read every Ormas name again into the name check's index (after the word lists or the regions changed)."""

from typing import Any

from django.core.management.base import BaseCommand

from registry.names.index import rebuild


class Command(BaseCommand):
    help = "Rebuild the name check's index (registry.NameKey) from every Ormas name."

    def handle(self, *args: Any, **options: Any) -> None:
        rebuild(stdout=self.stdout)
