"""Staff pages for supervision cases. Cases out of the user's reach are 404; compartmented items pass readable()."""

from collections.abc import Callable
from typing import Any

from django import forms as django_forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import registry_reader
from accounts.models import Agency
from accounts.typing import AuthedHttpRequest
from audit.models import Entry
from supervision import actions, compartments, drafts, rules
from supervision import forms as f
from supervision.exports import case_workbook
from supervision.models import (
    Case,
    CaseDocument,
    CaseDraft,
    CaseNote,
    CaseStep,
    ClarificationMeeting,
    CompartmentShare,
    MediationSession,
)
from supervision.steps import STEP_ACTIONS, available_actions, confirm_text
from wadah.lib.files import private_file_response
from wadah.lib.text import normalize
from wadah.lib.views import refusals_shown
from workdays.engine import days_left

PAGE_SIZE = 25
# History entries that would tell an agency member that another compartment wrote something.
PRIVATE_ENTRIES = {"case.note_added", "case.document_added", "case.meeting_recorded", "case.mediation_recorded"}
S = Case.Status
K = CaseStep.Kind

# Compartmented item kinds that have share controls on the case page (field reports share on their own page).
ITEMS: dict[str, type[Any]] = {
    "catatan": CaseNote,
    "dokumen": CaseDocument,
    "pertemuan": ClarificationMeeting,
    "mediasi": MediationSession,
}


def _case_for(request: AuthedHttpRequest, reference: str) -> Case:
    """The case if the user may see it; 404 otherwise, so that cases out of reach do not reveal they exist."""
    return get_object_or_404(
        Case.objects.visible_to(request.user).select_related("office", "ormas", "opened_by"), reference=reference
    )


# ---------------------------------------------------------------- list and search


def _search(queryset: Any, user: Any, q: str) -> Any:
    """Reference, subject and the text of the notes the user may read (never another compartment's)."""
    q = q.strip()
    if not q:
        return queryset
    notes = compartments.readable(user, CaseNote.objects.filter(case=OuterRef("pk"), text__icontains=q))
    meetings = compartments.readable(
        user, ClarificationMeeting.objects.filter(case=OuterRef("pk"), minutes__icontains=q)
    )
    return queryset.filter(
        Q(reference__icontains=q)
        | Q(ormas__name_search__contains=normalize(q))
        | Q(subject_name__icontains=q)
        | Q(summary__icontains=q)
        | Exists(notes)
        | Exists(meetings)
    )


@registry_reader
def case_list(request: AuthedHttpRequest) -> HttpResponse:
    form = f.CaseFilterForm(request.GET or None)
    queryset = Case.objects.visible_to(request.user).select_related("office", "ormas")
    if form.is_valid():
        data = form.cleaned_data
        if data["status"]:
            queryset = queryset.filter(status=data["status"])
        if data["open_only"]:
            queryset = queryset.open()
        queryset = _search(queryset, request.user, data["q"] or "")
    page = Paginator(queryset.order_by("-opened_at", "-id"), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "supervision/case_list.html",
        {"form": form, "page": page, "can_open": request.user.role in ("petugas", "pimpinan")},
    )


@registry_reader
def case_open(request: AuthedHttpRequest) -> HttpResponse:
    if request.user.role not in ("petugas", "pimpinan"):
        raise PermissionDenied
    form = f.OpenCaseForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusals_shown(request, form=form):
            case = actions.open_case(
                ormas=data["ormas"],
                subject_name=data["subject_name"],
                office=data["office"],
                by=request.user,
                summary=data["summary"],
                source=data["source"],
            )
            messages.success(request, _("Case %(ref)s opened.") % {"ref": case.reference})
            return redirect(case.get_absolute_url())
    return render(request, "supervision/case_open.html", {"form": form})


@registry_reader
def case_step(request: AuthedHttpRequest, reference: str, action: str) -> HttpResponse:
    case = _case_for(request, reference)
    step_action = STEP_ACTIONS.get(action)
    if step_action is None:
        raise Http404
    if not rules.is_handler(request.user, case):
        raise PermissionDenied
    if action not in dict(available_actions(case, request.user)):
        messages.error(request, _("This step is not possible for the case now."))
        return redirect(case.get_absolute_url())
    form = step_action.form(request.POST or None, initial=step_action.initial(case))
    # An officer prepares a sanction step; only a Pimpinan of the office decides and signs it (issue 11).
    drafting = bool(step_action.draft_kind) and not rules.is_decider(request.user, case)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusals_shown(request, form=form):
            if drafting:
                drafts.draft_step(
                    case,
                    step_action.draft_kind,
                    by=request.user,
                    legal_basis=data["legal_basis"],
                    text=data.get("findings") or data.get("reason") or "",
                    letter_body=data.get("letter_body") or "",
                )
                messages.success(request, _("Draft saved: a Pimpinan of the office decides and signs it."))
            else:
                step_action.run(case, request.user, data)
                messages.success(request, _("Recorded: %(step)s.") % {"step": step_action.label})
            return redirect(case.get_absolute_url())
    return render(
        request,
        "supervision/step_form.html",
        {
            "case": case,
            "form": form,
            "action": step_action,
            "confirm": confirm_text(case, action, step_action),
            "proposal": rules.propose_next_step(case),
            "drafting": drafting,
        },
    )


