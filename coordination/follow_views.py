"""Follow-through pages: an agency's action items, one item (progress, closing with evidence), and the joint
protocol (clauses, what changed, endorsements, citations)."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.typing import AuthedHttpRequest
from coordination import access, actions, citations
from coordination import forms as f
from coordination.diff import clause_diff
from coordination.models import ActionItem, Clause, Meeting, ProtocolVersion, Team
from coordination.views import coordination_user, run, team_for
from fieldreports.models import FieldReport
from supervision.models import Case, CaseStep
from wadah.lib.files import private_file_response

PAGE_SIZE = 25


def _visible_items(user: Any) -> Any:
    """Items of meetings the user may open, and every item their own agency owns."""
    agency = access.agency_of(user)
    rule = Q(meeting__in=Meeting.objects.visible_to(user))
    if agency is not None:
        rule |= Q(owner_agency=agency)
    return ActionItem.objects.filter(rule)


@coordination_user
def agency_items(request: AuthedHttpRequest) -> HttpResponse:
    """The page of an agency member: their agency's items, open first, overdue flagged."""
    agency = access.agency_of(request.user)
    if agency is None:
        raise PermissionDenied
    show = request.GET.get("tampil", "terbuka")
    items = ActionItem.objects.filter(owner_agency=agency).select_related("meeting", "team", "owner_agency")
    items = items.open() if show == "terbuka" else items.exclude(status__in=ActionItem.OPEN)
    page = Paginator(items.order_by("due_on", "id"), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "agency": agency,
        "page": page,
        "show": show,
        "today": timezone.localdate(),
        "querystring": f"tampil={show}",
        "overdue": ActionItem.objects.filter(owner_agency=agency).overdue(timezone.localdate()).count(),
    }
    return render(request, "coordination/agency_items.html", context)


def _item(request: AuthedHttpRequest, pk: int) -> ActionItem:
    queryset = _visible_items(request.user).select_related(
        "meeting__team", "meeting__chair", "owner_agency", "decision__agenda_item", "closed_by"
    )
    return get_object_or_404(queryset, pk=pk)


@coordination_user
def item_detail(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk)
    user = request.user
    may_close = access.may_close(user, item)
    context = {
        "item": item,
        "today": timezone.localdate(),
        "may_close": may_close and item.is_open,
        "may_report": (may_close or access.is_secretariat(user, item.team)) and item.is_open,
        "may_cancel": access.is_chair(user, item.meeting) and item.is_open,
        "close_form": f.CloseItemForm(),
        "progress_form": f.ProgressForm(),
        "cancel_form": f.ReasonForm(),
    }
    return render(request, "coordination/item_detail.html", context)


@require_POST
@coordination_user
def item_close(request: AuthedHttpRequest, pk: int) -> HttpResponseBase:
    item = _item(request, pk)
    form = f.CloseItemForm(request.POST, request.FILES)
    form.is_valid()
    evidence = form.cleaned_data.get("evidence", "")
    upload = form.cleaned_data.get("evidence_file")
    action = lambda: actions.close_item(item, by=request.user, evidence=evidence, upload=upload)  # noqa: E731
    run(request, action, _("The item was closed with its evidence."))
    return redirect(item)


@require_POST
@coordination_user
def item_progress(request: AuthedHttpRequest, pk: int) -> HttpResponseBase:
    item = _item(request, pk)
    note = request.POST.get("note", "")
    run(request, lambda: actions.report_progress(item, by=request.user, note=note), _("The progress was recorded."))
    return redirect(item)


@require_POST
@coordination_user
def item_cancel(request: AuthedHttpRequest, pk: int) -> HttpResponseBase:
    item = _item(request, pk)
    reason = request.POST.get("reason", "")
    run(request, lambda: actions.cancel_item(item, by=request.user, reason=reason), _("The item was cancelled."))
    return redirect(item)


@coordination_user
def item_evidence(request: AuthedHttpRequest, pk: int) -> HttpResponseBase:
    item = _item(request, pk)
    if not item.evidence_file:
        raise Http404
    return private_file_response(item.evidence_file, filename=item.evidence_name, content_type=item.evidence_type)


# ---------------------------------------------------------------- the joint protocol


def _protocol(request: AuthedHttpRequest, pk: int) -> ProtocolVersion:
    teams = Team.objects.visible_to(request.user)
    return get_object_or_404(ProtocolVersion.objects.filter(team__in=teams).select_related("team"), pk=pk)


@coordination_user
def protocol_create(request: AuthedHttpRequest, team_pk: int) -> HttpResponseBase:
    team = team_for(request, team_pk)
    form = f.ProtocolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        made: list[ProtocolVersion] = []
        action = lambda: made.append(  # noqa: E731
            actions.create_protocol_version(team, by=request.user, title=form.cleaned_data["title"])
        )
        if run(request, action, _("A new draft version was started (a copy of the latest)."), form):
            return redirect(made[0])
    return render(request, "coordination/protocol_form.html", {"form": form, "team": team})


