"""Language choice: Indonesian unless the user picked English with the switch on the page."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


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
