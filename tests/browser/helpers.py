"""Helpers for the browser tests (their fixtures are in conftest.py)."""

from pathlib import Path

RESULTS_DIR = Path(__file__).resolve().parents[2] / "test-results" / "browser"


def screenshot(page, name: str) -> Path:
    """A full-page screenshot in test-results/browser/, for the reviewer to look at."""
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
