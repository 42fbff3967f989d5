"""Staff pages: the letters of the user's scope, one letter with its PDF, and revocation."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import registry_editor, registry_reader
from accounts.typing import AuthedHttpRequest
from letters import actions
from letters.forms import LetterFilterForm, RevokeForm, ScanForm
from letters.models import Letter, LetterQuerySet, SignedScan
from wadah.lib.files import private_file_response

PAGE_SIZE = 50


def _letters(request: AuthedHttpRequest) -> LetterQuerySet:
    return Letter.objects.visible_to(request.user)


def _letter_for(request: AuthedHttpRequest, pk: int) -> Letter:
    """The letter if its office lies in the user's scope; 404 otherwise."""
    return get_object_or_404(
        _letters(request).select_related("office", "ormas", "superseded_by", "revoked_by", "created_by"), pk=pk
    )


@registry_reader
def letter_list(request: AuthedHttpRequest) -> HttpResponse:
    form = LetterFilterForm(request.GET or None)
    queryset = _letters(request).select_related("office", "ormas")
    if form.is_valid():
        queryset = form.narrow(queryset)
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "querystring": query.urlencode(), "today": timezone.localdate()}
    template = "letters/letter_list.html#results" if request.htmx else "letters/letter_list.html"
    return render(request, template, context)


@registry_reader
def letter_detail(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    letter = _letter_for(request, pk)
    return render(
        request,
        "letters/letter_detail.html",
        {"letter": letter, "status": letter.live_status(), "revoke_form": RevokeForm(), "scan_form": ScanForm()},
    )


@registry_reader
def letter_pdf(request: AuthedHttpRequest, pk: int) -> HttpResponseBase:
    letter = _letter_for(request, pk)
    if not letter.pdf:
        raise Http404
    # "220/001/Kesbangpol/2026" would be a path; the slashes become hyphens in the file name.
    return private_file_response(letter.pdf, filename=f"surat-{letter.number.replace('/', '-')}.pdf")


@require_POST
@registry_editor
def letter_revoke(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    letter = _letter_for(request, pk)
    form = RevokeForm(request.POST)
    if form.is_valid():
        try:
            actions.revoke_letter(letter, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The letter was revoked."))
            return redirect(letter)
    return render(
        request,
        "letters/letter_detail.html",
        {"letter": letter, "status": letter.live_status(), "revoke_form": form, "scan_form": ScanForm()},
        status=400,
    )


@require_POST
@registry_editor
def scan_attach(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    """Attach the scan of the paper letter as signed (sniffed, private, only for this letter's office scope)."""
    letter = _letter_for(request, pk)
    form = ScanForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            actions.attach_signed_scan(letter, by=request.user, upload=form.cleaned_data["file"])
        except ValidationError as exc:
            form.add_error("file", exc)
        else:
            messages.success(request, _("The signed scan was attached."))
            return redirect(letter)
    return render(
        request,
        "letters/letter_detail.html",
        {"letter": letter, "status": letter.live_status(), "revoke_form": RevokeForm(), "scan_form": form},
        status=400,
    )


@registry_reader
def scan_download(request: AuthedHttpRequest, scan_pk: int) -> HttpResponseBase:
    scan = get_object_or_404(SignedScan.objects.filter(letter__in=_letters(request)), pk=scan_pk)
    return private_file_response(scan.file, filename=scan.original_name, content_type=scan.content_type)
