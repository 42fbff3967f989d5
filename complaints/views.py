"""Officer pages for complaints: list, detail with duplicate suggestions, intake, triage actions, attachments."""

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from rapidfuzz import fuzz

from accounts.decorators import registry_editor, registry_reader
from accounts.typing import AuthedHttpRequest
from audit.models import Entry
from complaints import actions
from complaints.forms import (
    ComplaintFilterForm,
    GroupForm,
    IntakeForm,
    OpenCaseForm,
    PoliceReferralForm,
    ProgressForm,
    ReasonForm,
)
from complaints.models import Complaint, ComplaintAttachment
from registry.search import public_matches
from wadah.lib.files import private_file_response
from wadah.lib.views import refusals_shown

S = Complaint.Status
SIMILAR_TEXT_SCORE = 70
DUPLICATE_DAYS = 3


def _complaint_for(request: AuthedHttpRequest, pk: int) -> Complaint:
    """The complaint if it lies in the user's scope; 404 otherwise."""
    return get_object_or_404(
        Complaint.objects.visible_to(request.user).select_related(
            "ormas", "region", "office", "handled_by", "group", "referral_letter"
        ),
        pk=pk,
    )


def _mask(value: str) -> str:
    return "•••" if value else ""


@registry_reader
def complaint_list(request: AuthedHttpRequest) -> HttpResponse:
    form = ComplaintFilterForm(request.GET or None)
    queryset = Complaint.objects.visible_to(request.user).select_related("ormas", "region", "office")
    today = timezone.localdate()
    if form.is_valid():
        status = form.cleaned_data["status"]
        if status == "open":
            queryset = queryset.open()
        elif status:
            queryset = queryset.filter(status=status)
        if form.cleaned_data["channel"]:
            queryset = queryset.filter(channel=form.cleaned_data["channel"])
        if form.cleaned_data["overdue"]:
            queryset = queryset.filter(status=S.RECEIVED, triage_due_on__lt=today)
    page = Paginator(queryset, 25).get_page(request.GET.get("page"))
    querystring = request.GET.copy()
    querystring.pop("page", None)
    return render(
        request,
        "complaints/complaint_list.html",
        {"form": form, "page": page, "today": today, "querystring": querystring.urlencode()},
    )


def likely_duplicates(complaint: Complaint, candidates: Any) -> list[tuple[Complaint, str]]:
    """Earlier or later complaints that seem to report the same events: same Ormas within ±3 days, or similar text."""
    found: list[tuple[Complaint, str]] = []
    window = dt.timedelta(days=DUPLICATE_DAYS)
    others = candidates.exclude(pk=complaint.pk).exclude(status=S.GROUPED).filter(office=complaint.office)
    if complaint.ormas_id:
        same = others.filter(
            ormas=complaint.ormas_id,
            incident_date__gte=complaint.incident_date - window,
            incident_date__lte=complaint.incident_date + window,
        )
        found += [(c, _("same Ormas, incident within 3 days")) for c in same[:10]]
    seen = {c.pk for c, _reason in found}
    recent = others.filter(
        incident_date__gte=complaint.incident_date - dt.timedelta(days=30),
        incident_date__lte=complaint.incident_date + dt.timedelta(days=30),
    ).exclude(pk__in=seen)[:200]
    text = f"{complaint.ormas_label} {complaint.description}"
    for other in recent:
        score = fuzz.token_set_ratio(text, f"{other.ormas_label} {other.description}")
        if score >= SIMILAR_TEXT_SCORE:
            found.append((other, _("similar description (%(score)d%%)") % {"score": int(score)}))
    return found[:10]


