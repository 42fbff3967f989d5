"""Officer pages: the work list, one application with its review steps and decision, counter entry."""

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Case, F, IntegerField, Value, When
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import officer_required
from accounts.models import Role
from accounts.typing import AuthedHttpRequest
from audit import labels
from audit.models import Entry
from letters.models import Letter
from registry.models import Ormas
from registry.requirements import registration_problems
from registry.search import search
from services import actions
from services.forms import (
    CounterForm,
    DecisionForm,
    NoteForm,
    RecordFieldCheckForm,
    ScheduleFieldCheckForm,
    SktForm,
    VerifyForm,
    WorklistFilterForm,
)
from services.models import (
    Application,
    ApplicationDocument,
    FieldCheck,
    FieldCheckPhoto,
)
from services.views.common import application_for, back, days_left_for, visible
from wadah.lib.files import private_file_response
from wadah.lib.views import refusals_shown

S = Application.Status


# ---- Officer: the work list ------------------------------------------------------------------------------------


@officer_required
def worklist(request: AuthedHttpRequest) -> HttpResponse:
    form = WorklistFilterForm(request.GET or None)
    queryset = Application.objects.for_officer(request.user).select_related("service_type", "ormas", "office")
    status = ""
    if form.is_valid():
        if form.cleaned_data["service"]:
            queryset = queryset.filter(service_type=form.cleaned_data["service"])
        status = form.cleaned_data["status"] or ""
    if status == "decided":
        since = timezone.now() - dt.timedelta(days=30)
        queryset = queryset.filter(status__in=Application.FINAL, updated_at__gte=since).order_by("-updated_at")
    else:
        queryset = queryset.exclude(status=S.DRAFT).open()
        if status:
            queryset = queryset.filter(status=status)
        # Due first (earliest, so overdue on top); the applicant's turn (corrections) after the office's own work.
        queryset = queryset.annotate(
            waiting_on_applicant=Case(
                When(status=S.CHANGES_REQUESTED, then=Value(1)), default=Value(0), output_field=IntegerField()
            )
        ).order_by("waiting_on_applicant", F("decision_due").asc(nulls_last=True), "submitted_at")
    page = Paginator(queryset, 50).get_page(request.GET.get("page"))
    rows = [(a, days_left_for(a)) for a in page]
    return render(request, "services/worklist.html", {"form": form, "page": page, "rows": rows})


# ---- Officer: one application ----------------------------------------------------------------------------------


def _allowed_steps(application: Application, user: Any) -> list[str]:
    """The moves to offer now: those TRANSITIONS allows from here that this user's role may make."""
    steps = []
    for target in sorted(Application.TRANSITIONS[application.status]):
        if target in (S.APPROVED, S.REJECTED) and user.role != Role.LEADER:
            continue
        if target in (S.DEEMED_GRANTED, S.LAPSED):
            continue  # recorded by the daily task when the period has passed, never offered as a choice
        if target in (S.SUBMITTED, S.RESUBMITTED) and application.channel != Application.Channel.COUNTER:
            continue  # the applicant submits their own online application
        steps.append(target)
    return steps


def _timeline(application: Application) -> list[Entry]:
    entries = list(
        Entry.objects.filter(
            subject_type__app_label="services", subject_type__model="application", subject_id=str(application.pk)
        )
        .select_related("actor")
        .order_by("at", "id")
    )
    # Results are stored as their codes; people read the labels ("Perlu perbaikan", not "needs_correction").
    results = {**dict(ApplicationDocument.Status.choices), **dict(FieldCheck.Result.choices)}
    for entry in entries:
        entry.label = labels.label(entry.action)  # type: ignore[attr-defined]
        result = (entry.data or {}).get("result")
        entry.result_label = results.get(result, result) if result else ""  # type: ignore[attr-defined]
    return entries


