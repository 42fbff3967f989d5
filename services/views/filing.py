"""Filing an application: the task list, used by the Ormas account online and by an officer at the counter."""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.decorators import filer_required
from accounts.models import Role
from accounts.typing import AuthedHttpRequest
from services import actions, prefill
from services.forms import (
    ActivityProposalForm,
    AddressProposalForm,
    BoardProposalForm,
    ChapterProposalForm,
    ContactForm,
    StatementsForm,
    UploadForm,
)
from services.models import (
    Application,
    ApplicationDocument,
    ChecklistItem,
)
from services.views.common import application_for, back, days_left_for, layout_for, visible
from wadah.lib.files import private_file_response
from wadah.lib.views import refusals_shown

S = Application.Status


@filer_required
def withdraw(request: AuthedHttpRequest, reference: str) -> HttpResponse:
    application = application_for(request, reference)
    with refusals_shown(request):
        actions.withdraw_application(application, by=request.user, reason=request.POST.get("reason", ""))
        messages.success(request, _("The application was withdrawn."))
    if request.user.role == Role.ORMAS_ACCOUNT:
        return redirect(application.get_applicant_url())
    return back(application)


@filer_required
def document_download(request: AuthedHttpRequest, document_pk: int) -> HttpResponseBase:
    document = get_object_or_404(ApplicationDocument.objects.filter(application__in=visible(request)), pk=document_pk)
    return private_file_response(document.file, filename=document.original_name, content_type=document.content_type)


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
    parts = prefill.shown(application) if prefill.parts_for(application.service_type.code) else []
    sections = {
        "prefill": state(not any(p.needs_answer for p in parts), any(p.answer for p in parts)) if parts else None,
        "data": state(bool(application.proposed), False) if has_data else None,
        "contact": state(bool(application.applicant_name and application.applicant_phone), False),
        "documents": state(len(uploaded) == len(required) and not corrections, bool(documents)),
        "statements": state(application.statements_confirmed, False),
    }
    return {"sections": sections, "doc_rows": doc_rows, "corrections": corrections, "prefill_parts": parts}


def _editable_for(request: AuthedHttpRequest, reference: str) -> Application:
    application = application_for(request, reference)
    if not application.is_editable:
        raise Http404
    return application


@filer_required
def tasks(request: AuthedHttpRequest, reference: str) -> HttpResponse:
    application = application_for(request, reference)
    if not application.is_editable:
        if request.user.role == Role.ORMAS_ACCOUNT:
            return redirect(application.get_applicant_url())
        return back(application)
    context: dict[str, Any] = {"application": application, "layout": layout_for(request), **_sections(application)}
    return render(request, "services/tasks.html", context)


def _to_tasks(application: Application) -> HttpResponse:
    return redirect("services:tasks", application.reference)


@filer_required
def task_data(request: AuthedHttpRequest, reference: str) -> HttpResponse:
    application = _editable_for(request, reference)
    kind = application.service_type.proposal
    form_class: Any = {
        "board": BoardProposalForm,
        "address": AddressProposalForm,
        "chapter": ChapterProposalForm,
        "activity": ActivityProposalForm,
    }.get(kind)
    if form_class is None:
        raise Http404
    initial = (
        BoardProposalForm.initial_from(application.proposed) if kind == "board" else dict(application.proposed or {})
    )
    form = form_class(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if kind in ("board", "activity"):
            proposed = form.proposed()
        else:
            proposed = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
        actions.update_application_data(application, by=request.user, proposed=proposed)
        return _to_tasks(application)
    return render(
        request,
        "services/task_form.html",
        {"application": application, "form": form, "layout": layout_for(request), "heading": _("Proposed data")},
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
        {"application": application, "form": form, "layout": layout_for(request), "heading": _("Contact")},
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
        with refusals_shown(request, form=form, field="file"):
            actions.upload_application_document(application, item, by=request.user, upload=form.cleaned_data["file"])
            messages.success(request, _("“%(document)s” was uploaded.") % {"document": item.document_type.name})
            return redirect(reverse("services:tasks", args=[application.reference]) + "#dokumen")
    context = {
        "application": application,
        "item": item,
        "current": current,
        "form": form,
        "layout": layout_for(request),
    }
    return render(request, "services/task_upload.html", context)


@filer_required
def task_prefill(request: AuthedHttpRequest, reference: str) -> HttpResponse:
    """What Wadah already knows for each part of the report (services/prefill.py): confirm it or correct it."""
    application = _editable_for(request, reference)
    if not prefill.parts_for(application.service_type.code):
        raise Http404
    if request.method == "POST":
        code = request.POST.get("part", "")[:60]
        with refusals_shown(request) as outcome:
            actions.answer_prefill_part(
                application,
                code,
                by=request.user,
                confirmed=request.POST.get("answer") == "confirm",
                correction=request.POST.get("correction", ""),
            )
            messages.success(request, _("Your answer was saved."))
        if outcome.ok:
            return redirect(reverse("services:task-prefill", args=[application.reference]) + f"#part-{code}")
    is_account = request.user.role == Role.ORMAS_ACCOUNT
    rows = [
        (row, reverse(row.part.edit_url_name) if is_account and row.part.edit_url_name else "")
        for row in prefill.shown(application)
    ]
    context = {
        "application": application,
        "rows": rows,
        "year": prefill.year_of(application),
        "layout": layout_for(request),
    }
    return render(request, "services/task_prefill.html", context)


@filer_required
def task_statements(request: AuthedHttpRequest, reference: str) -> HttpResponse:
    application = _editable_for(request, reference)
    form = StatementsForm(request.POST or None, initial={"confirm": application.statements_confirmed})
    if request.method == "POST" and form.is_valid():
        actions.update_application_data(application, by=request.user, statements_confirmed=True)
        return _to_tasks(application)
    return render(
        request,
        "services/task_statements.html",
        {"application": application, "form": form, "layout": layout_for(request)},
    )


@filer_required
def check_answers(request: AuthedHttpRequest, reference: str) -> HttpResponse:
    """Periksa kembali: everything on one page with "Ubah" links, then submit (or resubmit after corrections)."""
    application = _editable_for(request, reference)
    problems: list[str] = []
    if request.method == "POST":
        with refusals_shown(None) as outcome:
            if application.status == S.DRAFT:
                actions.submit_application(application, by=request.user)
            else:
                actions.resubmit_application(application, by=request.user)
            return redirect("services:confirmation", application.reference)
        problems = outcome.refusals
        application.refresh_from_db()
    context = {
        "application": application,
        "layout": layout_for(request),
        "problems": problems,
        **_sections(application),
    }
    return render(request, "services/check_answers.html", context, status=400 if problems else 200)


@filer_required
def confirmation(request: AuthedHttpRequest, reference: str) -> HttpResponse:
    application = application_for(request, reference)
    if application.status not in (S.SUBMITTED, S.RESUBMITTED, S.IN_REVIEW):
        return redirect(
            application.get_applicant_url()
            if request.user.role == Role.ORMAS_ACCOUNT
            else application.get_absolute_url()
        )
    context = {"application": application, "layout": layout_for(request), "days_left": days_left_for(application)}
    return render(request, "services/confirmation.html", context)