# ---------------------------------------------------------------- the case page


def _shares_for(items: list[Any]) -> dict[tuple[int, int], list[CompartmentShare]]:
    by_type: dict[int, list[int]] = {}
    for item in items:
        by_type.setdefault(ContentType.objects.get_for_model(item).pk, []).append(item.pk)
    result: dict[tuple[int, int], list[CompartmentShare]] = {}
    query = Q(pk__in=[])
    for type_id, ids in by_type.items():
        query |= Q(content_type_id=type_id, object_id__in=ids)
    for share in CompartmentShare.objects.filter(query).select_related("agency", "shared_by"):
        result.setdefault((share.content_type_id, share.object_id), []).append(share)
    return result


def _decorate(items: list[Any], slug: str, user: Any, shares: dict[tuple[int, int], list[CompartmentShare]]) -> None:
    for item in items:
        item.slug = slug
        item.shares = shares.get((ContentType.objects.get_for_model(item).pk, item.pk), [])
        item.can_share = compartments.can_share(user, item)


@registry_reader
def case_detail(request: AuthedHttpRequest, reference: str) -> HttpResponse:
    case = _case_for(request, reference)
    user = request.user
    notes = list(compartments.readable(user, case.notes.select_related("agency", "author")))
    documents = list(compartments.readable(user, case.documents.select_related("agency", "author")))
    meetings = list(compartments.readable(user, case.meetings.select_related("agency", "author")))
    mediations = list(compartments.readable(user, case.mediations.select_related("agency", "author")))
    shares = _shares_for(notes + documents + meetings + mediations)
    for items, slug in ((notes, "catatan"), (documents, "dokumen"), (meetings, "pertemuan"), (mediations, "mediasi")):
        _decorate(items, slug, user, shares)
    compartments_seen: dict[Any, list[CaseNote]] = {}
    for note in notes:
        compartments_seen.setdefault(note.agency, []).append(note)
    reports = list(compartments.readable(user, case.field_reports.all()).select_related("agency", "author"))
    steps = list(case.steps.select_related("decided_by", "letter"))
    for step in steps:
        step.days_left = (  # type: ignore[attr-defined]
            days_left(step.deadline, region_code=case.office.region_id)
            if step.deadline and step.kind == K.WRITTEN_WARNING and case.status == S.WRITTEN_WARNING
            else None
        )
    is_handler = rules.is_handler(user, case)
    readable_keys = {
        (ContentType.objects.get_for_model(i).pk, str(i.pk)) for i in notes + documents + meetings + mediations
    }
    case_type = ContentType.objects.get_for_model(Case)
    history = [
        entry
        for entry in Entry.objects.filter(
            Q(subject_type=case_type, subject_id=str(case.pk))
            | Q(action__startswith="compartment.", data__case=case.reference)
        )
        .select_related("actor")
        .order_by("-at", "-id")[:200]
        if (entry.subject_type_id == case_type.pk or (entry.subject_type_id, entry.subject_id) in readable_keys)
        and (is_handler or entry.action not in PRIVATE_ENTRIES or entry.actor_id == user.pk)
    ]
    can_write = is_handler or bool(
        user.role == "anggota_tim" and user.agency_id and case.members.filter(agency=user.agency).exists()
    )
    available = available_actions(case, user)
    return render(
        request,
        "supervision/case_detail.html",
        {
            "case": case,
            "primary_actions": available[:3],
            "more_actions": available[3:],
            "is_handler": is_handler,
            "can_write": can_write and not case.is_final,
            "complaints": list(case.complaints.all()) if is_handler else [],
            "reports": reports,
            "notes_by_compartment": list(compartments_seen.items()),
            "documents": documents,
            "meetings": meetings,
            "mediations": mediations,
            "steps": steps,
            "history": history,
            "members": list(case.members.select_related("agency")),
            "proposal": rules.propose_next_step(case) if is_handler else None,
            "note_form": f.NoteForm(),
            "document_form": f.DocumentForm(),
            "meeting_form": f.MeetingForm(),
            "mediation_form": f.MediationForm(),
            "member_form": f.MemberForm(case=case),
            "share_form": f.ShareForm(case=case),
            "response_form": f.ResponseForm(),
            "draft": drafts.pending(case) if is_handler else None,
            "is_decider": rules.is_decider(user, case),
            "return_form": f.ReturnDraftForm(),
            "classify_form": f.ClassifyForm(initial={"articles": list(case.articles.all()), "spread": case.spread}),
            "articles": list(case.articles.all()),
            "competence": rules.competence_for(case),
            "delivery_form": f.DeliveryForm(),
        },
    )


