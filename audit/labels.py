"""What each audit code means, in words: Riwayat, timelines and the admin show these, never the code itself.

Each app that writes entries lists its codes in its own `history_labels.py` module, which calls register(); the
audit app imports every such module when Django starts (autodiscovery, as the admin finds admin.py), so the audit app
names no app above it. A cross-cutting test checks that every code in docs/audit-codes.md has a label.
"""

from collections.abc import Mapping

from django.utils.functional import Promise
from django.utils.module_loading import autodiscover_modules

_labels: dict[str, Promise | str] = {}


def register(labels: Mapping[str, Promise | str]) -> None:
    _labels.update(labels)


def discover() -> None:
    autodiscover_modules("history_labels")


def label(code: str) -> str:
    """The code's label in the active language; an unknown code shows as itself rather than vanishing (the test
    keeps that from happening)."""
    found = _labels.get(code)
    return str(found) if found is not None else code


def labelled_codes() -> set[str]:
    return set(_labels)
