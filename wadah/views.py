"""Site-wide views that belong to no app: the service worker script (docs/decisions/0010-offline-field-pages.md)."""

import hashlib
import json
from functools import cache

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

SOURCE = "js/service-worker.js"


def _source() -> bytes:
    """The worker's source: from the static folders (as in DEBUG), else from the collected files (STATIC_ROOT)."""
    found = finders.find(SOURCE)
    if isinstance(found, str):
        with open(found, "rb") as handle:
            return handle.read()
    with staticfiles_storage.open(SOURCE) as handle:
        return bytes(handle.read())


def _script() -> bytes:
    source = _source()
    # A deploy that changes the worker or any static file (the manifest's hash, DEBUG=0) changes the version: the
    # browser installs the new worker, which refetches the kept pages and drops the old caches.
    manifest = str(getattr(staticfiles_storage, "manifest_hash", "") or "")
    version = hashlib.sha256(source + manifest.encode()).hexdigest()[:16]
    config = json.dumps({"version": version, "static": settings.STATIC_URL})
    return b"self.WADAH_OFFLINE = " + config.encode() + b";\n" + source


_cached_script = cache(_script)


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    """/sw.js: at the site's root so that its scope covers every field page. Public (it holds no data)."""
    body = _script() if settings.DEBUG else _cached_script()
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    # The browser checks for a new version on every navigation; never let a cache answer for it.
    response["Cache-Control"] = "no-cache"
    return response
