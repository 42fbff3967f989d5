import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_dashboard_cache():
    """The dashboard caches its figures for a minute; every test starts without them."""
    cache.clear()
    yield
    cache.clear()
