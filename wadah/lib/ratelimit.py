"""Rate limits for public forms, counted in the database so that every gunicorn worker sees the same counts.

A limit is a list of (window, how many); `exceeded()` says whether one more would go over any of them, `count()`
records one. Keys are HMACs with SECRET_KEY: the table holds no address or e-mail in readable form. The address comes
from wadah.lib.clientip (TRUSTED_PROXY_COUNT), so behind a proxy each client has its own count.
"""

import datetime as dt
import hashlib
import hmac

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from wadah.lib.clientip import client_ip
from wadah.models import Hit

Limits = tuple[tuple[dt.timedelta, int], ...]


def key_for(value: str) -> str:
    secret = hashlib.sha256(("wadah.ratelimit:" + settings.SECRET_KEY).encode()).digest()
    return hmac.new(secret, value.strip().lower().encode(), hashlib.sha256).hexdigest()


def address_key(request: HttpRequest) -> str:
    return key_for(client_ip(request))


def over(times: list[dt.datetime], limits: Limits) -> bool:
    """Whether one more request would go over any of the limits, given the times of the ones counted so far."""
    now = timezone.now()
    return any(sum(1 for t in times if t > now - window) >= limit for window, limit in limits)


def since(limits: Limits) -> dt.datetime:
    """The oldest time any of the limits looks back to."""
    return timezone.now() - max(w for w, _ in limits)


def exceeded(scope: str, key: str, limits: Limits) -> bool:
    times = list(Hit.objects.filter(scope=scope, key=key, at__gt=since(limits)).values_list("at", flat=True))
    return over(times, limits)


def count(scope: str, *keys: str) -> None:
    Hit.objects.bulk_create([Hit(scope=scope, key=key) for key in keys])
    # Nothing is limited over more than a few days; old rows go now and then.
    Hit.objects.filter(at__lt=timezone.now() - dt.timedelta(days=3)).delete()
