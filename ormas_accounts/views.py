"""Ormas accounts: public self-registration, the account's own pages, and the officer's confirmation."""

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, Q, Value, When
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.contact import office_contact
from accounts.decorators import ormas_account_required, registry_editor
from accounts.typing import AuthedHttpRequest
from accounts.views import home_url_for
from ormas_accounts import actions
from ormas_accounts.forms import DecisionForm, OrmasAccountRequestForm, RejectForm
from ormas_accounts.models import OrmasAccountRequest
from ormas_accounts.tasks import send_registration_attempt_notice
from regions.models import Region
from regions.scope import within_q
from registry.models import BoardMember, Ormas
from registry.search import public_matches
from wadah.lib import ratelimit
from wadah.lib.files import private_file_response

# --- Public self-registration -------------------------------------------------------------------


def _chosen_ormas(form: OrmasAccountRequestForm) -> dict[str, Any] | None:
    """The Ormas the applicant picked before a re-displayed form, so that it stays chosen."""
    value = form.data.get("ormas") if form.is_bound else None
    if not value:
        return None
    try:
        ormas = Ormas.objects.filter(public_id=value).select_related("region").first()
    except ValidationError:
        return None
    if ormas is None:
        return None
    regency = Region.objects.filter(code=ormas.regency_code).values_list("name", flat=True).first() or ""
    return {
        "public_id": ormas.public_id,
        "name": ormas.name,
        "abbreviation": ormas.abbreviation,
        "regency": regency,
        "legal_form": ormas.get_legal_form_display(),
    }


