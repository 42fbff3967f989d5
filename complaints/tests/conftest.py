import pytest

from complaints import abuse


@pytest.fixture(autouse=True)
def _no_lookup_delay(monkeypatch):
    """Lookups are padded to a fixed time in production; tests that measure it set it back."""
    monkeypatch.setattr(abuse, "LOOKUP_FLOOR_SECONDS", 0)
