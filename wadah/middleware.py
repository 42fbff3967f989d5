"""Site-wide middleware: Indonesian first, and no caching of signed-in pages."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers


class IndonesianFirstMiddleware:
    """Hide the browser's Accept-Language from LocaleMiddleware.

    Office PCs often run an English Windows or Chrome; the product's default is Bahasa Indonesia
    (settings.LANGUAGE_CODE), and the language cookie set by the switch still applies.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class NoStoreForSignedInMiddleware:
    """Cache-Control: no-store on every response to a signed-in user.

    Staff pages carry personal data (NIKs, complainants, case notes); without this a browser's back button, a shared
    office PC's disk cache or a caching proxy could keep them after logout. Public pages stay cacheable.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response