def _detail_context(request: AuthedHttpRequest, application: Application, **extra: Any) -> dict[str, Any]:
    documents = {d.checklist_item_id: d for d in application.current_documents().select_related("checklist_item")}
    rows = [(item, documents.get(item.pk)) for item in application.checklist()]
    steps = _allowed_steps(application, request.user)
    open_check = application.field_checks.filter(done_at__isnull=True).first()
    context = {
        "application": application,
        "days_left": days_left_for(application),
        "rows": rows,
        "steps": steps,
        "field_checks": application.field_checks.select_related("officer").prefetch_related("photos"),
        "open_check": open_check,
        "schedule_form": ScheduleFieldCheckForm(application=application),
        "record_form": RecordFieldCheckForm(),
        "note_form": NoteForm(),
        "decision_form": DecisionForm(),
        "skt_form": SktForm(),
        "can_verify": application.status in (S.IN_REVIEW, S.FIELD_CHECK),
        "is_leader": request.user.role == Role.LEADER,
        "timeline": _timeline(application),
        "conflicts": application.data.get("name_conflicts"),
        "letters": Letter.objects.filter(
            source_type=ContentType.objects.get_for_model(Application), source_id=application.pk
        ).order_by("pk"),
        "requirement_problems": registration_problems(application.ormas)
        if application.service_type.forwards_to_ministry and not application.is_final
        else [],
    }
    context.update(extra)
    return context


@officer_required
def application_detail(request: AuthedHttpRequest, reference: str) -> HttpResponse:
    application = application_for(request, reference)
    return render(request, "services/application_detail.html", _detail_context(request, application))


@require_POST
@officer_required
def review_start(request: AuthedHttpRequest, reference: str) -> HttpResponse:
    application = application_for(request, reference)
    with refusals_shown(request):
        actions.start_review(application, by=request.user)
        messages.success(request, _("You are now reviewing this application."))
    return back(application)


@require_POST
@officer_required
def document_verify(request: AuthedHttpRequest, reference: str, document_pk: int) -> HttpResponse:
    application = application_for(request, reference)
    document = get_object_or_404(application.current_documents(), pk=document_pk)
    form = VerifyForm(request.POST)
    error = ""
    if form.is_valid():
        with refusals_shown(None) as outcome:
            actions.verify_document(
                document,
                by=request.user,
                valid=form.cleaned_data["result"] == "valid",
                reason=form.cleaned_data["reason"],
            )
        error = outcome.text
    else:
        error = " ".join(str(e) for errors in form.errors.values() for e in errors)
    document.refresh_from_db()
    if request.htmx:
        context: dict[str, Any] = {"application": application, "item": document.checklist_item, "document": document}
        context.update(can_verify=True, row_error=error)
        return render(request, "services/application_detail.html#document-row", context)
    if error:
        messages.error(request, error)
    return back(application, "dokumen")


@require_POST
@officer_required
def changes_request(request: AuthedHttpRequest, reference: str) -> HttpResponse:
    application = application_for(request, reference)
    form = NoteForm(request.POST)
    form.is_valid()
    with refusals_shown(request):
        actions.request_changes(application, by=request.user, note=form.cleaned_data.get("note", ""))
        messages.success(request, _("The application was sent back to the applicant for correction."))
    return back(application)


@require_POST
@officer_required
def field_check_schedule(request: AuthedHttpRequest, reference: str) -> HttpResponse:
    application = application_for(request, reference)
    form = ScheduleFieldCheckForm(request.POST, application=application)
    if not form.is_valid():
        ctx = _detail_context(request, application, schedule_form=form)
        return render(request, "services/application_detail.html", ctx, status=400)
    with refusals_shown(request):
        actions.schedule_field_check(
            application,
            by=request.user,
            scheduled_for=form.cleaned_data["scheduled_for"],
            officer=form.cleaned_data["officer"],
        )
        messages.success(request, _("The field check was scheduled."))
    return back(application, "lapangan")


