"""Partnership, network and business-unit pages.

Officers (registry readers; editors for changes) reach an Ormas only through Ormas.objects.visible_to — anything
else is a 404 — and links and units through Partnership/BusinessUnit.objects.visible_to. The Ormas account reaches
only its own Ormas's. Every change is an action in partnerships/actions.py run through refusals_shown, so a refusal
shows its reasons and changes nothing.
"""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.decorators import acting_ormas_required, registry_editor, registry_reader, user_passes
from accounts.models import Role
from accounts.typing import AuthedHttpRequest
from guidance.models import Programme
from partnerships import actions, checks, empowerment, network
from partnerships.exports import empowerment_workbook
from partnerships.forms import BusinessUnitForm, DocumentForm, FilterForm, PartnershipForm, ReasonForm, YearForm
from partnerships.models import BusinessUnit, Partnership, PartnershipDocument
from registry import people
from registry.models import Ormas
from registry.search import public_matches, search_capped
from wadah.lib.clientip import client_ip
from wadah.lib.files import private_file_response
from wadah.lib.views import refusals_shown

S = Partnership.Status
personal_data_required = user_passes(people.may_search_by_nik)
reader_or_account = user_passes(
    lambda u: (
        bool(getattr(u, "can_read_registry", False))
        or (getattr(u, "role", None) == Role.ORMAS_ACCOUNT and bool(getattr(u, "ormas_id", None)))
    )
)


def _is_account(request: AuthedHttpRequest) -> bool:
    return request.user.role == Role.ORMAS_ACCOUNT


def _layout(request: AuthedHttpRequest) -> str:
    return "layouts/applicant.html" if _is_account(request) else "layouts/staff.html"


def _ormas(request: AuthedHttpRequest, pk: int) -> Ormas:
    return get_object_or_404(Ormas.objects.visible_to(request.user).select_related("region"), pk=pk)


def _page_number(raw: str | None) -> int:
    return int(raw) if raw and raw.isdigit() and len(raw) <= 6 else 1


def _query(request: AuthedHttpRequest, *drop: str) -> str:
    query = request.GET.copy()
    for name in drop:
        query.pop(name, None)
    return query.urlencode()


# ---- The office's network view ----------------------------------------------------------------------------------