@registry_reader
def complaint_detail(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    complaint = _complaint_for(request, pk)
    handler = actions.is_handling_officer(request.user, complaint)
    candidates = Complaint.objects.visible_to(request.user).select_related("ormas")
    context: dict[str, Any] = {
        "complaint": complaint,
        "handler": handler,
        "name": complaint.complainant_name if handler else _mask(complaint.complainant_name),
        "phone": complaint.complainant_phone if handler else _mask(complaint.complainant_phone),
        "email": complaint.complainant_email if handler else _mask(complaint.complainant_email),
        # Photos and documents may show or name the complainant: only for those who see the complainant unmasked.
        "attachments": complaint.attachments.all() if handler else [],
        "grouped": complaint.grouped.all(),
        "duplicates": likely_duplicates(complaint, candidates) if handler and complaint.can_move_to(S.GROUPED) else [],
        "referral_form": PoliceReferralForm(),
        "case_form": OpenCaseForm(),
        "reason_form": ReasonForm(),
        "progress_form": ProgressForm(instance=complaint),
        "history": Entry.objects.filter(
            subject_type__app_label="complaints", subject_type__model="complaint", subject_id=str(complaint.pk)
        ).select_related("actor")
        if handler
        else [],
        "today": timezone.localdate(),
        "new_code": request.session.pop(f"complaint_code_{complaint.pk}", None),
    }
    return render(request, "complaints/complaint_detail.html", context)


@registry_editor
def complaint_intake(request: AuthedHttpRequest) -> HttpResponse:
    scope = request.user.scope_code or "62"
    searching = request.method == "POST" and request.POST.get("action") == "search"
    if searching:
        form = IntakeForm(initial={k: v for k, v in request.POST.items() if k != "csrfmiddlewaretoken"}, scope=scope)
    else:
        form = IntakeForm(request.POST or None, request.FILES or None, scope=scope)
    if request.method == "POST" and not searching and form.is_valid():
        data = form.cleaned_data
        with refusals_shown(request, form=form):
            complaint, _code = actions.submit_complaint(
                channel=data["channel"],
                lapor_reference=data.get("lapor_reference") or "",
                description=data["description"],
                region=data["region"],
                incident_date=data["incident_date"],
                incident_time=data.get("incident_time"),
                ormas=form.ormas_object,
                ormas_text=data.get("ormas_text") or "",
                place=data.get("place") or "",
                complainant_name=data.get("complainant_name") or "",
                complainant_phone=data.get("complainant_phone") or "",
                complainant_email=data.get("complainant_email") or "",
                attachments=data.get("attachments") or [],
                by=request.user,
            )
            request.session[f"complaint_code_{complaint.pk}"] = _code
            messages.success(request, _("The complaint was recorded."))
            return redirect(complaint)
    query = (request.POST.get("q") or "").strip()
    matches = public_matches(query) if searching and query else []
    chosen = None
    if form.is_bound and form.ormas_object is not None:
        chosen = {"public_id": form.ormas_object.public_id, "name": form.ormas_object.name}
        matches = [chosen] + matches
    return render(
        request,
        "complaints/complaint_intake.html",
        {
            "form": form,
            "query": query,
            "matches": matches,
            "chosen": chosen,
            "searched": searching,
            "max_mb": settings.WADAH_MAX_DOCUMENT_MB,
        },
    )


@registry_reader
def intake_ormas_search(request: AuthedHttpRequest) -> HttpResponse:
    query = (request.GET.get("q") or "").strip()
    return render(
        request,
        "complaints/_ormas_results.html",
        {"matches": public_matches(query), "query": query, "searched": bool(query), "chosen": None},
    )


@registry_reader
def attachment_download(request: AuthedHttpRequest, attachment_pk: int) -> HttpResponseBase:
    attachment = get_object_or_404(
        ComplaintAttachment.objects.filter(complaint__in=Complaint.objects.handled_by(request.user)),
        pk=attachment_pk,
    )
    return private_file_response(
        attachment.file, filename=attachment.original_name, content_type=attachment.content_type
    )


def _act(
    request: AuthedHttpRequest, pk: int, run: Callable[[Complaint], Any], done: str, form_class: Any = None
) -> HttpResponse:
    complaint = _complaint_for(request, pk)
    if form_class is not None:
        form = form_class(request.POST)
        if not form.is_valid():
            messages.error(request, _("Fill in every field of the action."))
            return redirect(complaint)
        request.cleaned = form.cleaned_data  # type: ignore[attr-defined]
    with refusals_shown(request):
        run(complaint)
        messages.success(request, done)
    return redirect(complaint)


@require_POST
@registry_editor
def complaint_start_triage(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, lambda c: actions.start_triage(c, by=request.user), _("Triage started."))


@require_POST
@registry_editor
def complaint_group(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    complaint = _complaint_for(request, pk)
    # "into" comes from a hidden field; anything but a number is answered like an unknown complaint.
    form = GroupForm(request.POST)
    into_pk = form.cleaned_data["into"] if form.is_valid() else 0
    into = get_object_or_404(Complaint.objects.visible_to(request.user), pk=into_pk)
    return _act(
        request, complaint.pk, lambda c: actions.group_complaint(c, into, by=request.user), _("Complaints grouped.")
    )


@require_POST
@registry_editor
def complaint_refer(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        lambda c: actions.refer_to_police(
            c,
            by=request.user,
            police_unit=request.cleaned["police_unit"],  # type: ignore[attr-defined]
            summary=request.cleaned["summary"],  # type: ignore[attr-defined]
        ),
        _("Referred to the police; the referral letter was issued."),
        PoliceReferralForm,
    )


@require_POST
@registry_editor
def complaint_open_case(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        lambda c: actions.open_case_from_complaint(
            c,
            by=request.user,
            summary=request.cleaned["summary"],  # type: ignore[attr-defined]
        ),
        _("A supervision case was opened."),
        OpenCaseForm,
    )


@require_POST
@registry_editor
def complaint_not_actionable(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        lambda c: actions.mark_not_actionable(c, by=request.user, reason=request.cleaned["reason"]),  # type: ignore[attr-defined]
        _("Marked as not actionable."),
        ReasonForm,
    )


@require_POST
@registry_editor
def complaint_close(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        lambda c: actions.close_complaint(c, by=request.user, note=request.POST.get("note", "")),
        _("Complaint closed."),
    )


@require_POST
@registry_editor
def complaint_progress(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    complaint = _complaint_for(request, pk)
    form = ProgressForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The progress text could not be saved."))
        return redirect(complaint)
    return _act(
        request,
        pk,
        lambda c: actions.update_progress(
            c,
            by=request.user,
            public_progress=form.cleaned_data["public_progress"],
            internal_note=form.cleaned_data["internal_note"],
        ),
        _("Saved."),
    )
