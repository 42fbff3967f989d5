import hashlib
import uuid
from typing import Any

from django import forms
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_POST

from accounts.decorators import ormas_account_required, registry_editor
from accounts.models import Office
from complaints import abuse
from letters.models import CHECK_CODE_LENGTH, Letter
from portal import actions, register
from portal.forms import DecisionForm, DirectoryForm, WithholdingForm
from portal.letters import verify
from portal.models import WithholdingRequest
from registry.models import Ormas
from services.models import ChecklistItem, ServiceType
from wadah.lib.files import private_file_response


def _noindex(response: HttpResponse) -> HttpResponse:
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def letter_verify(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """What anyone scanning a letter's QR code sees: is it genuine, and is it still good today?"""
    found = verify(public_id)
    if found is None:
        return _noindex(render(request, "portal/letter_unknown.html", status=404))
    context = {
        "letter": found.letter,
        "status": found.status,
        "today": found.today,
        "sanction": found.sanction,
        "restricted": found.restricted,
    }
    return _noindex(render(request, "portal/letter_verify.html", context))


class LetterLookupForm(forms.Form):
    number = forms.CharField(label=_("Letter number"), max_length=120, help_text=_("Exactly as printed."))
    issued_on = forms.DateField(label=_("Date of the letter"), widget=forms.DateInput(attrs={"type": "date"}))
    check_code = forms.CharField(
        label=_("Check code"),
        max_length=20,
        help_text=_(
            "Printed under the QR code (“Kode cek”). On older letters: the first 8 characters after /v/ in the"
            " address under the QR code."
        ),
    )

    def clean_check_code(self) -> str:
        code = "".join(ch for ch in self.cleaned_data["check_code"] if ch.isalnum()).lower()
        if len(code) != CHECK_CODE_LENGTH:
            raise forms.ValidationError(_("The check code has 8 letters and digits."))
        return code


def letter_lookup(request: HttpRequest) -> HttpResponse:
    """Find a letter by its printed number, date and check code (for paper copies whose QR code will not scan).

    Number and date alone are guessable (numbers are sequential), so the check code printed on the letter is
    required too, and lookups are limited per address like the complaint status lookup. Supervision and
    law-enforcement letters are never found here (letters.models.NOT_PUBLICLY_FINDABLE).
    """
    form = LetterLookupForm(request.GET or None)
    letters: list[Letter] = []
    searched = False
    if form.is_valid():
        hashed = abuse.ip_hash(request)
        if abuse.lookups_exceeded(hashed):
            message = _("Too many letter checks from your connection. Try again in a few minutes, or scan the QR code.")
            return _noindex(render(request, "portal/complaint_limit.html", {"message": message}, status=429))
        abuse.count_lookup(hashed)
        searched = True
        code = form.cleaned_data["check_code"]
        letters = [
            letter
            for letter in Letter.objects.publicly_findable()
            .select_related("office")
            .filter(number=form.cleaned_data["number"].strip(), issued_on=form.cleaned_data["issued_on"])
            if letter.public_id.hex.startswith(code)
        ]
        if len(letters) == 1:
            return redirect("portal:letter-verify", public_id=letters[0].public_id)
    return _noindex(
        render(request, "portal/letter_lookup.html", {"form": form, "letters": letters, "searched": searched})
    )


# ---- The public register: directory, card, logo ------------------------------------------------------------------

DIRECTORY_PAGE = 20
# The status colours of portal/_status.html, for the directory rows (rendered without an include per row).
STATUS_BADGES = {
    Ormas.Status.ACTIVE: "badge-active",
    Ormas.Status.FROZEN: "badge-frozen",
    Ormas.Status.REVOKED: "badge-revoked",
    Ormas.Status.DISSOLVED: "badge-dissolved",
}


@cache_control(public=True, max_age=300)
def home(request: HttpRequest) -> HttpResponse:
    """What the public can do today, each with its link; and how many Ormas the register holds."""
    counts = cache.get("portal:home-counts")
    if counts is None:  # a count over the whole register: at national scale far too slow for every visit
        counts = Ormas.objects.aggregate(total=Count("id"), active=Count("id", filter=Q(status=Ormas.Status.ACTIVE)))
        cache.set("portal:home-counts", counts, 300)
    return render(request, "portal/home.html", {"counts": counts})


# Public pages are the same for every visitor: their body (not the layout, which carries the CSRF token) is kept
# for a minute per address and language, so that a burst of visitors costs one render (bench: real-server rows).
PUBLIC_BODY_SECONDS = 60


def _cached_body(request: HttpRequest, template: str, build: Any) -> tuple[str, dict[str, Any]]:
    key = "portal-body:" + hashlib.sha256(f"{get_language()}|{request.get_full_path()}".encode()).hexdigest()
    cached = cache.get(key)
    if cached is None:
        context = build()
        cached = (render_to_string(template, context, request=request), {"title": context.get("title", "")})
        cache.set(key, cached, PUBLIC_BODY_SECONDS)
    return cached


def directory(request: HttpRequest) -> HttpResponse:
    def build() -> dict[str, Any]:
        form = DirectoryForm(request.GET or None)
        queryset = register.register(form.filters())
        page = Paginator(queryset.select_related(None), DIRECTORY_PAGE).get_page(request.GET.get("page"))
        rows = register.public_rows(list(page.object_list))
        card_url = reverse("portal:ormas-card", args=["00000000-0000-0000-0000-000000000000"])
        for row in rows:
            row["url"] = card_url.replace("00000000-0000-0000-0000-000000000000", row["id"])
            row["badge"] = STATUS_BADGES.get(row["status"], "badge-inactive")
        query = request.GET.copy()
        query.pop("page", None)
        return {"form": form, "page": page, "rows": rows, "querystring": query.urlencode()}

    body, _extra = _cached_body(request, "portal/_directory_body.html", build)
    return render(request, "portal/directory.html", {"body": body})


def ormas_card(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    def build() -> dict[str, Any]:
        ormas = register.find(public_id)
        if ormas is None:
            raise Http404
        card = register.public_card(ormas)
        return {"ormas": ormas, "card": card, "today": timezone.localdate(), "title": card["name"]}

    body, extra = _cached_body(request, "portal/_card_body.html", build)
    return render(request, "portal/ormas_card.html", {"body": body, "title": extra["title"]})


def ormas_logo(request: HttpRequest, public_id: uuid.UUID) -> HttpResponseBase:
    ormas = register.find(public_id)
    if ormas is None or not register.public_card(ormas)["has_logo"]:
        raise Http404
    response = private_file_response(ormas.logo)
    response["Cache-Control"] = "public, max-age=86400"
    return response


# ---- Service requirements, offices, questions ---------------------------------------------------------------


@cache_control(public=True, max_age=300)
def services(request: HttpRequest) -> HttpResponse:
    """Each service with the documents its checklist asks for (data an admin keeps, services/models.py)."""
    items = ChecklistItem.objects.select_related("document_type").order_by("order", "id")
    types = ServiceType.objects.filter(is_active=True).prefetch_related(Prefetch("checklist", queryset=items))
    return render(request, "portal/services.html", {"service_types": types})


@cache_control(public=True, max_age=300)
def offices(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/offices.html", {"offices": Office.objects.select_related("region")})


@cache_control(public=True, max_age=300)
def faq(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/faq.html")


# ---- Withholding requests: filed by an Ormas account, decided by an officer ---------------------------------


@ormas_account_required
def withholding_new(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    if not user.ormas_id:
        raise PermissionDenied
    ormas = user.ormas
    form = WithholdingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.request_withholding(
                ormas, fields=form.cleaned_data["fields_to_withhold"], reason=form.cleaned_data["reason"], by=user
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, gettext("Your request was sent. An officer of your area will decide on it."))
            return redirect("portal:withholding-new")
    requests = WithholdingRequest.objects.filter(ormas=ormas)[:20]
    return render(request, "portal/withholding_new.html", {"form": form, "ormas": ormas, "requests": requests})


@ormas_account_required
@require_POST
def withholding_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    user: Any = request.user
    item = get_object_or_404(WithholdingRequest, pk=pk, ormas_id=user.ormas_id or -1)
    try:
        actions.withdraw_withholding(item, by=user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, gettext("Request withdrawn. The fields are public again."))
    return redirect("portal:withholding-new")


def _requests_for(user: Any) -> Any:
    return WithholdingRequest.objects.filter(
        ormas__in=Ormas.objects.visible_to(user).order_by().values("pk")
    ).select_related("ormas", "requested_by")


@registry_editor
def withholding_list(request: HttpRequest) -> HttpResponse:
    items = _requests_for(request.user)
    page = Paginator(items, 25).get_page(request.GET.get("page"))
    return render(request, "portal/withholding_list.html", {"page": page, "querystring": ""})


@registry_editor
def withholding_decide(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(_requests_for(request.user), pk=pk)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.decide_withholding(
                item, grant=form.cleaned_data["decision"] == "grant", note=form.cleaned_data["note"], by=request.user
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, gettext("Decision recorded for %(ormas)s.") % {"ormas": item.ormas})
            return redirect("portal:withholding-list")
    return render(request, "portal/withholding_decide.html", {"item": item, "form": form})
