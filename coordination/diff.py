"""What changed between two versions of the joint protocol, clause by clause (matched by clause number)."""

import difflib
from dataclasses import dataclass, field
from typing import Any


@dataclass
class ClauseChange:
    number: str
    kind: str  # "added", "removed", "changed", "same"
    old: str = ""
    new: str = ""
    # The words of the new text with what was taken out and put in: [(op, text)], op in " ", "-", "+".
    words: list[tuple[str, str]] = field(default_factory=list)


def _words(old: str, new: str) -> list[tuple[str, str]]:
    a, b = old.split(), new.split()
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append((" ", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("-", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(("+", " ".join(b[j1:j2])))
    return out


def clause_diff(old: list[Any], new: list[Any]) -> list[ClauseChange]:
    """Every clause of either version in the new version's order (removed ones where they were), with its change."""
    before = {c.number: c.text for c in old}
    after = {c.number: c.text for c in new}
    changes: list[ClauseChange] = []
    for clause in new:
        if clause.number not in before:
            changes.append(ClauseChange(clause.number, "added", new=clause.text))
        elif before[clause.number] != clause.text:
            changes.append(
                ClauseChange(
                    clause.number,
                    "changed",
                    before[clause.number],
                    clause.text,
                    _words(before[clause.number], clause.text),
                )
            )
        else:
            changes.append(ClauseChange(clause.number, "same", clause.text, clause.text))
    for clause in old:
        if clause.number not in after:
            changes.append(ClauseChange(clause.number, "removed", old=clause.text))
    return changes
