"""Request types for views behind login: what the middleware stack guarantees, spelled out for mypy."""

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from django_htmx.middleware import HtmxDetails

    from accounts.models import User


class AuthedHttpRequest(HttpRequest):
    user: "User"  # type: ignore[assignment]
    htmx: "HtmxDetails"
