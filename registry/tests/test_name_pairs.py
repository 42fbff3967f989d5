"""The name check on labelled sets of name pairs (registry/tests/data/name_pairs*.csv).

Each row is a registered name, a proposal, whether an officer would want the pair flagged (UU 17/2013 Pasal 59:
"persamaan pada pokoknya atau keseluruhannya") and why. "Flagged" means the registered Ormas is among the check's
results. The test prints recall and the false-flag rate by reason, and holds the check to ≥ 95% recall and no false
flag at all.
"""

import csv
from collections import Counter
from pathlib import Path

import pytest

from registry.names import find_conflicts
from wadah.testing import make_ormas

pytestmark = pytest.mark.django_db
HOLDOUT_RECALL_FLOOR = 0.80  # measured: 36/45
HOLDOUT_FALSE_FLAGS_CEILING = 3  # measured: 3/29

PAIRS = Path(__file__).parent / "data" / "name_pairs.csv"
# Written afterwards from real Indonesian Ormas naming (national Ormas, their chapters, abbreviations, old spelling,
# word order) and never used to tune the check: its figures are reported as they are, not held to the targets.
HOLDOUT = Path(__file__).parent / "data" / "name_pairs_holdout.csv"


def _pairs(path: Path = PAIRS) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_fixture_is_big_enough_and_well_formed():
    pairs = _pairs()
    assert len(pairs) >= 200
    assert {p["expected"] for p in pairs} == {"flag", "no"}
    assert all(p["why"] for p in pairs)


def evaluate(pairs: list[dict[str, str]], label: str, capsys) -> tuple[float, list, list]:
    """Register every name of the set, check every proposal, print recall and false flags; return them."""
    ids: dict[tuple[str, str], int] = {}
    for pair in pairs:
        key = (pair["registered_name"], pair["registered_abbreviation"])
        if key not in ids:
            ids[key] = make_ormas(name=key[0], abbreviation=key[1], skt_number=f"SKT/{len(ids)}").pk
    missed, false_flags = [], []
    by_reason: Counter[tuple[str, str]] = Counter()
    for pair in pairs:
        target = ids[(pair["registered_name"], pair["registered_abbreviation"])]
        hits = {c.object_id: c for c in find_conflicts(pair["proposal"], pair["proposal_abbreviation"], limit=50)}
        flagged = target in hits
        by_reason[(pair["why"], "flagged" if flagged else "quiet")] += 1
        if pair["expected"] == "flag" and not flagged:
            missed.append(pair)
        if pair["expected"] == "no" and flagged:
            false_flags.append((pair, hits[target]))
    must_flag = sum(p["expected"] == "flag" for p in pairs)
    must_not = len(pairs) - must_flag
    recall = 1 - len(missed) / must_flag
    false_rate = len(false_flags) / must_not
    with capsys.disabled():
        print(f"\n{label}: {len(pairs)} ({must_flag} must flag, {must_not} must not)")
        print(
            f"recall {recall:.1%} ({must_flag - len(missed)}/{must_flag}); false flags {false_rate:.1%} ({len(false_flags)}/{must_not})"
        )
        for pair in missed:
            print(f"  missed: {pair['registered_name']!r} / {pair['proposal']!r} ({pair['why']})")
        for pair, hit in false_flags:
            print(f"  false flag: {pair['registered_name']!r} / {pair['proposal']!r} -> {hit.score} {hit.reason}")
    return recall, missed, false_flags


def test_recall_and_false_flags_on_the_labelled_pairs(capsys):
    recall, _missed, false_flags = evaluate(_pairs(), "name pairs (tuning set)", capsys)
    assert recall >= 0.95
    assert not false_flags


def test_the_holdout_set_is_big_enough_and_apart_from_the_tuning_set():
    holdout = _pairs(HOLDOUT)
    assert len(holdout) >= 60
    assert {p["expected"] for p in holdout} == {"flag", "no"}
    assert all(p["why"] for p in holdout)
    tuning = {(p["registered_name"], p["proposal"]) for p in _pairs()}
    assert not tuning & {(p["registered_name"], p["proposal"]) for p in holdout}


def test_figures_on_the_holdout_pairs(capsys):
    """Reported, not tuned for: the floor only keeps a change from making the check worse than it was measured."""
    recall, _missed, false_flags = evaluate(_pairs(HOLDOUT), "name pairs (holdout set)", capsys)
    assert recall >= HOLDOUT_RECALL_FLOOR
    assert len(false_flags) <= HOLDOUT_FALSE_FLAGS_CEILING
