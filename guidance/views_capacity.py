"""Officer pages of the capacity pathway: assessments (list, new, validate), one Ormas's change as a radar chart
with its table, and the aggregates per kab/kota."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import registry_editor, registry_reader
from accounts.typing import AuthedHttpRequest
from guidance import assessments, capacity, exports
from guidance.forms import AssessmentForm
from guidance.models import Assessment, Instrument
from guidance.views import xlsx_response
from registry.models import Ormas


def _assessments(request: AuthedHttpRequest) -> Any:
    queryset = Assessment.objects.visible_to(request.user).select_related("ormas", "assessed_by")
    if request.GET.get("status") in Assessment.Status.values:
        queryset = queryset.filter(status=request.GET["status"])
    q = request.GET.get("q", "").strip()[:100]
    if q:
        queryset = queryset.filter(ormas__name__icontains=q)
    return queryset


@registry_reader
def assessment_list(request: AuthedHttpRequest) -> HttpResponse:
    page = Paginator(_assessments(request), 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "page": page,
        "querystring": query.urlencode(),
        "statuses": Assessment.Status.choices,
        "filters": request.GET,
        "regencies": capacity.by_regency(request.user),
        "waiting": Assessment.objects.visible_to(request.user).filter(status=Assessment.Status.SUBMITTED).count(),
    }
    return render(request, "guidance/assessment_list.html", context)


@registry_reader
def assessment_export(request: AuthedHttpRequest) -> HttpResponse:
    return xlsx_response(exports.assessments_workbook(_assessments(request)), "penilaian-kapasitas")


def _ormas_for(request: AuthedHttpRequest, pk: int) -> Ormas:
    return get_object_or_404(Ormas.objects.visible_to(request.user), pk=pk)


@registry_reader
def ormas_capacity(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    ormas = _ormas_for(request, pk)
    history = list(Assessment.objects.filter(ormas=ormas).select_related("assessed_by", "validated_by"))
    validated = [a for a in history if a.status == Assessment.Status.VALIDATED]
    chosen = {str(a.pk): a for a in validated}
    after = chosen.get(request.GET.get("after", ""))
    before = chosen.get(request.GET.get("before", ""))
    comparison = capacity.compare(ormas, before=before, after=after) if (before or after) else capacity.compare(ormas)
    context = {
        "ormas": ormas,
        "history": history,
        "validated": validated,
        "comparison": comparison,
        "chart": comparison.chart_data(),
        "can_edit": request.user.can_edit_registry,
    }
    return render(request, "guidance/ormas_capacity.html", context)


@registry_editor
def assessment_new(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    ormas = _ormas_for(request, pk)
    instrument = Instrument.current()
    if instrument is None:
        messages.error(request, _("No assessment instrument is in use; an administrator must activate one."))
        return redirect("guidance:ormas-capacity", pk=ormas.pk)
    form = AssessmentForm(request.POST or None, instrument=instrument)
    if request.method == "POST" and form.is_valid():
        try:
            assessments.record_assessment(
                ormas,
                by=request.user,
                answers=form.answers(),
                evidence=form.evidence(),
                assessed_on=form.cleaned_data["assessed_on"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The assessment of %(name)s was saved.") % {"name": ormas.name})
            return redirect("guidance:ormas-capacity", pk=ormas.pk)
    return render(request, "guidance/assessment_form.html", {"form": form, "ormas": ormas, "self": False})


@registry_reader
def assessment_detail(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    assessment = get_object_or_404(
        Assessment.objects.visible_to(request.user).select_related("ormas", "instrument", "assessed_by"), pk=pk
    )
    answers = assessment.answers.select_related("question__dimension", "option").order_by(
        "question__dimension__order", "question__order"
    )
    return render(request, "guidance/assessment_detail.html", {"assessment": assessment, "answers": answers})


@require_POST
@registry_editor
def assessment_decide(request: AuthedHttpRequest, pk: int, verb: str) -> HttpResponse:
    assessment = get_object_or_404(Assessment.objects.visible_to(request.user), pk=pk)
    try:
        if verb == "sahkan":
            assessments.validate_assessment(assessment, by=request.user, note=request.POST.get("note", ""))
            messages.success(request, _("The self-assessment was validated."))
        else:
            assessments.return_assessment(assessment, by=request.user, note=request.POST.get("note", ""))
            messages.success(request, _("The self-assessment was returned to the Ormas."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("guidance:assessment-detail", pk=assessment.pk)