@officer_required
def field_check_record(request: AuthedHttpRequest, reference: str, check_pk: int) -> HttpResponse:
    application = application_for(request, reference)
    check = get_object_or_404(application.field_checks, pk=check_pk, done_at__isnull=True)
    form = RecordFieldCheckForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        photos = []
        if data["photo"]:
            photos.append(
                (
                    data["photo"],
                    {"latitude": data["latitude"], "longitude": data["longitude"], "taken_at": data["taken_at"]},
                )
            )
        with refusals_shown(request, form=form):
            actions.record_field_check(
                check, by=request.user, result=data["result"], notes=data["notes"], photos=photos
            )
            messages.success(request, _("The field check was recorded."))
            return back(application, "lapangan")
    return render(request, "services/field_check_form.html", {"application": application, "check": check, "form": form})


@require_POST
@officer_required
def decide(request: AuthedHttpRequest, reference: str) -> HttpResponse:
    application = application_for(request, reference)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        ctx = _detail_context(request, application, decision_form=form)
        return render(request, "services/application_detail.html", ctx, status=400)
    with refusals_shown(request):
        if form.cleaned_data["decision"] == "approve":
            actions.approve_application(application, by=request.user, note=form.cleaned_data["note"])
            messages.success(request, _("The application was approved and the letter issued."))
        else:
            actions.reject_application(application, by=request.user, reason=form.cleaned_data["note"])
            messages.success(request, _("The application was rejected."))
    return back(application)


@require_POST
@officer_required
def skt_record(request: AuthedHttpRequest, reference: str) -> HttpResponse:
    application = application_for(request, reference)
    form = SktForm(request.POST)
    if form.is_valid():
        with refusals_shown(request):
            actions.record_skt_issued(
                application,
                form.cleaned_data["number"],
                form.cleaned_data["issued_on"],
                form.cleaned_data["expires_on"],
                by=request.user,
                siola_reference=form.cleaned_data["siola_reference"],
            )
            messages.success(request, _("The SKT was recorded in the registry."))
    else:
        for field_errors in form.errors.values():
            for message in field_errors:
                messages.error(request, str(message))
    return back(application)


@require_POST
@officer_required
def photo_view(request: AuthedHttpRequest, photo_pk: int) -> HttpResponseBase:
    photo = get_object_or_404(
        FieldCheckPhoto.objects.filter(field_check__application__in=visible(request)), pk=photo_pk
    )
    return private_file_response(photo.file, content_type=photo.content_type)


# ---- Counter entry ---------------------------------------------------------------------------------------------


@officer_required
def counter_create(request: AuthedHttpRequest) -> HttpResponse:
    """An officer enters an application for a walk-in: find the Ormas, pick the service, then fill the task list."""
    reachable = Ormas.objects.visible_to(request.user)
    ormas = None
    ormas_pk = request.POST.get("ormas") or request.GET.get("ormas")
    if ormas_pk and str(ormas_pk).isdigit():
        ormas = reachable.filter(pk=ormas_pk).first()
    query = request.GET.get("q", "").strip()
    results = search(reachable, query)[:20] if query and not ormas else []
    form = CounterForm(request.POST or None, user=request.user, initial={"ormas": ormas.pk if ormas else None})
    if request.method == "POST" and form.is_valid():
        with refusals_shown(request, form=form):
            application = actions.create_application(
                service_type=form.cleaned_data["service"],
                ormas=form.cleaned_data["ormas"],
                by=request.user,
                channel=Application.Channel.COUNTER,
                applicant_name=form.cleaned_data["applicant_name"],
                applicant_phone=form.cleaned_data["applicant_phone"],
                applicant_email=form.cleaned_data["applicant_email"],
            )
            messages.success(request, _("Application %(ref)s was started.") % {"ref": application.reference})
            return redirect("services:tasks", application.reference)
    return render(
        request, "services/counter_form.html", {"form": form, "ormas": ormas, "query": query, "results": results}
    )
