"""Pages that keep working after a reload without signal (docs/decisions/0010-offline-field-pages.md).

A view decorated with @offline_page answers its GET with `X-Wadah-Offline: keep`; the service worker
(static/js/service-worker.js, served at /sw.js by wadah.views.service_worker) keeps the HTML of such a response and
the static files it names, and shows that copy when the network fails. No other page is ever kept. The decorator
also sets `request.wadah_offline`, so that the layout registers the worker and says the page works offline.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest
from django.http.response import HttpResponseBase

OFFLINE_HEADER = "X-Wadah-Offline"


def offline_page(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Let the service worker keep this page's 200 answers to GET (put it under the permission decorators)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        request.wadah_offline = True  # type: ignore[attr-defined]
        response = view(request, *args, **kwargs)
        if request.method == "GET" and response.status_code == 200 and not response.streaming:
            response[OFFLINE_HEADER] = "keep"
        return response

    return wrapped
