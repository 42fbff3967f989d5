"""The docs stay complete: every audit code written is listed, every environment variable read is documented."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SKIP = {".venv", "node_modules", "var", ".git", "staticfiles", "test-results"}


def _python_sources():
    for path in ROOT.rglob("*.py"):
        parts = set(path.relative_to(ROOT).parts)
        if parts & SKIP or "tests" in parts or any(p.startswith("tests_") for p in parts) or "migrations" in parts:
            continue
        yield path


def test_every_audit_code_in_the_code_is_listed_in_docs_audit_codes():
    written = set()
    for path in _python_sources():
        text = path.read_text(encoding="utf-8")
        # record() and the apps' thin wrappers around it (_log, _audit, _simple_step) take the code in full as
        # their second argument.
        written |= set(
            re.findall(r'\b(?:record|_log|_audit|_simple_step)\(\s*[\w.\[\]]+,\s*"([a-z_]+\.[a-z_]+)"', text)
        )
        written |= set(re.findall(r'\baction="([a-z_]+\.[a-z_]+)"', text))
    documented = set(re.findall(r"^\| `([a-z_]+\.[a-z_]+)` \|", (ROOT / "docs" / "audit-codes.md").read_text(), re.M))
    assert written, "the scan found no audit codes at all; the pattern needs updating"
    assert written <= documented, f"add these to docs/audit-codes.md: {sorted(written - documented)}"


def test_audit_codes_are_never_built_from_parts():
    """A code assembled at run time (f"case.{verb}", "case." + verb) would escape the check above."""
    built = []
    for path in _python_sources():
        text = path.read_text(encoding="utf-8")
        for pattern in (
            r'\b(?:record|_log|_audit|_simple_step)\(\s*[\w.\[\]]+,\s*f"',
            r'"[a-z_]+\."\s*\+',
            r'f"[a-z_]+\.\{',
        ):
            built += [f"{path.relative_to(ROOT)}: {m.group(0)}" for m in re.finditer(pattern, text)]
    assert not built, built


def test_every_environment_variable_is_documented():
    settings = (ROOT / "wadah" / "settings.py").read_text(encoding="utf-8")
    read = set(re.findall(r'env_(?:str|bool|int|list|secret)\(\s*"([A-Z_]+)"', settings))
    documented = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    missing = sorted(name for name in read if f"`{name}`" not in documented)
    assert not missing, f"document these in docs/configuration.md: {missing}"
