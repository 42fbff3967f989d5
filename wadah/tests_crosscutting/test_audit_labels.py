"""Riwayat reads as sentences: every audit code has a label, in English and in Indonesian, and no history page shows
a raw code."""

import re
from pathlib import Path

import pytest
from django.utils import translation

from audit import labels

ROOT = Path(__file__).resolve().parents[2]
CODES = re.findall(r"^\| `([a-z_]+\.[a-z_]+)` \|", (ROOT / "docs" / "audit-codes.md").read_text(), re.M)


def test_every_documented_audit_code_has_a_label():
    missing = sorted(set(CODES) - labels.labelled_codes())
    assert not missing, f"add labels to the app's history_labels.py: {missing}"


@pytest.mark.parametrize("language", ["en", "id"])
def test_every_label_is_words_in_each_language(language):
    with translation.override(language):
        raw = [code for code in CODES if labels.label(code) == code or re.fullmatch(r"[a-z_.]+", labels.label(code))]
    assert not raw, raw


def test_labels_are_translated_into_indonesian():
    untranslated = []
    for code in CODES:
        with translation.override("en"):
            english = labels.label(code)
        with translation.override("id"):
            indonesian = labels.label(code)
        if english == indonesian:
            untranslated.append(f"{code}: {english}")
    assert not untranslated, untranslated


def test_an_unknown_code_still_shows_rather_than_vanishing():
    assert labels.label("nothing.known") == "nothing.known"
