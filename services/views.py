"""Officer pages (work list, application detail, counter entry) and applicant pages (Ormas accounts).

Applications are always fetched through a scoped queryset: an officer sees those of offices within their region
scope, an Ormas account only its own Ormas's; anything else is a 404.
"""

import datetime as dt
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, F, IntegerField, Value, When
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import Role
from accounts.typing import AuthedHttpRequest
from audit.models import Entry
from registry.models import Ormas
from registry.search import search
from services import actions
from services.forms import (
    AddressProposalForm,
    BoardProposalForm,
    ChapterProposalForm,
    ContactForm,
    CounterForm,
    DecisionForm,
    NoteForm,
    RecordFieldCheckForm,
    ScheduleFieldCheckForm,
    SktForm,
    StatementsForm,
    UploadForm,
    VerifyForm,
    WorklistFilterForm,
)
from services.models import (
    Application,
    ApplicationDocument,
    ChecklistItem,
    FieldCheck,
    FieldCheckPhoto,
    ServiceType,
)
from wadah.lib.files import private_file_response
from workdays.engine import days_left
from workdays.models import Period

S = Application.Status
OFFICE_ROLES = (Role.OFFICER, Role.LEADER, Role.ADMIN)


def officer_required(view: Any) -> Any:
    @wraps(view)
    def wrapper(request: AuthedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.role not in OFFICE_ROLES or not request.user.scope_code:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return login_required(wrapper)


def ormas_account_required(view: Any) -> Any:
    @wraps(view)
    def wrapper(request: AuthedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.role != Role.ORMAS_ACCOUNT or not request.user.ormas_id:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return login_required(wrapper)


def filer_required(view: Any) -> Any:
    """Pages used both by the Ormas account and by an officer entering a counter application."""

    @wraps(view)
    def wrapper(request: AuthedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        user = request.user
        if not (user.role == Role.ORMAS_ACCOUNT and user.ormas_id) and not (
            user.role in OFFICE_ROLES and user.scope_code
        ):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return login_required(wrapper)


def _visible(request: AuthedHttpRequest) -> Any:
    if request.user.role == Role.ORMAS_ACCOUNT:
        return Application.objects.for_ormas_account(request.user)
    return Application.objects.for_officer(request.user)


def _application_for(request: AuthedHttpRequest, reference: str) -> Application:
    """The application if this user may see it; 404 otherwise, so that others' applications do not reveal they exist."""
    return get_object_or_404(
        _visible(request).select_related("service_type", "ormas", "office", "letter"), reference=reference
    )


def _layout(request: AuthedHttpRequest) -> str:
    return "layouts/applicant.html" if request.user.role == Role.ORMAS_ACCOUNT else "layouts/staff.html"


def _days_left(application: Application) -> int | None:
    due = application.due
    if not due:
        return None
    return days_left(due, region_code=application.office.region_id)


def _errors(request: AuthedHttpRequest, error: ValidationError | PermissionDenied) -> None:
    for message in getattr(error, "messages", None) or [str(error) or _("You may not do this.")]:
        messages.error(request, message)


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
    rows = [(a, _days_left(a)) for a in page]
    return render(request, "services/worklist.html", {"form": form, "page": page, "rows": rows})


# ---- Officer: one application ----------------------------------------------------------------------------------


def _allowed_steps(application: Application, user: Any) -> list[str]:
    """The moves to offer now: those TRANSITIONS allows from here that this user's role may make."""
    steps = []
    for target in sorted(Application.TRANSITIONS[application.status]):
        if target in (S.APPROVED, S.REJECTED) and user.role != Role.LEADER:
            continue
        if target in (S.SUBMITTED, S.RESUBMITTED) and application.channel != Application.Channel.COUNTER:
            continue  # the applicant submits their own online application
        steps.append(target)
    return steps


def timeline_labels() -> dict[str, str]:
    return {
        "application.created": _("Application started"),
        "application.data_updated": _("Data filled in"),
        "application.document_uploaded": _("Document uploaded"),
        "application.submitted": _("Submitted"),
        "application.review_started": _("Review started"),
        "application.document_verified": _("Document checked"),
        "application.changes_requested": _("Sent back for correction"),
        "application.resubmitted": _("Corrections sent"),
        "application.field_check_scheduled": _("Field check scheduled"),
        "application.field_check_recorded": _("Field check recorded"),
        "application.approved": _("Approved"),
        "application.rejected": _("Rejected"),
        "application.withdrawn": _("Withdrawn"),
        "application.skt_recorded": _("SKT recorded"),
    }


def _timeline(application: Application) -> list[Entry]:
    entries = list(
        Entry.objects.filter(
            subject_type__app_label="services", subject_type__model="application", subject_id=str(application.pk)
        )
        .select_related("actor")
        .order_by("at", "id")
    )
    labels = timeline_labels()
    # Results are stored as their codes; people read the labels ("Perlu perbaikan", not "needs_correction").
    results = {**dict(ApplicationDocument.Status.choices), **dict(FieldCheck.Result.choices)}
    for entry in entries:
        entry.label = labels.get(entry.action, entry.action)  # type: ignore[attr-defined]
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
        "days_left": _days_left(application),
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
    }
    context.update(extra)
    return context


@officer_required
def application_detail(request: AuthedHttpRequest, reference: str) -> HttpResponse:
    application = _application_for(request, reference)
    return render(request, "services/application_detail.html", _detail_context(request, application))


def _back(application: Application, anchor: str = "") -> HttpResponse:
    return redirect(application.get_absolute_url() + (f"#{anchor}" if anchor else ""))


@require_POST
@officer_required
def review_start(request: AuthedHttpRequest, reference: str) -> HttpResponse:
    application = _application_for(request, reference)
    try:
        actions.start_review(application, by=request.user)
        messages.success(request, _("You are now reviewing this application."))
    except (ValidationError, PermissionDenied) as error:
        _errors(request, error)
    return _back(application)


@require_POST
@officer_required
def document_verify(request: AuthedHttpRequest, reference: str, document_pk: int) -> HttpResponse:
    application = _application_for(request, reference)
    document = get_object_or_404(application.current_documents(), pk=document_pk)
    form = VerifyForm(request.POST)
    error = ""
    if form.is_valid():
        try:
            actions.verify_document(
                document,
                by=request.user,
                valid=form.cleaned_data["result"] == "valid",
                reason=form.cleaned_data["reason"],
            )
        except (ValidationError, PermissionDenied) as exc:
            error = " ".join(getattr(exc, "messages", [str(exc)]))
    else:
        error = " ".join(str(e) for errors in form.errors.values() for e in errors)
    document.refresh_from_db()
    if request.htmx:
        context: dict[str, Any] = {"application": application, "item": document.checklist_item, "document": document}
        context.update(can_verify=True, row_error=error)
        return render(request, "services/application_detail.html#document-row", context)
    if error:
        messages.error(request, error)
    return _back(application, "dokumen")


@require_POST
@officer_required
def changes_request(request: AuthedHttpRequest, reference: str) -> HttpResponse:
    application = _application_for(request, reference)
    form = NoteForm(request.POST)
    form.is_valid()
    try:
        actions.request_changes(application, by=request.user, note=form.cleaned_data.get("note", ""))
        messages.success(request, _("The application was sent back to the applicant for correction."))
    except (ValidationError, PermissionDenied) as error:
        _errors(request, error)
    return _back(application)


@require_POST
@officer_required
def field_check_schedule(request: AuthedHttpRequest, reference: str) -> HttpResponse:
    application = _application_for(request, reference)
    form = ScheduleFieldCheckForm(request.POST, application=application)
    if not form.is_valid():
        ctx = _detail_context(request, application, schedule_form=form)
        return render(request, "services/application_detail.html", ctx, status=400)
    try:
        actions.schedule_field_check(
            application,
            by=request.user,
            scheduled_for=form.cleaned_data["scheduled_for"],
            officer=form.cleaned_data["officer"],
        )
        messages.success(request, _("The field check was scheduled."))
    except (ValidationError, PermissionDenied) as error:
        _errors(request, error)
    return _back(application, "lapangan")


@officer_required
def field_check_record(request: AuthedHttpRequest, reference: str, check_pk: int) -> HttpResponse:
    application = _application_for(request, reference)
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
        try:
            actions.record_field_check(
                check, by=request.user, result=data["result"], notes=data["notes"], photos=photos
            )
            messages.success(request, _("The field check was recorded."))
            return _back(application, "lapangan")
        except (ValidationError, PermissionDenied) as error:
            for message in getattr(error, "messages", [str(error)]):
                form.add_error(None, message)
    return render(request, "services/field_check_form.html", {"application": application, "check": check, "form": form})


@require_POST
@officer_required
def decide(request: AuthedHttpRequest, reference: str) -> HttpResponse:
    application = _application_for(request, reference)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        ctx = _detail_context(request, application, decision_form=form)
        return render(request, "services/application_detail.html", ctx, status=400)
    try:
        if form.cleaned_data["decision"] == "approve":
            actions.approve_application(application, by=request.user, note=form.cleaned_data["note"])
            messages.success(request, _("The application was approved and the letter issued."))
        else:
            actions.reject_application(application, by=request.user, reason=form.cleaned_data["note"])
            messages.success(request, _("The application was rejected."))
    except (ValidationError, PermissionDenied) as error:
        _errors(request, error)
    return _back(application)


@require_POST
@officer_required
def skt_record(request: AuthedHttpRequest, reference: str) -> HttpResponse:
    application = _application_for(request, reference)
    form = SktForm(request.POST)
    if form.is_valid():
        try:
            actions.record_skt_issued(
                application,
                form.cleaned_data["number"],
                form.cleaned_data["issued_on"],
                form.cleaned_data["expires_on"],
                by=request.user,
            )
            messages.success(request, _("The SKT was recorded in the registry."))
        except (ValidationError, PermissionDenied) as error:
            _errors(request, error)
    else:
        for field_errors in form.errors.values():
            for message in field_errors:
                messages.error(request, str(message))
    return _back(application)


@require_POST
@filer_required
def withdraw(request: AuthedHttpRequest, reference: str) -> HttpResponse:
    application = _application_for(request, reference)
    try:
        actions.withdraw_application(application, by=request.user, reason=request.POST.get("reason", ""))
        messages.success(request, _("The application was withdrawn."))
    except (ValidationError, PermissionDenied) as error:
        _errors(request, error)
    if request.user.role == Role.ORMAS_ACCOUNT:
        return redirect(application.get_applicant_url())
    return _back(application)


# ---- Files ---------------------------------------------------------------------------------------------------


@filer_required
def document_download(request: AuthedHttpRequest, document_pk: int) -> HttpResponseBase:
    document = get_object_or_404(ApplicationDocument.objects.filter(application__in=_visible(request)), pk=document_pk)
    return private_file_response(document.file, filename=document.original_name, content_type=document.content_type)


@officer_required
def photo_view(request: AuthedHttpRequest, photo_pk: int) -> HttpResponseBase:
    photo = get_object_or_404(
        FieldCheckPhoto.objects.filter(field_check__application__in=_visible(request)), pk=photo_pk
    )
    return private_file_response(photo.file, content_type=photo.content_type)


@ormas_account_required
def applicant_letter(request: AuthedHttpRequest, reference: str) -> HttpResponseBase:
    application = _application_for(request, reference)
    letter = application.letter
    if application.status != S.APPROVED or not letter or not letter.pdf:
        raise Http404
    return private_file_response(letter.pdf, filename=f"surat-{application.reference}.pdf")


# ---- Counter entry ---------------------------------------------------------------------------------------------


@officer_required
def counter_create(request: AuthedHttpRequest) -> HttpResponse:
    """An officer enters an application for a walk-in: find the Ormas, pick the service, then fill the task list."""
    visible = Ormas.objects.visible_to(request.user)
    ormas = None
    ormas_pk = request.POST.get("ormas") or request.GET.get("ormas")
    if ormas_pk and str(ormas_pk).isdigit():
        ormas = visible.filter(pk=ormas_pk).first()
    query = request.GET.get("q", "").strip()
    results = search(visible, query)[:20] if query and not ormas else []
    form = CounterForm(request.POST or None, user=request.user, initial={"ormas": ormas.pk if ormas else None})
    if request.method == "POST" and form.is_valid():
        try:
            application = actions.create_application(
                service_type=form.cleaned_data["service"],
                ormas=form.cleaned_data["ormas"],
                by=request.user,
                channel=Application.Channel.COUNTER,
                applicant_name=form.cleaned_data["applicant_name"],
                applicant_phone=form.cleaned_data["applicant_phone"],
                applicant_email=form.cleaned_data["applicant_email"],
            )
        except (ValidationError, PermissionDenied) as error:
            for message in getattr(error, "messages", [str(error)]):
                form.add_error(None, message)
        else:
            messages.success(request, _("Application %(ref)s was started.") % {"ref": application.reference})
            return redirect("services:tasks", application.reference)
    return render(
        request, "services/counter_form.html", {"form": form, "ormas": ormas, "query": query, "results": results}
    )


# ---- Filing: the task list (applicant online, or officer at the counter) -----------------------------------------


def _sections(application: Application) -> dict[str, Any]:
    documents = {d.checklist_item_id: d for d in application.current_documents()}
    items = application.checklist()
    doc_rows = [(item, documents.get(item.pk)) for item in items]
    required = [item for item in items if item.required]
    uploaded = [item for item in required if item.pk in documents]
    corrections = [d for d in documents.values() if d.status == ApplicationDocument.Status.NEEDS_CORRECTION]

    def state(done: bool, started: bool) -> str:
        return "done" if done else ("started" if started else "todo")

    has_data = application.service_type.proposal != "none"
    sections = {
        "data": state(bool(application.proposed), False) if has_data else None,
        "contact": state(bool(application.applicant_name and application.applicant_phone), False),
        "documents": state(len(uploaded) == len(required) and not corrections, bool(documents)),
        "statements": state(application.statements_confirmed, False),
    }
    return {"sections": sections, "doc_rows": doc_rows, "corrections": corrections}


def _editable_for(request: AuthedHttpRequest, reference: str) -> Application:
    application = _application_for(request, reference)
    if not application.is_editable:
        raise Http404
    return application


@filer_required
def tasks(request: AuthedHttpRequest, reference: str) -> HttpResponse:
    application = _application_for(request, reference)
    if not application.is_editable:
        if request.user.role == Role.ORMAS_ACCOUNT:
            return redirect(application.get_applicant_url())
        return _back(application)
    context: dict[str, Any] = {"application": application, "layout": _layout(request), **_sections(application)}
    return render(request, "services/tasks.html", context)


def _to_tasks(application: Application) -> HttpResponse:
    return redirect("services:tasks", application.reference)


@filer_required
def task_data(request: AuthedHttpRequest, reference: str) -> HttpResponse:
    application = _editable_for(request, reference)
    kind = application.service_type.proposal
    form_class: Any = {"board": BoardProposalForm, "address": AddressProposalForm, "chapter": ChapterProposalForm}.get(
        kind
    )
    if form_class is None:
        raise Http404
    initial = (
        BoardProposalForm.initial_from(application.proposed) if kind == "board" else dict(application.proposed or {})
    )
    form = form_class(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if kind == "board":
            proposed = form.proposed()
        else:
            proposed = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
        actions.update_application_data(application, by=request.user, proposed=proposed)
        return _to_tasks(application)
    return render(
        request,
        "services/task_form.html",
        {"application": application, "form": form, "layout": _layout(request), "heading": _("Proposed data")},
    )


@filer_required
def task_contact(request: AuthedHttpRequest, reference: str) -> HttpResponse:
    application = _editable_for(request, reference)
    initial = {
        "applicant_name": application.applicant_name,
        "applicant_phone": application.applicant_phone,
        "applicant_email": application.applicant_email,
        "officials_on_board": application.officials_on_board,
    }
    form = ContactForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        actions.update_application_data(application, by=request.user, **form.cleaned_data)
        return _to_tasks(application)
    return render(
        request,
        "services/task_form.html",
        {"application": application, "form": form, "layout": _layout(request), "heading": _("Contact")},
    )


@filer_required
def task_upload(request: AuthedHttpRequest, reference: str, item_pk: int) -> HttpResponse:
    application = _editable_for(request, reference)
    item = get_object_or_404(ChecklistItem.objects.select_related("document_type"), pk=item_pk)
    if item.pk not in {i.pk for i in application.checklist()}:
        raise Http404
    current = application.current_documents().filter(checklist_item=item).first()
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.upload_application_document(application, item, by=request.user, upload=form.cleaned_data["file"])
        except (ValidationError, PermissionDenied) as error:
            for message in getattr(error, "messages", [str(error)]):
                form.add_error("file", message)
        else:
            messages.success(request, _("“%(document)s” was uploaded.") % {"document": item.document_type.name})
            return redirect(reverse("services:tasks", args=[application.reference]) + "#dokumen")
    context = {"application": application, "item": item, "current": current, "form": form, "layout": _layout(request)}
    return render(request, "services/task_upload.html", context)


@filer_required
def task_statements(request: AuthedHttpRequest, reference: str) -> HttpResponse:
    application = _editable_for(request, reference)
    form = StatementsForm(request.POST or None, initial={"confirm": application.statements_confirmed})
    if request.method == "POST" and form.is_valid():
        actions.update_application_data(application, by=request.user, statements_confirmed=True)
        return _to_tasks(application)
    return render(
        request, "services/task_statements.html", {"application": application, "form": form, "layout": _layout(request)}
    )


@filer_required
def check_answers(request: AuthedHttpRequest, reference: str) -> HttpResponse:
    """Periksa kembali: everything on one page with "Ubah" links, then submit (or resubmit after corrections)."""
    application = _editable_for(request, reference)
    problems: list[str] = []
    if request.method == "POST":
        try:
            if application.status == S.DRAFT:
                actions.submit_application(application, by=request.user)
            else:
                actions.resubmit_application(application, by=request.user)
        except (ValidationError, PermissionDenied) as error:
            problems = list(getattr(error, "messages", [str(error)]))
            application.refresh_from_db()
        else:
            return redirect("services:confirmation", application.reference)
    context = {
        "application": application,
        "layout": _layout(request),
        "problems": problems,
        **_sections(application),
    }
    return render(request, "services/check_answers.html", context, status=400 if problems else 200)


@filer_required
def confirmation(request: AuthedHttpRequest, reference: str) -> HttpResponse:
    application = _application_for(request, reference)
    if application.status not in (S.SUBMITTED, S.RESUBMITTED, S.IN_REVIEW):
        return redirect(
            application.get_applicant_url()
            if request.user.role == Role.ORMAS_ACCOUNT
            else application.get_absolute_url()
        )
    context = {"application": application, "layout": _layout(request), "days_left": _days_left(application)}
    return render(request, "services/confirmation.html", context)


# ---- Applicant pages ----------------------------------------------------------------------------------------


@ormas_account_required
def applicant_home(request: AuthedHttpRequest) -> HttpResponse:
    applications = Application.objects.for_ormas_account(request.user).select_related("service_type", "office")
    rows = [(a, _days_left(a)) for a in applications]
    services = ServiceType.objects.filter(is_active=True, online_allowed=True)
    return render(
        request, "services/applicant_home.html", {"rows": rows, "services": services, "ormas": request.user.ormas}
    )


@ormas_account_required
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
        try:
            application = actions.create_application(service_type=service, ormas=ormas, by=request.user)
        except ValidationError as error:
            _errors(request, error)
        else:
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


@ormas_account_required
def applicant_status(request: AuthedHttpRequest, reference: str) -> HttpResponse:
    application = _application_for(request, reference)
    documents = application.current_documents().select_related("checklist_item__document_type")
    corrections = [d for d in documents if d.status == ApplicationDocument.Status.NEEDS_CORRECTION]
    field_check = application.field_checks.first()
    context = {
        "application": application,
        "days_left": _days_left(application),
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