# ---------------------------------------------------------------- file contents


def _post_action(
    request: AuthedHttpRequest,
    case: Case,
    anchor: str,
    run: Callable[[], Any],
    done: str,
    *,
    form: django_forms.Form | None = None,
    invalid: str = "",
) -> HttpResponse:
    """Run an action from the case page and go back to its section; a form that does not validate runs nothing and
    says why (`invalid`, or the form's own errors)."""
    if form is not None and not form.is_valid():
        messages.error(request, invalid or _form_errors(form))
    else:
        with refusals_shown(request):
            run()
            messages.success(request, done)
    return redirect(f"{case.get_absolute_url()}#{anchor}")


def _form_errors(form: django_forms.Form) -> str:
    return " ".join(
        f"{form.fields[k].label if k in form.fields else ''}: {' '.join(str(e) for e in v)}".lstrip(": ")
        for k, v in form.errors.items()
    )


@require_POST
@registry_reader
def note_add(request: AuthedHttpRequest, reference: str) -> HttpResponse:
    case = _case_for(request, reference)
    form = f.NoteForm(request.POST)
    return _post_action(
        request,
        case,
        "catatan",
        lambda: actions.add_note(case, by=request.user, text=form.cleaned_data["text"]),
        _("Note saved."),
        form=form,
    )


@require_POST
@registry_reader
def document_add(request: AuthedHttpRequest, reference: str) -> HttpResponse:
    case = _case_for(request, reference)
    form = f.DocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return redirect(f"{case.get_absolute_url()}#dokumen")
    data = form.cleaned_data
    return _post_action(
        request,
        case,
        "dokumen",
        lambda: actions.add_document(case, by=request.user, title=data["title"], upload=data["file"]),
        _("Document saved."),
    )


@registry_reader
def document_download(request: AuthedHttpRequest, reference: str, pk: int) -> HttpResponseBase:
    case = _case_for(request, reference)
    document = get_object_or_404(compartments.readable(request.user, case.documents.all()), pk=pk)
    return private_file_response(document.file, filename=document.original_name, content_type=document.content_type)


@registry_reader
def item_detail(request: AuthedHttpRequest, reference: str, kind: str, pk: int) -> HttpResponse:
    """One compartmented item on its own page (the address a share or a search result links to)."""
    case = _case_for(request, reference)
    model = ITEMS.get(kind)
    if model is None:
        raise Http404
    item = get_object_or_404(compartments.readable(request.user, model.objects.filter(case=case)), pk=pk)
    return render(request, "supervision/item_detail.html", {"case": case, "item": item, "kind": kind})


@require_POST
@registry_reader
def meeting_add(request: AuthedHttpRequest, reference: str) -> HttpResponse:
    case = _case_for(request, reference)
    form = f.MeetingForm(request.POST)
    return _post_action(
        request,
        case,
        "klarifikasi",
        lambda: actions.add_meeting(case, by=request.user, **form.cleaned_data),
        _("Clarification meeting recorded."),
        form=form,
    )


@require_POST
@registry_reader
def mediation_add(request: AuthedHttpRequest, reference: str) -> HttpResponse:
    case = _case_for(request, reference)
    form = f.MediationForm(request.POST)
    return _post_action(
        request,
        case,
        "mediasi",
        lambda: actions.record_mediation(case, by=request.user, **form.cleaned_data),
        _("Mediation session recorded."),
        form=form,
    )


@require_POST
@registry_reader
def member_add(request: AuthedHttpRequest, reference: str) -> HttpResponse:
    case = _case_for(request, reference)
    form = f.MemberForm(request.POST, case=case)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return redirect(f"{case.get_absolute_url()}#anggota")
    agency = form.cleaned_data["agency"]
    return _post_action(
        request,
        case,
        "anggota",
        lambda: actions.add_member(case, agency, by=request.user),
        _("%(agency)s now takes part in the case.") % {"agency": agency},
    )


