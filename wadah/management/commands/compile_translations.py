"""Compile locale/*.po: with GNU msgfmt when installed (Django's compilemessages), else in pure Python."""

import shutil
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from wadah.lib.msgfmt import compile_tree


class Command(BaseCommand):
    help = "Compile the translation catalogues, with or without GNU gettext installed."

    def handle(self, *args: Any, **options: Any) -> None:
        if shutil.which("msgfmt"):
            call_command("compilemessages", ignore_patterns=[".venv", "node_modules"], verbosity=0)
            return
        for root in settings.LOCALE_PATHS:
            for mo in compile_tree(root):
                self.stdout.write(f"compiled {mo}")