@registry_reader
def network_view(request: AuthedHttpRequest) -> HttpResponse:
    form = FilterForm(request.GET or None, scope=request.user.scope_code or "")
    regency = form.chosen_regency()
    graph = network.cached(request.user, regency=regency)
    clusters = Paginator(graph.clusters, network.CLUSTERS_PER_PAGE).get_page(request.GET.get("page"))
    last_page = max(1, -(-graph.isolated // network.ISOLATED_PER_PAGE))
    isolated_number = min(_page_number(request.GET.get("isolated")), last_page)
    isolated, more = network.isolated_page(request.user, regency=regency, page=isolated_number)
    context = {
        "form": form,
        "graph": graph,
        "clusters": clusters,
        "isolated": isolated,
        "isolated_number": isolated_number,
        "isolated_more": more,
        "querystring": _query(request, "page"),
        "isolated_query": _query(request, "isolated"),
        "people": graph.shared_people[:50],
        "may_check": people.may_search_by_nik(request.user),
        "proposed": Partnership.objects.visible_to(request.user).filter(status=S.PROPOSED).count()
        if request.user.can_edit_registry
        else 0,
    }
    return render(request, "partnerships/network.html", context)


@personal_data_required
def board_checks(request: AuthedHttpRequest) -> HttpResponse:
    """The board-network flags with their reasons; for personal-data roles only, and each reading is logged."""
    form = FilterForm(request.GET or None, scope=request.user.scope_code or "")
    page_number = _page_number(request.GET.get("page"))
    flags = checks.flags_for(
        request.user, regency=form.chosen_regency(), ip_address=client_ip(request), page=page_number
    )
    page = Paginator(flags, 25).get_page(page_number)
    context = {
        "form": form,
        "page": page,
        "querystring": _query(request, "page"),
        "minimum": checks.MANY_BOARDS,
        "within_days": checks.NEW_WITHIN_DAYS,
    }
    return render(request, "partnerships/checks.html", context)


@registry_editor
def proposals(request: AuthedHttpRequest) -> HttpResponse:
    rows = (
        Partnership.objects.visible_to(request.user)
        .filter(status=S.PROPOSED)
        .select_related("ormas", "other_ormas", "partner")
    )
    page = Paginator(rows.order_by("created_at", "pk"), 25).get_page(request.GET.get("page"))
    return render(request, "partnerships/proposals.html", {"page": page, "querystring": ""})


# ---- One Ormas's network ------------------------------------------------------------------------------------------


def _links_of(ormas: Ormas, user: Any) -> Any:
    return (
        Partnership.objects.visible_to(user)
        .involving(ormas)
        .select_related("ormas", "other_ormas", "partner")
        .prefetch_related("documents")
    )


@registry_reader
def ormas_network(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    ormas = _ormas(request, pk)
    context = {
        "ormas": ormas,
        "links": _links_of(ormas, request.user),
        "units": BusinessUnit.objects.visible_to(request.user).filter(ormas=ormas).prefetch_related("years"),
        "can_edit": actions.is_officer_for(request.user, ormas),
        "today": timezone.localdate(),
    }
    return render(request, "partnerships/ormas_detail.html", context)


def _resolve_other(request: AuthedHttpRequest, public_id: str) -> Ormas | None:
    """The other Ormas of a link, by its public id: through the registry's rule for an officer, from the public
    register for an Ormas account (which sees no registry)."""
    if not public_id:
        return None
    try:
        queryset = Ormas.objects.all() if _is_account(request) else Ormas.objects.visible_to(request.user)
        return queryset.get(public_id=public_id)
    except (Ormas.DoesNotExist, ValueError, ValidationError):
        return None


def _record(request: AuthedHttpRequest, ormas: Ormas, form: PartnershipForm) -> Partnership | None:
    data = form.cleaned_data
    other = _resolve_other(request, data.get("other_ormas") or "")
    if data.get("counterpart") == "ormas" and other is None:
        form.add_error(None, _("Find the other Ormas by name and choose it from the list."))
        return None
    with refusals_shown(request, form=form) as outcome:
        link = actions.record_partnership(
            ormas,
            by=request.user,
            kind=data["kind"],
            title=data["title"],
            starts_on=data["starts_on"],
            ends_on=data.get("ends_on"),
            other_ormas=other,
            partner_kind=data.get("partner_kind") or "",
            partner_name=data.get("partner_name") or "",
            note=data.get("note") or "",
            document=data.get("document"),
        )
        if link.status == S.CONFIRMED:
            messages.success(request, _("The partnership was recorded."))
        else:
            messages.success(request, _("The partnership was sent to Kesbangpol for confirmation."))
    return link if outcome.ok else None


def _form_context(request: AuthedHttpRequest, form: PartnershipForm, ormas: Ormas) -> dict[str, Any]:
    chosen = _resolve_other(request, form.data.get("other_ormas", "")) if form.is_bound else None
    return {"form": form, "ormas": ormas, "layout": _layout(request), "chosen": chosen}


@registry_editor
def record(request: AuthedHttpRequest, pk: int) -> HttpResponseBase:
    ormas = _ormas(request, pk)
    form = PartnershipForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        link = _record(request, ormas, form)
        if link is not None:
            return redirect("partnerships:ormas", ormas.pk)
    status = 400 if form.errors else 200
    return render(request, "partnerships/partnership_form.html", _form_context(request, form, ormas), status=status)


@reader_or_account
def ormas_search(request: AuthedHttpRequest) -> HttpResponse:
    """The other Ormas of a link, found by name: the registry's scoped search for staff, the public register for an
    Ormas account (name, abbreviation and registration numbers only)."""
    query = request.GET.get("q", "").strip()[:100]
    matches: list[dict[str, Any]] = []
    if len(query) >= 3:
        if _is_account(request):
            matches = [m for m in public_matches(query) if str(m["public_id"]) != str(request.user.ormas.public_id)]  # type: ignore[union-attr]
        else:
            found = search_capped(Ormas.objects.visible_to(request.user), query)[0].order_by("name_search", "pk")[:10]
            matches = [{"public_id": o.public_id, "name": o.name, "abbreviation": o.abbreviation} for o in found]
    context = {"matches": matches, "query": query, "searched": len(query) >= 3}
    return render(request, "partnerships/_ormas_results.html", context)


# ---- One link -----------------------------------------------------------------------------------------------------


def _link(request: AuthedHttpRequest, pk: int) -> Partnership:
    return get_object_or_404(
        Partnership.objects.visible_to(request.user).select_related("ormas", "other_ormas", "partner"), pk=pk
    )


@reader_or_account
def partnership_detail(request: AuthedHttpRequest, pk: int) -> HttpResponseBase:
    link = _link(request, pk)
    reason_form = ReasonForm(request.POST if request.POST.get("do") in ("decline", "remove") else None)
    document_form = DocumentForm(
        request.POST if request.POST.get("do") == "document" else None,
        request.FILES if request.POST.get("do") == "document" else None,
    )
    failed = False
    if request.method == "POST":
        do = request.POST.get("do", "")
        valid = (
            do == "confirm"
            or (do in ("decline", "remove") and reason_form.is_valid())
            or (do == "document" and document_form.is_valid())
        )
        failed = not valid
        if valid:
            target = document_form if do == "document" else None
            with refusals_shown(request, form=target, field="file" if target else None) as outcome:
                if do == "confirm":
                    actions.confirm_partnership(link, by=request.user)
                elif do == "decline":
                    actions.decline_partnership(link, by=request.user, reason=reason_form.cleaned_data["reason"])
                elif do == "remove":
                    actions.remove_partnership(link, by=request.user, reason=reason_form.cleaned_data["reason"])
                else:
                    actions.add_partnership_document(
                        link,
                        document_form.cleaned_data["file"],
                        by=request.user,
                        title=document_form.cleaned_data["title"],
                    )
                messages.success(request, _("Saved."))
            if outcome.ok:
                return redirect("partnerships:detail", link.pk)
            failed = True
    can_decide = (
        not _is_account(request)
        and actions.is_officer_for(request.user, link.ormas)
        and (link.other_ormas is None or actions.is_officer_for(request.user, link.other_ormas))
    )
    context = {
        "link": link,
        "layout": _layout(request),
        "can_decide": can_decide,
        "can_add_document": link.status in Partnership.LIVE and (can_decide or _is_account(request)),
        "reason_form": reason_form,
        "document_form": document_form,
        "documents": link.documents.all(),
    }
    return render(request, "partnerships/partnership_detail.html", context, status=400 if failed else 200)


@reader_or_account
def document_download(request: AuthedHttpRequest, pk: int, document_pk: int) -> HttpResponseBase:
    link = _link(request, pk)
    document = get_object_or_404(PartnershipDocument, partnership=link, pk=document_pk)
    return private_file_response(document.file, filename=document.original_name, content_type=document.content_type)


# ---- Business units -------------------------------------------------------------------------------------------------


def _programmes(request: AuthedHttpRequest, ormas: Ormas) -> Any:
    if _is_account(request):
        return Programme.objects.filter(region_id__in=[ormas.regency_code, ormas.province_code]).order_by("-starts_on")
    return Programme.objects.visible_to(request.user).order_by("-starts_on")


def _unit_form(request: AuthedHttpRequest, ormas: Ormas, instance: BusinessUnit | None = None) -> BusinessUnitForm:
    return BusinessUnitForm(
        request.POST or None, instance=instance, programmes=_programmes(request, ormas), scope=ormas.province_code
    )


def _new_unit(request: AuthedHttpRequest, ormas: Ormas) -> HttpResponseBase:
    form = _unit_form(request, ormas)
    if request.method == "POST" and form.is_valid():
        with refusals_shown(request, form=form) as outcome:
            unit = actions.record_business_unit(ormas, by=request.user, **form.values())
            messages.success(request, _("The business unit was recorded. Add its figures for a year below."))
        if outcome.ok:
            return redirect("partnerships:unit", unit.pk)
    context = {"form": form, "ormas": ormas, "layout": _layout(request), "unit": None}
    return render(request, "partnerships/unit_form.html", context, status=400 if form.errors else 200)


@registry_editor
def unit_new(request: AuthedHttpRequest, pk: int) -> HttpResponseBase:
    ormas = _ormas(request, pk)
    if not actions.is_officer_for(request.user, ormas):
        raise Http404
    return _new_unit(request, ormas)


@acting_ormas_required
def my_unit_new(request: AuthedHttpRequest) -> HttpResponseBase:
    assert request.user.ormas is not None
    return _new_unit(request, request.user.ormas)


def _unit(request: AuthedHttpRequest, pk: int) -> BusinessUnit:
    return get_object_or_404(BusinessUnit.objects.visible_to(request.user).select_related("ormas", "regency"), pk=pk)


def _may_edit_unit(request: AuthedHttpRequest, unit: BusinessUnit) -> bool:
    return (_is_account(request) and request.user.ormas_id == unit.ormas_id) or actions.is_officer_for(
        request.user, unit.ormas
    )


@reader_or_account
def unit_detail(request: AuthedHttpRequest, pk: int) -> HttpResponseBase:
    unit = _unit(request, pk)
    may_edit = _may_edit_unit(request, unit)
    form = YearForm(request.POST or None)
    if request.method == "POST":
        if not may_edit:
            raise Http404
        if form.is_valid():
            data = form.cleaned_data
            with refusals_shown(request, form=form) as outcome:
                actions.record_year(unit, by=request.user, **data)
                messages.success(request, _("The figures for %(year)s were saved.") % {"year": data["year"]})
            if outcome.ok:
                return redirect("partnerships:unit", unit.pk)
    context = {
        "unit": unit,
        "years": unit.years.all(),
        "form": form if may_edit else None,
        "may_edit": may_edit,
        "layout": _layout(request),
    }
    return render(request, "partnerships/unit_detail.html", context, status=400 if form.errors else 200)


@reader_or_account
def unit_edit(request: AuthedHttpRequest, pk: int) -> HttpResponseBase:
    unit = _unit(request, pk)
    if not _may_edit_unit(request, unit):
        raise Http404
    form = _unit_form(request, unit.ormas, instance=unit)
    if request.method == "POST" and form.is_valid():
        with refusals_shown(request, form=form) as outcome:
            actions.update_business_unit(unit, by=request.user, changes=form.changed_values())
            messages.success(request, _("Saved."))
        if outcome.ok:
            return redirect("partnerships:unit", unit.pk)
    context = {"form": form, "ormas": unit.ormas, "layout": _layout(request), "unit": unit}
    return render(request, "partnerships/unit_form.html", context, status=400 if form.errors else 200)


# ---- The Ormas account ------------------------------------------------------------------------------------------


@acting_ormas_required
def mine(request: AuthedHttpRequest) -> HttpResponse:
    ormas = request.user.ormas
    assert ormas is not None
    context = {
        "ormas": ormas,
        "links": _links_of(ormas, request.user),
        "units": BusinessUnit.objects.filter(ormas=ormas).prefetch_related("years"),
    }
    return render(request, "partnerships/mine.html", context)


@acting_ormas_required
def propose(request: AuthedHttpRequest) -> HttpResponseBase:
    ormas = request.user.ormas
    assert ormas is not None
    form = PartnershipForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid() and _record(request, ormas, form) is not None:
        return redirect("partnerships:mine")
    status = 400 if form.errors else 200
    return render(request, "partnerships/partnership_form.html", _form_context(request, form, ormas), status=status)


# ---- Community economic empowerment in figures --------------------------------------------------------------------


def _empowerment(request: AuthedHttpRequest) -> dict[str, Any]:
    this_year = timezone.localdate().year
    raw = request.GET.get("year", "")
    year = int(raw) if raw.isdigit() and len(raw) == 4 and 2000 <= int(raw) <= this_year else this_year - 1
    by = "programme" if request.GET.get("by") == "programme" else "regency"
    form = FilterForm(request.GET or None, scope=request.user.scope_code or "")
    rows, total = empowerment.figures(request.user, year=year, by=by, regency=form.chosen_regency())
    return {
        "rows": rows,
        "total": total,
        "year": year,
        "years": list(range(this_year, this_year - 6, -1)),
        "by": by,
        "form": form,
        "bands": empowerment.BANDS.choices,
        "querystring": request.GET.urlencode(),
    }


@registry_reader
def empowerment_view(request: AuthedHttpRequest) -> HttpResponse:
    return render(request, "partnerships/empowerment.html", _empowerment(request))


@registry_reader
def empowerment_export(request: AuthedHttpRequest) -> HttpResponse:
    context = _empowerment(request)
    response = HttpResponse(
        empowerment_workbook(context["rows"], context["total"], year=context["year"], by=context["by"]),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="badan-usaha-{context["year"]}-{timezone.localdate():%Y%m%d}.xlsx"'
    )
    return response
