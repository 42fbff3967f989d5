"""Laporan lapangan: the list, the phone-first form with autosave, the report page, photos, attach and share."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Case as When_
from django.db.models import IntegerField, Value, When
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.decorators import user_passes
from accounts.models import Agency, Role
from accounts.typing import AuthedHttpRequest
from audit.models import Entry
from fieldreports import actions
from fieldreports.forms import AttachForm, FieldReportForm, ShareForm
from fieldreports.models import Classification, FieldReport, FieldReportPhoto
from registry.models import Ormas
from registry.search import search
from supervision import compartments
from supervision.models import Case, CaseMember, CompartmentShare
from wadah.lib.files import private_file_response
from wadah.lib.offline import offline_page
from wadah.lib.views import refusals_shown

PAGE_SIZE = 25


# Tim Terpadu members with an agency, Kesbangpol officers and leaders (actions.may_report); everyone else gets 403.
reporter_required = user_passes(actions.may_report)


def _report_for(request: AuthedHttpRequest, pk: int) -> FieldReport:
    """The report if the compartment rule lets the user read it; 404 otherwise (its existence is not revealed)."""
    queryset = FieldReport.objects.visible_to(request.user).select_related(
        "author", "agency", "ormas", "region", "case"
    )
    return get_object_or_404(queryset, pk=pk)


@reporter_required
def report_list(request: AuthedHttpRequest) -> HttpResponse:
    user = request.user
    queryset = FieldReport.objects.visible_to(user).select_related("agency", "ormas", "region", "author")
    show = request.GET.get("tampil", "")
    if show == "draf":
        queryset = queryset.filter(status=FieldReport.Status.DRAFT)
    elif show == "perhatian":
        queryset = queryset.filter(classification__in=[Classification.POSSIBLE_VIOLATION, Classification.URGENT])
    own_agency = compartments.compartment_of(user).pk
    # The reporter's own agency first, then the rest, newest first within each.
    queryset = queryset.annotate(
        own=When_(When(agency_id=own_agency, then=Value(0)), default=Value(1), output_field=IntegerField())
    ).order_by("own", "-created_at", "-id")
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "show": show, "own_agency": own_agency, "querystring": f"tampil={show}" if show else ""}
    return render(request, "fieldreports/report_list.html", context)


def _save(request: AuthedHttpRequest, form: FieldReportForm, report: FieldReport | None) -> FieldReport:
    """Save the draft, then the photo, then submit if asked — all or nothing."""
    values = form.report_values()
    with transaction.atomic():
        if report is None:
            report = actions.create_report(by=request.user, **values)
        else:
            actions.update_draft(report, by=request.user, **values)
        upload = form.cleaned_data.get("photo")
        if upload:
            try:
                actions.add_photo(report, upload, by=request.user, **form.photo_meta())
            except ValidationError as error:
                raise ValidationError({"photo": error.messages}) from error
        if "submit" in request.POST:
            report = actions.submit_report(report, by=request.user)
    return report


def _form_page(request: AuthedHttpRequest, report: FieldReport | None) -> HttpResponse:
    form = FieldReportForm(request.POST or None, request.FILES or None, user=request.user, report=report)
    if request.method == "POST" and form.is_valid():
        try:
            saved = _save(request, form, report)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            if saved.is_draft:
                messages.success(request, _("The draft %(ref)s was saved.") % {"ref": saved.reference})
                return redirect("fieldreports:edit", saved.pk)
            messages.success(request, _("Field report %(ref)s was submitted.") % {"ref": saved.reference})
            return redirect(saved)
    context = {
        "form": form,
        "report": report,
        "photos": report.photos.all() if report else [],
        "max_photo_mb": actions.MAX_PHOTO_MB,
    }
    return render(request, "fieldreports/report_form.html", context)


def _add_errors(form: FieldReportForm, error: ValidationError) -> None:
    """Put an action's errors on the form's fields where they belong (region → the picker's village/district)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.message_dict.items():
        target = {"region": "district"}.get(field, field)
        form.add_error(target if target in form.fields else None, errors)


@reporter_required
@offline_page
def report_create(request: AuthedHttpRequest) -> HttpResponse:
    return _form_page(request, None)


def _draft_for(request: AuthedHttpRequest, pk: int) -> FieldReport:
    report = get_object_or_404(FieldReport.objects.filter(author=request.user).select_related("ormas", "region"), pk=pk)
    return report


@reporter_required
@offline_page
def report_edit(request: AuthedHttpRequest, pk: int) -> HttpResponseBase:
    report = _draft_for(request, pk)
    if not report.is_draft:
        return redirect(report)
    return _form_page(request, report)


@require_POST
@reporter_required
def report_autosave(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    """htmx: save the draft's text while the reporter writes (every ~20 s and when a field loses focus)."""
    report = _draft_for(request, pk)
    form = FieldReportForm(request.POST, user=request.user, report=report)
    context: dict[str, Any] = {"report": report, "saved_at": None, "problem": ""}
    if not report.is_draft:
        context["problem"] = _("This report has been submitted.")
    elif form.is_valid():
        try:
            actions.update_draft(report, by=request.user, **form.report_values())
            context["saved_at"] = timezone.localtime()
        except ValidationError as error:
            context["problem"] = " ".join(error.messages)
    else:
        context["problem"] = _("Not saved yet: %(errors)s") % {
            "errors": " ".join(str(e) for errors in form.errors.values() for e in errors)
        }
    response = render(request, "fieldreports/report_form.html#autosave", context)
    if context["saved_at"]:
        # The server's own time of this save, which the page's copy on the device is measured against
        # (static/js/field-report.js): never the phone's clock, which may be off.
        response["X-Wadah-Saved"] = str(int(report.updated_at.timestamp()))
    return response


@require_GET
@reporter_required
def ormas_options(request: AuthedHttpRequest) -> HttpResponse:
    """htmx: the registered Ormas whose name matches what the reporter typed (at most eight)."""
    query = request.GET.get("ormas_search", "").strip()[:100]
    found = search(Ormas.objects.visible_to(request.user), query)[:8] if len(query) >= 2 else []
    return render(request, "fieldreports/report_form.html#ormas-options", {"found": found, "query": query})


@reporter_required
def report_detail(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    report = _report_for(request, pk)
    user = request.user
    context: dict[str, Any] = {
        "report": report,
        "photos": report.photos.all(),
        "attach_form": None,
        "share_form": None,
        "shares": [],
    }
    if not report.is_draft:
        cases = _attachable_cases(request, report)
        if cases is not None and cases.exists():
            context["attach_form"] = AttachForm(cases=cases)
        if compartments.can_share(user, report):
            context["share_form"] = ShareForm(agencies=_share_agencies(report))
            context["shares"] = CompartmentShare.objects.filter(
                content_type__app_label="fieldreports", content_type__model="fieldreport", object_id=report.pk
            ).select_related("agency", "shared_by")
    context["history"] = Entry.objects.filter(
        subject_type__app_label="fieldreports", subject_type__model="fieldreport", subject_id=str(report.pk)
    ).select_related("actor")[:30]
    return render(request, "fieldreports/report_detail.html", context)


def _attachable_cases(request: AuthedHttpRequest, report: FieldReport) -> Any:
    """Open cases the user may file this report in, about the same Ormas when the report names one."""
    user = request.user
    cases = Case.objects.visible_to(user).open()
    if user.role == Role.AGENCY_MEMBER:
        if user.agency_id != report.agency_id:
            return None
    elif not user.can_edit_registry:
        return None
    if report.ormas_id:
        cases = cases.filter(ormas_id=report.ormas_id)
    if report.case_id:
        cases = cases.exclude(pk=report.case_id)
    return cases.select_related("ormas").order_by("-opened_at")[:50]


def _share_agencies(report: FieldReport) -> Any:
    agencies = Agency.objects.filter(is_active=True).exclude(pk=report.agency_id)
    if report.case_id:
        agencies = agencies.filter(pk__in=CaseMember.objects.filter(case_id=report.case_id).values("agency_id"))
    return agencies.order_by("abbreviation")


@require_POST
@reporter_required
def report_attach(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    report = _report_for(request, pk)
    cases = _attachable_cases(request, report)
    if cases is None:
        raise PermissionDenied
    form = AttachForm(request.POST, cases=Case.objects.filter(pk__in=[c.pk for c in cases]))
    if not form.is_valid():
        messages.error(request, _("Choose one of the listed cases."))
        return redirect(report)
    with refusals_shown(request):
        actions.attach_to_case(report, form.cleaned_data["case"], by=request.user)
        messages.success(
            request, _("The report was attached to case %(ref)s.") % {"ref": form.cleaned_data["case"].reference}
        )
    return redirect(report)


@require_POST
@reporter_required
def report_share(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    report = _report_for(request, pk)
    if report.is_draft or not compartments.can_share(request.user, report):
        raise PermissionDenied
    form = ShareForm(request.POST, agencies=_share_agencies(report))
    if not form.is_valid():
        messages.error(request, _("Choose an agency to share with."))
        return redirect(report)
    with refusals_shown(request):
        compartments.share(
            report, with_agency=form.cleaned_data["agency"], by=request.user, note=form.cleaned_data["note"]
        )
        messages.success(
            request, _("The report is now shared with %(agency)s.") % {"agency": form.cleaned_data["agency"]}
        )
    return redirect(report)


@reporter_required
def photo_view(request: AuthedHttpRequest, photo_pk: int) -> HttpResponseBase:
    """Stream a photo to someone who may read its report (scoped: 404 otherwise)."""
    photo = get_object_or_404(
        FieldReportPhoto.objects.filter(report__in=FieldReport.objects.visible_to(request.user)), pk=photo_pk
    )
    extension = (photo.file.name or "").rsplit(".", 1)[-1]
    return private_file_response(
        photo.file, filename=f"{photo.report.reference}-{photo.pk}.{extension}", content_type=photo.content_type
    )
