"""Make sure the Indonesian catalogue is compiled before any i18n test runs.

`make test` and `make run` compile the git-ignored .mo files; a bare `pytest` on a fresh clone would
otherwise test against no catalogue at all. msgfmt only runs when the .mo is missing or older than the .po.
"""

import shutil
import subprocess
from pathlib import Path

import pytest

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"


def _compile_stale_catalogues() -> None:
    msgfmt = shutil.which("msgfmt")
    for po in LOCALE_DIR.glob("*/LC_MESSAGES/*.po"):
        mo = po.with_suffix(".mo")
        if msgfmt and (not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime):
            subprocess.run([msgfmt, "--check-format", "-o", str(mo), str(po)], check=True)


_compile_stale_catalogues()


@pytest.fixture
def fresh_translations(settings):
    """Drop Django's cached catalogues (a LOCALE_PATHS change does that), so the compiled .mo is what is read."""
    settings.LOCALE_PATHS = list(settings.LOCALE_PATHS)
    return settings
