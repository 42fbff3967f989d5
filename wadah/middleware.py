"""Site-wide middleware: Indonesian first, request bodies capped, and no caching of signed-in pages."""

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from wadah.lib import uploads


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


def _has_nul(data: QueryDict) -> bool:
    return any("\x00" in key or any("\x00" in value for value in values) for key, values in data.lists())


class RequestLimitsMiddleware:
    """Refuse an oversized or overfull request body with a clear page, before anything reads it.

    Runs before CsrfViewMiddleware (the first to read a POST body): the Content-Length is checked without reading,
    then the form is parsed here so that Django's limits on fields and files, and the streaming cap of
    wadah.lib.uploads, answer with a page that says what to do instead of a bare 400 or a 500.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > uploads.max_request_bytes():
            return self._too_large(request, length)
        if request.method == "POST":
            try:
                request.POST  # noqa: B018 - parse now, inside the try
                request.FILES  # noqa: B018
            except uploads.UploadTooLarge as e:
                return self._too_large(request, e.size or length)
            except TooManyFilesSent:
                return self._refuse(
                    request,
                    400,
                    _("Too many files were sent at once. Send at most %(n)d files with one form.")
                    % {"n": settings.DATA_UPLOAD_MAX_NUMBER_FILES},
                )
            except (TooManyFieldsSent, RequestDataTooBig):
                return self._refuse(
                    request, 400, _("The form sent more data than Wadah accepts. Reload the page and try again.")
                )
        # No text anyone types holds a NUL character, and PostgreSQL refuses it in any query (a 500 wherever a
        # view filters on a raw parameter); refuse it once here.
        if _has_nul(request.GET) or (request.method == "POST" and _has_nul(request.POST)):
            return self._refuse(
                request, 400, _("What you sent contains a character that cannot be stored. Remove it and try again.")
            )
        return self.get_response(request)

    def _too_large(self, request: HttpRequest, size: int) -> HttpResponse:
        return self._refuse(
            request,
            413,
            _(
                "What you sent is %(size)s MB; Wadah accepts at most %(limit)d MB at once and %(each)d MB per file. "
                "Nothing was saved. Make the files smaller or send fewer, then try again."
            )
            % {
                "size": number_format(size / 1048576, 1),
                "limit": settings.WADAH_MAX_REQUEST_MB,
                "each": uploads.max_file_bytes() // 1048576,
            },
        )

    def _refuse(self, request: HttpRequest, status: int, message: str) -> HttpResponse:
        if request.path.startswith("/api/"):  # API clients read JSON, as the API documents for every refusal
            return JsonResponse({"detail": str(message)}, status=status)
        response = render(request, "request_refused.html", {"message": message}, status=status)
        # The rest of the body is never read; tell the server not to reuse the connection for it.
        response["Connection"] = "close"
        return response
