"""Applicant pages of an Ormas account acting for its Ormas: its applications, starting one, its status."""

from typing import Any

from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.decorators import acting_ormas_required
from accounts.typing import AuthedHttpRequest
from audit.models import Entry
from services import actions
from services.models import (
    Application,
    ApplicationDocument,
    ServiceType,
)
from services.views.common import application_for, days_left_for
from wadah.lib.files import private_file_response
from wadah.lib.views import refusals_shown
from workdays.models import Period

S = Application.Status


@acting_ormas_required
def applicant_letter(request: AuthedHttpRequest, reference: str) -> HttpResponseBase:
    application = application_for(request, reference)
    letter = application.letter
    if application.status != S.APPROVED or not letter or not letter.pdf:
        raise Http404
    return private_file_response(letter.pdf, filename=f"surat-{application.reference}.pdf")


# ---- Applicant pages ----------------------------------------------------------------------------------------


@acting_ormas_required
def applicant_home(request: AuthedHttpRequest) -> HttpResponse:
    applications = Application.objects.for_ormas_account(request.user).select_related("service_type", "office")
    rows = [(a, days_left_for(a)) for a in applications]
    services = ServiceType.objects.filter(is_active=True, online_allowed=True)
    return render(
        request, "services/applicant_home.html", {"rows": rows, "services": services, "ormas": request.user.ormas}
    )


@acting_ormas_required
def applicant_start(request: AuthedHttpRequest, code: str) -> HttpResponse:
    service = get_object_or_404(ServiceType, code=code, is_active=True, online_allowed=True)
    ormas = request.user.ormas
    assert ormas is not None
    items = [i for i in service.checklist.select_related("document_type") if i.applies_to(ormas)]
    officials_items = [
        i for i in service.checklist.select_related("document_type") if i.condition == "officials_on_board"
    ]
    period = Period.objects.filter(code=service.decision_period).first()
    existing = Application.objects.for_ormas_account(request.user).open().filter(service_type=service).first()
    if request.method == "POST":
        with refusals_shown(request):
            application = actions.create_application(service_type=service, ormas=ormas, by=request.user)
            return redirect("services:tasks", application.reference)
    context = {
        "service": service,
        "ormas": ormas,
        "items": items,
        "officials_items": officials_items,
        "period": period,
        "existing": existing,
    }
    return render(request, "services/applicant_start.html", context)


@acting_ormas_required
def applicant_status(request: AuthedHttpRequest, reference: str) -> HttpResponse:
    application = application_for(request, reference)
    documents = application.current_documents().select_related("checklist_item__document_type")
    corrections = [d for d in documents if d.status == ApplicationDocument.Status.NEEDS_CORRECTION]
    field_check = application.field_checks.first()
    context = {
        "application": application,
        "days_left": days_left_for(application),
        "corrections": corrections,
        "field_check": field_check,
        "steps": _status_steps(application),
        "can_withdraw": application.can_move_to(S.WITHDRAWN),
    }
    return render(request, "services/applicant_status.html", context)


def _status_steps(application: Application) -> list[dict[str, Any]]:
    """The plain timeline for the applicant: each step done, current or still to come."""
    status = application.status
    reached = {
        "submitted": application.submitted_at is not None,
        "review": status not in (S.DRAFT, S.SUBMITTED) or application.documents.exclude(status="pending").exists(),
        "corrections": status == S.CHANGES_REQUESTED
        or Entry.objects.filter(
            action="application.changes_requested", subject_type__model="application", subject_id=str(application.pk)
        ).exists(),
        "field_check": status == S.FIELD_CHECK or application.field_checks.exists(),
        "decided": status in (S.APPROVED, S.REJECTED),
    }
    current_for: dict[str, str] = {
        S.DRAFT: "submitted",
        S.SUBMITTED: "review",
        S.RESUBMITTED: "review",
        S.IN_REVIEW: "review",
        S.CHANGES_REQUESTED: "corrections",
        S.FIELD_CHECK: "field_check",
    }
    current = current_for.get(status, "decided")
    labels = {
        "submitted": _("Application sent"),
        "review": _("Documents checked by the office"),
        "corrections": _("Corrections"),
        "field_check": _("Visit to the secretariat"),
        "decided": _("Decision"),
    }
    steps = []
    for key, label in labels.items():
        if key == "corrections" and not reached[key]:
            continue
        if key == "field_check" and not reached[key] and not application.service_type.requires_field_check:
            continue
        if status == S.WITHDRAWN:
            state = "done" if reached[key] else "skipped"
        else:
            state = "current" if key == current and not reached["decided"] else ("done" if reached[key] else "todo")
        steps.append({"key": key, "label": label, "state": state})
    return steps
