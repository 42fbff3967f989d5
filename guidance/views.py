"""Officer pages for programmes, events and invitations. Out-of-scope objects answer 404 (scoped querysets)."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import registry_editor, registry_reader
from accounts.typing import AuthedHttpRequest
from guidance import actions, capacity, exports
from guidance.forms import (
    EventFileForm,
    EventForm,
    InviteFilterForm,
    InviteForm,
    OutcomeForm,
    ProgrammeForm,
    ReasonForm,
)
from guidance.models import Event, EventFile, Invitation, Participant, Programme, ProgrammeType
from registry.models import Ormas
from wadah.lib.files import private_file_response

PAGE_SIZE = 50
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_response(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}-{timezone.localdate():%Y%m%d}.xlsx"'
    return response


def errors_of(error: ValidationError) -> str:
    return " ".join(error.messages)


def programmes_for(request: AuthedHttpRequest) -> Any:
    return Programme.objects.visible_to(request.user).select_related("programme_type", "office", "region")


def programme_for(request: AuthedHttpRequest, pk: int) -> Programme:
    return get_object_or_404(programmes_for(request), pk=pk)


def event_for(request: AuthedHttpRequest, pk: int) -> Event:
    return get_object_or_404(
        Event.objects.visible_to(request.user).select_related("programme__office", "programme__region", "venue_region"),
        pk=pk,
    )


def _scope(request: AuthedHttpRequest) -> str:
    return request.user.scope_code or ""


def _querystring(request: AuthedHttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def _filtered_programmes(request: AuthedHttpRequest) -> Any:
    queryset = (
        programmes_for(request).annotate(event_count=Count("events", distinct=True)).order_by("-starts_on", "-pk")
    )
    q = request.GET.get("q", "").strip()[:100]
    if q:
        queryset = queryset.filter(name__icontains=q)
    if request.GET.get("type"):
        queryset = queryset.filter(programme_type__code=request.GET["type"][:60])
    if request.GET.get("status") in Programme.Status.values:
        queryset = queryset.filter(status=request.GET["status"])
    year = request.GET.get("year", "")
    if year.isdigit() and len(year) == 4:  # a longer number would overflow the database's integer
        queryset = queryset.filter(starts_on__year=int(year))
    return queryset


@registry_reader
def programme_list(request: AuthedHttpRequest) -> HttpResponse:
    page = Paginator(_filtered_programmes(request), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "querystring": _querystring(request),
        "types": ProgrammeType.objects.filter(is_active=True),
        "statuses": Programme.Status.choices,
        "filters": request.GET,
    }
    template = "guidance/programme_list.html#results" if request.htmx else "guidance/programme_list.html"
    return render(request, template, context)


@registry_reader
def programme_export(request: AuthedHttpRequest) -> HttpResponse:
    return xlsx_response(exports.programmes_workbook(_filtered_programmes(request)), "program-pembinaan")


@registry_editor
def programme_form(request: AuthedHttpRequest, pk: int | None = None) -> HttpResponse:
    programme = programme_for(request, pk) if pk else None
    form = ProgrammeForm(request.POST or None, instance=programme, scope=_scope(request))
    if request.method == "POST" and form.is_valid():
        values = form.values()
        fields = form.cleaned_data["fields_of_activity"]
        try:
            if programme is None:
                programme = actions.create_programme(by=request.user, fields_of_activity=fields, **values)
                messages.success(
                    request, _("Programme “%(name)s” was created. Now schedule its events.") % {"name": programme.name}
                )
            else:
                changes = {k: v for k, v in values.items() if getattr(programme, k) != v}
                actions.update_programme(programme, by=request.user, changes=changes, fields_of_activity=fields)
                messages.success(request, _("Programme “%(name)s” was saved.") % {"name": programme.name})
        except ValidationError as error:
            form.add_error(None, error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            return redirect(programme)
    return render(request, "guidance/programme_form.html", {"form": form, "programme": programme})


@registry_reader
def programme_detail(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    programme = programme_for(request, pk)
    events = programme.events.annotate(
        invited=Count("invitations", distinct=True),
        accepted=Count("invitations", filter=Q(invitations__status=Invitation.Status.ACCEPTED), distinct=True),
        present=Count("checkins", distinct=True),
    )
    context = {
        "programme": programme,
        "events": events,
        "effect": capacity.programme_effect(programme, request.user),
        "can_edit": request.user.can_edit_registry and request.user.in_scope(programme.region_id),
        "reason_form": ReasonForm(),
        "dimension_names": capacity.dimension_names(),
    }
    return render(request, "guidance/programme_detail.html", context)


@require_POST
@registry_editor
def programme_move(request: AuthedHttpRequest, pk: int, verb: str) -> HttpResponse:
    programme = programme_for(request, pk)
    try:
        if verb == "mulai":
            actions.start_programme(programme, by=request.user)
        elif verb == "selesai":
            actions.complete_programme(programme, by=request.user)
        elif verb == "batal":
            actions.cancel_programme(programme, by=request.user, reason=request.POST.get("reason", ""))
        else:
            raise ValidationError(_("Unknown step."))
    except ValidationError as error:
        messages.error(request, errors_of(error))
    else:
        programme.refresh_from_db()
        messages.success(request, _("The programme is now “%(status)s”.") % {"status": programme.get_status_display()})
    return redirect(programme)


def _filtered_events(request: AuthedHttpRequest) -> Any:
    queryset = Event.objects.visible_to(request.user).select_related("programme", "venue_region")
    q = request.GET.get("q", "").strip()[:100]
    if q:
        queryset = queryset.filter(Q(title__icontains=q) | Q(programme__name__icontains=q))
    if request.GET.get("status") in Event.Status.values:
        queryset = queryset.filter(status=request.GET["status"])
    when = request.GET.get("when")
    if when == "upcoming":
        queryset = queryset.filter(ends_at__gte=timezone.now())
    elif when == "past":
        queryset = queryset.filter(ends_at__lt=timezone.now())
    return queryset.annotate(
        accepted=Count("invitations", filter=Q(invitations__status=Invitation.Status.ACCEPTED), distinct=True),
        present=Count("checkins", distinct=True),
    ).order_by("-starts_at", "-pk")


@registry_reader
def event_list(request: AuthedHttpRequest) -> HttpResponse:
    page = Paginator(_filtered_events(request), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "querystring": _querystring(request),
        "statuses": Event.Status.choices,
        "filters": request.GET,
    }
    template = "guidance/event_list.html#results" if request.htmx else "guidance/event_list.html"
    return render(request, template, context)


@registry_reader
def event_export(request: AuthedHttpRequest) -> HttpResponse:
    return xlsx_response(exports.events_workbook(_filtered_events(request)), "acara-pembinaan")


@registry_editor
def event_form(request: AuthedHttpRequest, pk: int | None = None, event_pk: int | None = None) -> HttpResponse:
    event = event_for(request, event_pk) if event_pk else None
    programme = event.programme if event else programme_for(request, pk or 0)
    form = EventForm(request.POST or None, instance=event, scope=programme.region_id)
    if request.method == "POST" and form.is_valid():
        values = form.values()
        try:
            if event is None:
                event = actions.create_event(programme, by=request.user, **values)
                messages.success(
                    request, _("Event “%(title)s” was scheduled. Now invite Ormas.") % {"title": event.title}
                )
            else:
                changes = {k: v for k, v in values.items() if getattr(event, k) != v}
                event = actions.update_event(event, by=request.user, changes=changes)
                messages.success(request, _("Event “%(title)s” was saved.") % {"title": event.title})
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, error if isinstance(error, ValidationError) else str(error))
        else:
            return redirect(event)
    return render(request, "guidance/event_form.html", {"form": form, "programme": programme, "event": event})


@registry_reader
def event_detail(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    event = event_for(request, pk)
    invitations = event.invitations.select_related("ormas", "letter").annotate(
        named=Count("participants", distinct=True)
    )
    participants = event.participants.select_related("ormas", "checkin", "certificate", "invitation")
    context = {
        "event": event,
        "programme": event.programme,
        "invitations": invitations,
        "participants": participants,
        "seats_taken": event.seats_taken(),
        "present": event.checkins.count(),
        "files": event.files.all(),
        "can_edit": request.user.can_edit_registry and request.user.in_scope(event.programme.region_id),
        "reason_form": ReasonForm(),
        "outcome_form": OutcomeForm(initial={"report": event.outcome_report}),
        "file_form": EventFileForm(),
        "show_nik": request.user.can_see_personal_data,
    }
    return render(request, "guidance/event_detail.html", context)


@require_POST
@registry_editor
def event_move(request: AuthedHttpRequest, pk: int, verb: str) -> HttpResponse:
    event = event_for(request, pk)
    try:
        if verb == "terlaksana":
            actions.mark_event_held(event, by=request.user)
        elif verb == "batal":
            actions.cancel_event(event, by=request.user, reason=request.POST.get("reason", ""))
        elif verb == "hasil":
            actions.record_outcome(event, by=request.user, report=request.POST.get("report", ""))
        elif verb == "sertifikat":
            made = actions.issue_certificates(event, by=request.user)
            messages.success(request, _("%(count)s certificates were issued.") % {"count": len(made)})
            return redirect(f"{event.get_absolute_url()}#peserta")
        else:
            raise ValidationError(_("Unknown step."))
    except ValidationError as error:
        messages.error(request, errors_of(error))
    else:
        messages.success(request, _("The event “%(title)s” was updated.") % {"title": event.title})
    return redirect(event)


@require_POST
@registry_editor
def event_file_upload(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    event = event_for(request, pk)
    form = EventFileForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            actions.add_event_file(
                event,
                by=request.user,
                kind=form.cleaned_data["kind"],
                upload=form.cleaned_data["file"],
                title=form.cleaned_data["title"],
            )
        except ValidationError as error:
            messages.error(request, errors_of(error))
        else:
            messages.success(request, _("The file was stored."))
    else:
        messages.error(request, _("Choose a file to upload."))
    return redirect(f"{event.get_absolute_url()}#berkas")


@registry_reader
def event_file_download(request: AuthedHttpRequest, file_pk: int) -> HttpResponseBase:
    item = get_object_or_404(EventFile.objects.filter(event__in=Event.objects.visible_to(request.user)), pk=file_pk)
    return private_file_response(item.file, filename=item.original_name, content_type=item.content_type)


@registry_reader
def participant_export(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    event = event_for(request, pk)
    return xlsx_response(exports.participants_workbook(event), f"peserta-{event.pk}")


def _invite_candidates(request: AuthedHttpRequest, event: Event, form: InviteFilterForm) -> Any:
    programme = event.programme
    queryset = (
        Ormas.objects.visible_to(request.user)
        .in_region(programme.region_id)
        .exclude(status__in=actions.NOT_INVITABLE)
        .exclude(pk__in=event.invitations.values("ormas_id"))
        .select_related("region")
    )
    if not form.is_valid():
        return queryset.none()
    data = form.cleaned_data
    if data["q"]:
        queryset = queryset.filter(name__icontains=data["q"])
    if data["regency"]:
        queryset = queryset.filter(regency_code=data["regency"])
    if data["field"]:
        queryset = queryset.filter(fields_of_activity=data["field"])
    return queryset


@registry_editor
def invite_page(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    """Choose whom to invite: suggestions from assessment gaps, or a filtered list to tick by hand."""
    event = event_for(request, pk)
    if not request.user.in_scope(event.programme.region_id):
        raise PermissionDenied
    filter_form = InviteFilterForm(request.GET or None, scope=event.programme.region_id)
    invite_form = InviteForm(request.POST or None)
    if request.method == "POST":
        return _invite(request, event, invite_form)
    gap = request.GET.get("gap", "")[:40]
    suggestions = capacity.suggestions(event, request.user, dimensions=[gap] if gap else None)
    candidates = list(_invite_candidates(request, event, filter_form)[:100]) if request.GET else []
    context = {
        "event": event,
        "programme": event.programme,
        "filter_form": filter_form,
        "invite_form": invite_form,
        "suggestions": suggestions,
        "candidates": candidates,
        "searched": bool(request.GET),
    }
    return render(request, "guidance/invite.html", context)


def _invite(request: AuthedHttpRequest, event: Event, form: InviteForm) -> HttpResponse:
    ids = [int(v) for v in request.POST.getlist("ormas") if v.isdigit()]
    suggested = {int(v) for v in request.POST.getlist("suggested") if v.isdigit()}
    # Any id may be posted; the action refuses Ormas outside the officer's scope (nothing is invited then).
    chosen = list(Ormas.objects.filter(pk__in=ids))
    if len(chosen) != len(set(ids)):
        messages.error(request, _("One of the chosen Ormas does not exist. Nothing was sent."))
        return redirect("guidance:invite", pk=event.pk)
    reasons = {}
    if suggested:
        gap = request.POST.get("gap", "")[:40]
        for suggestion in capacity.suggestions(event, request.user, limit=1000, dimensions=[gap] if gap else None):
            if suggestion.ormas.pk in suggested:
                reasons[suggestion.ormas.pk] = _("Capacity gap: %(gap)s") % {"gap": suggestion.reason}
    form.is_valid()
    source = (
        Invitation.Source.SUGGESTION
        if suggested and suggested >= set(ids)
        else (Invitation.Source.FILTER if request.POST.get("mode") == "filter" else Invitation.Source.MANUAL)
    )
    try:
        made, skipped = actions.invite(
            event,
            chosen,
            by=request.user,
            reason=form.cleaned_data.get("reason", ""),
            reasons=reasons,
            source=source,
            with_letter=form.cleaned_data.get("with_letter", False),
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(f"{request.path}?{request.GET.urlencode()}")
    messages.success(request, _("%(count)s Ormas were invited.") % {"count": len(made)})
    if skipped:
        messages.info(request, _("Already invited: %(names)s.") % {"names": ", ".join(o.name for o in skipped)})
    return redirect(f"{event.get_absolute_url()}#undangan")


@require_POST
@registry_editor
def invitation_withdraw(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    invitation = get_object_or_404(
        Invitation.objects.filter(event__in=Event.objects.visible_to(request.user)).select_related("event"), pk=pk
    )
    try:
        actions.withdraw_invitation(invitation, by=request.user, reason=request.POST.get("reason", ""))
    except ValidationError as error:
        messages.error(request, errors_of(error))
    else:
        messages.success(request, _("The invitation of %(name)s was withdrawn.") % {"name": invitation.ormas.name})
    return redirect(f"{invitation.event.get_absolute_url()}#undangan")


def participant_for(request: AuthedHttpRequest, pk: int) -> Participant:
    return get_object_or_404(
        Participant.objects.filter(event__in=Event.objects.visible_to(request.user)).select_related(
            "event__programme", "ormas"
        ),
        pk=pk,
    )