def register(request: HttpRequest) -> HttpResponse:
    """Start text, then one short form; creates the account and its pending request."""
    if request.user.is_authenticated:
        return redirect(home_url_for(request.user))
    searching = request.method == "POST" and request.POST.get("action") == "search"
    form = OrmasAccountRequestForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    query = (request.POST.get("q") or request.GET.get("q") or "").strip()
    if request.method == "POST" and not searching and form.is_valid() and not _registration_throttled(request, form):
        data = form.cleaned_data
        assert form.upload is not None and form.sniffed is not None
        ormas_name = form.ormas_object.name if form.ormas_object else data["new_ormas_name"]
        # The same page follows whether or not the address has an account; its owner learns of the attempt by e-mail.
        request.session["account_request_sent"] = {"email": data["email"], "ormas": ormas_name}
        existing = actions.existing_account_for(data["email"])
        if existing is not None and not actions.may_register_again(existing):
            request.session["account_request_id"] = None
            send_registration_attempt_notice.enqueue(existing.pk)
            return redirect("ormas_accounts:register-done")
        try:
            account_request = actions.request_ormas_account(
                full_name=data["full_name"],
                email=data["email"],
                phone=data["phone"],
                password=data["password1"],
                ormas=form.ormas_object,
                position=data["position"],
                position_other=data["position_other"],
                upload=form.upload,
                sniffed=form.sniffed,
                new_ormas=None
                if form.ormas_object
                else {
                    "name": data["new_ormas_name"],
                    "abbreviation": data["new_ormas_abbreviation"],
                    "address": data["new_ormas_address"],
                    "region": form.new_region,
                },
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            request.session["account_request_id"] = account_request.pk
            return redirect("ormas_accounts:register-done")
    chosen = _chosen_ormas(form)
    matches = public_matches(query) if query else []
    if chosen:
        matches = [chosen] + [m for m in matches if m["public_id"] != chosen["public_id"]]
    return render(
        request,
        "ormas_accounts/register.html",
        {
            "form": form if not searching else OrmasAccountRequestForm(initial=_kept(request.POST)),
            "query": query,
            "matches": matches,
            "chosen": chosen,
            "searched": bool(query),
            "max_mb": settings.WADAH_MAX_DOCUMENT_MB,
        },
    )


REGISTER_ADDRESS_LIMITS = ((dt.timedelta(hours=1), 5), (dt.timedelta(days=1), 20))
REGISTER_EMAIL_LIMITS = ((dt.timedelta(days=1), 3),)


def _registration_throttled(request: HttpRequest, form: OrmasAccountRequestForm) -> bool:
    """Per address and per e-mail address: a few requests a day are plenty for a real applicant."""
    address, email = ratelimit.address_key(request), ratelimit.key_for(form.cleaned_data["email"])
    if ratelimit.exceeded("register", address, REGISTER_ADDRESS_LIMITS) or ratelimit.exceeded(
        "register-email", email, REGISTER_EMAIL_LIMITS
    ):
        form.add_error(
            None,
            _(
                "Too many account requests came from your network or for this e-mail address. Try again tomorrow, "
                "or contact %(contact)s."
            )
            % {
                "contact": office_contact(
                    form.ormas_object.region_id
                    if form.ormas_object
                    else (form.new_region.code if getattr(form, "new_region", None) else "62")  # type: ignore[union-attr]
                )
            },
        )
        return True
    ratelimit.count("register", address)
    ratelimit.count("register-email", email)
    return False


def _kept(data: Any) -> dict[str, Any]:
    """What a no-JavaScript search keeps of the form (passwords and files never travel back)."""
    keys: tuple[str, ...] = ("full_name", "email", "phone", "position", "position_other", "ormas", "new_ormas")
    keys += ("new_ormas_name", "new_ormas_abbreviation", "new_ormas_address", "new_ormas_region")
    return {key: data.get(key) for key in keys}


def register_search(request: HttpRequest) -> HttpResponse:
    """htmx: the registered Ormas matching what the applicant typed (public facts only)."""
    query = (request.GET.get("q") or "").strip()
    return render(
        request,
        "ormas_accounts/register.html#ormas-results",
        {"matches": public_matches(query), "query": query, "searched": bool(query), "chosen": None},
    )


def register_done(request: HttpRequest) -> HttpResponse:
    request_id = request.session.get("account_request_id")
    account_request = (
        OrmasAccountRequest.objects.select_related("ormas", "user").filter(pk=request_id).first()
        if request_id
        else None
    )
    return render(
        request,
        "ormas_accounts/register_done.html",
        {"account_request": account_request, "sent": request.session.get("account_request_sent")},
    )


# --- The account's own pages ---------------------------------------------------------------------


@ormas_account_required
def ormas_waiting(request: AuthedHttpRequest) -> HttpResponse:
    if request.user.ormas_id:
        return redirect(home_url_for(request.user))
    account_request = request.user.ormas_requests.select_related("ormas").order_by("-created_at", "-id").first()
    return render(request, "ormas_accounts/ormas_waiting.html", {"account_request": account_request})


@ormas_account_required
def ormas_home(request: AuthedHttpRequest) -> HttpResponse:
    """The account's own Ormas, read-only: public profile, current board names and positions, document list."""
    if not request.user.ormas_id:
        return redirect("ormas_accounts:ormas-waiting")
    ormas = Ormas.objects.select_related("region").get(pk=request.user.ormas_id)
    position_order = Case(
        *[When(position=value, then=Value(index)) for index, value in enumerate(BoardMember.Position.values)],
        default=Value(99),
    )
    # Names and positions only: no NIK, no home address, no phone of a board member reaches this page.
    board = (
        BoardMember.objects.filter(ormas=ormas, ended_on__isnull=True, chapter__is_active=True)
        .order_by("chapter__level", "chapter__name", position_order, "id")
        .values("chapter__name", "person__name", "position", "title", "term_start", "term_end")
    )
    positions = dict(BoardMember.Position.choices)
    seats = [{**row, "position_label": row["title"] or positions.get(row["position"], "")} for row in board]
    account_request = (
        request.user.ormas_requests.filter(status=OrmasAccountRequest.Status.CONFIRMED, ormas=ormas)
        .order_by("-decided_at")
        .first()
    )
    return render(
        request,
        "ormas_accounts/ormas_home.html",
        {
            "ormas": ormas,
            "region_name": ormas.region.full_name(),
            "seats": seats,
            "fields": ormas.fields_of_activity.all(),
            "documents": ormas.documents.current().select_related("document_type").order_by("document_type__order"),
            "account_request": account_request,
        },
    )


# --- The officer's side ---------------------------------------------------------------------------


def _requests_for(user: Any) -> Any:
    """Account requests whose Ormas (or, for a new Ormas, whose secretariat) lies in the officer's scope; everything
    else is 404."""
    condition = Q(ormas__in=Ormas.objects.visible_to(user))
    scope = getattr(user, "scope_code", None)
    if getattr(user, "can_read_registry", False) and scope:
        condition |= Q(ormas__isnull=True) & within_q("new_ormas_region__code", scope)
    return OrmasAccountRequest.objects.filter(condition).select_related(
        "user", "ormas", "decided_by", "new_ormas_region"
    )


@registry_editor
def account_requests(request: AuthedHttpRequest) -> HttpResponse:
    show = "decided" if request.GET.get("show") == "decided" else "pending"
    queryset = _requests_for(request.user)
    if show == "pending":
        queryset = queryset.filter(status=OrmasAccountRequest.Status.PENDING).order_by("created_at", "id")
    else:
        queryset = queryset.exclude(status=OrmasAccountRequest.Status.PENDING).order_by("-decided_at", "-id")
    page = Paginator(queryset, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "ormas_accounts/account_requests.html",
        {"page": page, "show": show, "querystring": f"show={show}"},
    )


@registry_editor
def account_request_detail(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    account_request = get_object_or_404(_requests_for(request.user), pk=pk)
    return _render_detail(request, account_request, DecisionForm(), RejectForm())


def _render_detail(
    request: AuthedHttpRequest, account_request: OrmasAccountRequest, confirm_form: Any, reject_form: Any
) -> HttpResponse:
    ormas = account_request.ormas
    position_order = Case(
        *[When(position=value, then=Value(index)) for index, value in enumerate(BoardMember.Position.values)],
        default=Value(99),
    )
    if ormas is None:  # a first-time applicant: the Ormas is recorded when the request is confirmed
        return render(
            request,
            "ormas_accounts/account_request_detail.html",
            {
                "account_request": account_request,
                "applicant": account_request.user,
                "ormas": None,
                "board": [],
                "confirm_form": confirm_form,
                "reject_form": reject_form,
                "others": [],
                "accounts": [],
                "region_name": account_request.new_ormas_region.full_name() if account_request.new_ormas_region else "",
            },
        )
    board = (
        BoardMember.objects.filter(ormas=ormas, ended_on__isnull=True)
        .select_related("person", "chapter")
        .order_by("chapter__level", "chapter__name", position_order, "id")
    )
    return render(
        request,
        "ormas_accounts/account_request_detail.html",
        {
            "account_request": account_request,
            "applicant": account_request.user,
            "ormas": ormas,
            "board": board,
            "confirm_form": confirm_form,
            "reject_form": reject_form,
            "others": _requests_for(request.user)
            .filter(ormas=ormas)
            .exclude(pk=account_request.pk)
            .order_by("-created_at")[:10],
            "accounts": ormas.accounts.filter(is_active=True).order_by("first_name"),
        },
    )


@registry_editor
def account_request_document(request: AuthedHttpRequest, pk: int) -> HttpResponseBase:
    account_request = get_object_or_404(_requests_for(request.user), pk=pk)
    return private_file_response(
        account_request.file, filename=account_request.original_name, content_type=account_request.content_type
    )


@require_POST
@registry_editor
def account_request_confirm(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    account_request = get_object_or_404(_requests_for(request.user), pk=pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            actions.confirm_ormas_account(account_request, by=request.user, note=form.cleaned_data["note"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("ormas_accounts:account-request", pk=pk)
        messages.success(
            request,
            _("The account of %(name)s now acts for %(ormas)s. They have been told by e-mail.")
            % {"name": account_request.user, "ormas": account_request.ormas_name},
        )
        return redirect("ormas_accounts:account-requests")
    return _render_detail(request, account_request, form, RejectForm())


@require_POST
@registry_editor
def account_request_reject(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    account_request = get_object_or_404(_requests_for(request.user), pk=pk)
    form = RejectForm(request.POST)
    if form.is_valid():
        try:
            actions.reject_ormas_account(account_request, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("ormas_accounts:account-request", pk=pk)
        messages.success(
            request,
            _("The request of %(name)s was rejected. They have been told the reason by e-mail.")
            % {"name": account_request.user},
        )
        return redirect("ormas_accounts:account-requests")
    return _render_detail(request, account_request, DecisionForm(), form)