@coordination_user
def protocol_detail(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    version = _protocol(request, pk)
    user = request.user
    team = version.team
    is_secretariat = access.is_secretariat(user, team)
    endorsed = {e.agency_id: e for e in version.endorsements.select_related("agency", "representative")}
    required = list(version.required_agencies.order_by("region_id", "abbreviation"))
    for agency in required:
        agency.endorsement = endorsed.get(agency.pk)  # type: ignore[attr-defined]
    own = access.agency_of(user)
    previous = version.previous()
    clauses = list(version.clauses.prefetch_related("citations__case_step__case"))
    # The field reports citing each clause: those the viewer may read, and how many others (compartments).
    citing = citations.reports_citing(user, clauses)
    for clause in clauses:
        clause.reports = citing.get(clause.pk, citations.ClauseReports())  # type: ignore[attr-defined]
        clause.step_citations = [c for c in clause.citations.all() if c.case_step_id]  # type: ignore[attr-defined]
    cite_steps = None
    if version.status == ProtocolVersion.Status.IN_FORCE and user.can_edit_registry:
        cite_steps = (
            CaseStep.objects.filter(case__in=Case.objects.visible_to(user).open())
            .select_related("case")
            .order_by("-decided_on", "-id")[:50]
        )
    context = {
        "version": version,
        "team": team,
        "clauses": clauses,
        "changes": clause_diff(list(previous.clauses.all()), clauses) if previous else None,
        "previous": previous,
        "required": required,
        "is_secretariat": is_secretariat,
        "may_endorse": bool(
            version.status == ProtocolVersion.Status.PROPOSED
            and own is not None
            and own.pk in {a.pk for a in required}
            and own.pk not in endorsed
        ),
        "own_agency": own,
        "clause_form": f.ClauseForm() if is_secretariat and version.status == ProtocolVersion.Status.DRAFT else None,
        "cite_form": f.CiteForm(steps=CaseStep.objects.filter(pk__in=[s.pk for s in cite_steps]))
        if cite_steps
        else None,
    }
    return render(request, "coordination/protocol_detail.html", context)


@require_POST
@coordination_user
def protocol_clause(request: AuthedHttpRequest, pk: int) -> HttpResponseBase:
    version = _protocol(request, pk)
    form = f.ClauseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Number the clause and choose its topic."))
        return redirect(version)
    d = form.cleaned_data
    action = lambda: actions.set_clause(version, by=request.user, **d)  # noqa: E731
    run(request, action, _("Clause %(n)s was saved.") % {"n": d["number"]})
    return redirect(version)


@require_POST
@coordination_user
def protocol_propose(request: AuthedHttpRequest, pk: int) -> HttpResponseBase:
    version = _protocol(request, pk)
    done = _("The version was proposed; each member agency's representative endorses it.")
    run(request, lambda: actions.propose_protocol(version, by=request.user), done)
    return redirect(version)


@require_POST
@coordination_user
def protocol_endorse(request: AuthedHttpRequest, pk: int) -> HttpResponseBase:
    version = _protocol(request, pk)
    agency = get_object_or_404(version.required_agencies.all(), pk=request.POST.get("agency") or 0)
    action = lambda: actions.endorse_protocol(version, by=request.user, agency=agency)  # noqa: E731
    run(request, action, _("%(agency)s endorsed this version.") % {"agency": agency})
    return redirect(version)


@require_POST
@coordination_user
def protocol_cite(request: AuthedHttpRequest, pk: int, clause_pk: int) -> HttpResponseBase:
    version = _protocol(request, pk)
    clause = get_object_or_404(Clause, pk=clause_pk, version=version)
    steps = CaseStep.objects.filter(case__in=Case.objects.visible_to(request.user))
    form = f.CiteForm(request.POST, steps=steps)
    if not form.is_valid():
        messages.error(request, _("Choose the case step that cites the clause."))
        return redirect(version)
    step = form.cleaned_data["step"]
    action = lambda: actions.cite_clause(clause, by=request.user, case_step=step)  # noqa: E731
    run(request, action, _("Case %(ref)s now cites clause %(n)s.") % {"ref": step.case.reference, "n": clause.number})
    return redirect(version)


@require_POST
@coordination_user
def field_report_cite(request: AuthedHttpRequest, report_pk: int) -> HttpResponseBase:
    """A field report cites a clause of a protocol in force (the form is on the report's page, a panel of ours)."""
    report = get_object_or_404(FieldReport.objects.visible_to(request.user), pk=report_pk)
    raw = request.POST.get("clause", "")
    clause = (
        citations.citable_clauses(request.user, report).filter(pk=int(raw)).first()
        if raw.isdigit() and len(raw) < 10
        else None
    )
    if clause is None:
        messages.error(request, _("Choose a clause of a protocol in force."))
        return redirect(report)
    action = lambda: actions.cite_clause(clause, by=request.user, field_report=report)  # noqa: E731
    run(request, action, _("%(ref)s now cites clause %(n)s.") % {"ref": report.reference, "n": clause.number})
    return redirect(report)
