"""The client's address, the same for django-axes and every rate limit in Wadah.

Behind the README's nginx every request arrives from 127.0.0.1; the client's address is in X-Forwarded-For, which
each proxy extends on the right. Only the entries added by our own proxies can be trusted (a client may send any
X-Forwarded-For it likes), so with TRUSTED_PROXY_COUNT = n the client is the n-th entry from the right. With 0 (no
proxy) REMOTE_ADDR is the client and X-Forwarded-For is ignored.
"""

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    count = settings.TRUSTED_PROXY_COUNT
    remote = request.META.get("REMOTE_ADDR", "") or ""
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if not forwarded:
        return remote
    # Fewer entries than proxies: the request did not pass through all of them; the leftmost is the best we have.
    return forwarded[-count] if len(forwarded) >= count else forwarded[0]