@require_POST
@registry_reader
def response_add(request: AuthedHttpRequest, reference: str, step_pk: int) -> HttpResponse:
    case = _case_for(request, reference)
    step = get_object_or_404(case.steps.all(), pk=step_pk)
    form = f.ResponseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return redirect(f"{case.get_absolute_url()}#langkah")
    data = form.cleaned_data
    return _post_action(
        request,
        case,
        "langkah",
        lambda: actions.record_response(step, data["text"], data["received_on"], by=request.user),
        _("The Ormas's response was recorded."),
    )


def _item_for(request: AuthedHttpRequest, case: Case, kind: str, pk: int) -> Any:
    model = ITEMS.get(kind)
    if model is None:
        raise Http404
    return get_object_or_404(compartments.readable(request.user, model.objects.filter(case=case)), pk=pk)


@require_POST
@registry_reader
def item_share(request: AuthedHttpRequest, reference: str, kind: str, pk: int) -> HttpResponse:
    case = _case_for(request, reference)
    item = _item_for(request, case, kind, pk)
    form = f.ShareForm(request.POST, case=case)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return redirect(f"{case.get_absolute_url()}#{kind}")
    agency = form.cleaned_data["agency"]
    return _post_action(
        request,
        case,
        kind,
        lambda: compartments.share(item, with_agency=agency, by=request.user, note=form.cleaned_data["note"]),
        _("Shared with %(agency)s.") % {"agency": agency},
    )


@require_POST
@registry_reader
def item_unshare(request: AuthedHttpRequest, reference: str, kind: str, pk: int, agency_pk: int) -> HttpResponse:
    case = _case_for(request, reference)
    item = _item_for(request, case, kind, pk)
    agency = get_object_or_404(Agency, pk=agency_pk)
    return _post_action(
        request,
        case,
        kind,
        lambda: compartments.unshare(item, agency=agency, by=request.user),
        _("No longer shared with %(agency)s.") % {"agency": agency},
    )


@registry_reader
def case_export(request: AuthedHttpRequest, reference: str) -> HttpResponse:
    case = _case_for(request, reference)
    content = case_workbook(case, request.user)
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{case.reference}.xlsx"'
    return response


# ---------------------------------------------------------------- drafts, classification, delivery


@require_POST
@registry_reader
def draft_decide(request: AuthedHttpRequest, reference: str, pk: int) -> HttpResponse:
    """A Pimpinan decides and signs the pending draft (the step's own action runs with the Pimpinan)."""
    case = _case_for(request, reference)
    draft = get_object_or_404(CaseDraft, case=case, pk=pk)
    return _post_action(
        request, case, "langkah", lambda: drafts.decide_draft(draft, by=request.user), _("Decided and signed.")
    )


@require_POST
@registry_reader
def draft_return(request: AuthedHttpRequest, reference: str, pk: int) -> HttpResponse:
    case = _case_for(request, reference)
    draft = get_object_or_404(CaseDraft, case=case, pk=pk)
    form = f.ReturnDraftForm(request.POST)
    return _post_action(
        request,
        case,
        "langkah",
        lambda: drafts.return_draft(draft, by=request.user, note=form.cleaned_data["note"]),
        _("The draft was sent back to the officer."),
        form=form,
        invalid=_("Say why the draft is sent back."),
    )


@require_POST
@registry_reader
def case_classify(request: AuthedHttpRequest, reference: str) -> HttpResponse:
    case = _case_for(request, reference)
    form = f.ClassifyForm(request.POST)
    return _post_action(
        request,
        case,
        "pelanggaran",
        lambda: actions.classify_case(
            case, by=request.user, articles=form.cleaned_data["articles"], spread=form.cleaned_data["spread"]
        ),
        _("The breached articles were recorded."),
        form=form,
        invalid=_("Choose where the violation happened."),
    )


@require_POST
@registry_reader
def delivery_add(request: AuthedHttpRequest, reference: str, step_pk: int) -> HttpResponse:
    case = _case_for(request, reference)
    step = get_object_or_404(CaseStep, case=case, pk=step_pk)
    form = f.DeliveryForm(request.POST)
    return _post_action(
        request,
        case,
        "langkah",
        lambda: actions.record_delivery(
            step, by=request.user, delivered_on=form.cleaned_data["delivered_on"], method=form.cleaned_data["method"]
        ),
        _("The delivery was recorded."),
        form=form,
        invalid=_("Give the delivery date (not in the future) and how it was delivered."),
    )
