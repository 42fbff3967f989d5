"""Request limits per client address for the open-data API, counted in the cache (fixed one-minute windows).

The client address is the one the rest of Wadah uses (complaints.abuse.client_ip, which honours the deployment's
proxy setting), hashed the same way, so a limit behind a reverse proxy counts clients, not the proxy. With the
default per-process cache each worker counts for itself: a limit of N per worker; a shared cache makes it global.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from complaints.abuse import ip_hash

WINDOW_SECONDS = 60


def over_limit(request: HttpRequest, bucket: str, per_minute: int | None = None) -> int:
    """0 if the request may proceed, else the seconds until the window ends (for Retry-After)."""
    configured: int = getattr(settings, "API_RATE_LIMIT_PER_MINUTE", 120)
    limit = per_minute or configured
    window = int(time.time() // WINDOW_SECONDS)
    key = f"api-limit:{bucket}:{ip_hash(request)}:{window}"
    if cache.add(key, 1, WINDOW_SECONDS + 5):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, WINDOW_SECONDS + 5)
            count = 1
    if count > limit:
        return WINDOW_SECONDS - int(time.time() % WINDOW_SECONDS)
    return 0
