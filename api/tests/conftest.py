import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_dashboard_cache():
    """The public register caches its publication rules for a minute; every test starts without them."""
    cache.clear()
    yield
    cache.clear()
