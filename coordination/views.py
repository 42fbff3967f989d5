"""Coordination pages: teams and their SK rosters, meetings (agenda, invitations, attendance) and the live
minutes. Teams and meetings out of the user's reach answer 404 (Team/Meeting.objects.visible_to)."""

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.decorators import capability_required
from accounts.models import Role
from accounts.typing import AuthedHttpRequest
from audit.models import Entry
from coordination import access, actions, passes
from coordination import forms as f
from coordination.models import AgendaItem, Attendance, Meeting, RosterMember, Team
from coordination.pdf import attendance_pdf, minutes_pdf
from registry.models import Ormas
from registry.search import search
from supervision import compartments
from supervision.models import Case
from wadah.lib.offline import offline_page

# Staff roles pass (Kesbangpol staff and Tim Terpadu members; a system administrator passes too but sees no team:
# the querysets' rule shows nothing that is not theirs). Ormas accounts and the public get 403.
coordination_user = capability_required("is_staff_role")


def run(request: AuthedHttpRequest, action: Callable[[], Any], success: str, form: Form | None = None) -> bool:
    """Run an action; on a refusal show its message (on the form's fields where it names them) and change nothing."""
    try:
        action()
    except ValidationError as error:
        if form is not None and hasattr(error, "error_dict"):
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.error(request, " ".join(error.messages))
        return False
    except PermissionDenied as error:
        messages.error(request, str(error) or _("You may not do this."))
        return False
    if success:
        messages.success(request, success)
    return True


def parse_day(value: str) -> dt.date | None:
    """A date from a query string; None for empty or impossible ("2026-02-31") input, never an error."""
    try:
        return parse_date(value or "")
    except ValueError:
        return None


def team_for(request: AuthedHttpRequest, pk: int) -> Team:
    return get_object_or_404(Team.objects.visible_to(request.user).select_related("region", "office"), pk=pk)


def meeting_for(request: AuthedHttpRequest, pk: int) -> Meeting:
    queryset = Meeting.objects.visible_to(request.user).select_related("team__region", "team__office", "chair")
    return get_object_or_404(queryset, pk=pk)


# ---------------------------------------------------------------- home, teams, rosters


@coordination_user
def home(request: AuthedHttpRequest) -> HttpResponse:
    user = request.user
    teams = Team.objects.visible_to(user).select_related("region")
    meetings = Meeting.objects.visible_to(user).select_related("team")
    today = timezone.localdate()
    context = {
        "teams": teams,
        "upcoming": meetings.filter(date__gte=today).exclude(status=Meeting.Status.CANCELLED).order_by("date")[:10],
        "recent": meetings.filter(date__lt=today)[:10],
        "may_create": user.role in (Role.OFFICER, Role.LEADER),
        "agency": access.agency_of(user),
    }
    return render(request, "coordination/home.html", context)


@coordination_user
def team_create(request: AuthedHttpRequest) -> HttpResponseBase:
    form = f.TeamForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        made: list[Team] = []
        action = lambda: made.append(  # noqa: E731
            actions.create_team(by=request.user, name=data["name"], kind=data["kind"], region_code=data["region"].pk)
        )
        if run(request, action, _("The team was created. Record its SK next."), form):
            return redirect(made[0])
    return render(request, "coordination/team_form.html", {"form": form})


@coordination_user
def team_detail(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    team = team_for(request, pk)
    asked = parse_day(request.GET.get("tanggal", ""))
    on_date = team.roster_on(asked) if asked else None
    is_secretariat = access.is_secretariat(request.user, team)
    context = {
        "team": team,
        "versions": team.versions.all(),
        "current": team.current_roster(),
        "asked": asked,
        "on_date": on_date,
        "on_date_members": on_date.members.select_related("agency") if on_date else [],
        "meetings": team.meetings.visible_to(request.user)[:20],
        "protocols": team.protocols.all(),
        "is_secretariat": is_secretariat,
        "version_form": f.RosterVersionForm() if is_secretariat else None,
    }
    return render(request, "coordination/team_detail.html", context)


@require_POST
@coordination_user
def roster_add(request: AuthedHttpRequest, pk: int) -> HttpResponseBase:
    team = team_for(request, pk)
    form = f.RosterVersionForm(request.POST)
    made: list[Any] = []
    if form.is_valid():
        d = form.cleaned_data
        action = lambda: made.append(  # noqa: E731
            actions.add_roster_version(
                team,
                by=request.user,
                sk_number=d["sk_number"],
                sk_date=d["sk_date"],
                valid_from=d["valid_from"],
                valid_until=d["valid_until"],
                note=d["note"],
            )
        )
        if run(request, action, _("The SK was recorded as a new version of the roster."), form):
            return redirect(made[0])
    for errors in form.errors.values():
        messages.error(request, " ".join(str(e) for e in errors))
    return redirect(team)


@coordination_user
def roster_detail(request: AuthedHttpRequest, pk: int, number: int) -> HttpResponseBase:
    team = team_for(request, pk)
    version = get_object_or_404(team.versions, number=number)
    editable = access.is_secretariat(request.user, team) and version == team.current_roster()
    form = f.RosterMemberForm(request.POST or None, team=team) if editable else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            d = form.cleaned_data
            action = lambda: actions.add_roster_member(  # noqa: E731
                version,
                by=request.user,
                name=d["name"],
                agency=d["agency"],
                position=d["position"],
                role=d["role"],
                user=d["user"],
            )
            if run(request, action, _("%(name)s was added to the roster.") % {"name": d["name"]}, form):
                return redirect(version)
    context = {
        "team": team,
        "version": version,
        "members": version.members.select_related("agency", "user"),
        "form": form,
        "editable": editable,
    }
    return render(request, "coordination/roster_detail.html", context)


@require_POST
@coordination_user
def roster_member_remove(request: AuthedHttpRequest, pk: int, number: int, member_pk: int) -> HttpResponseBase:
    team = team_for(request, pk)
    member = get_object_or_404(RosterMember, pk=member_pk, version__team=team, version__number=number)
    run(request, lambda: actions.remove_roster_member(member, by=request.user), _("The member was removed."))
    return redirect(member.version)


# ---------------------------------------------------------------- meetings


@coordination_user
def meeting_create(request: AuthedHttpRequest, pk: int) -> HttpResponseBase:
    team = team_for(request, pk)
    if not access.is_secretariat(request.user, team):
        raise PermissionDenied
    form = f.MeetingForm(request.POST or None, team=team)
    if request.method == "POST" and form.is_valid():
        made: list[Meeting] = []
        action = lambda: made.append(actions.schedule_meeting(team, by=request.user, **form.cleaned_data))  # noqa: E731
        if run(request, action, _("The meeting was scheduled; the roster's agencies are invited."), form):
            return redirect(made[0])
    return render(request, "coordination/meeting_form.html", {"form": form, "team": team})


def _agenda_for(user: Any, meeting: Meeting) -> list[AgendaItem]:
    """The agenda as this user may read it: an item about a case only if its compartment lets them (others see
    that there is a restricted item, not what it is)."""
    items = list(meeting.agenda.select_related("ormas", "case", "agency"))
    readable = set(access.readable_agenda(user, meeting.agenda.all()).values_list("pk", flat=True))
    for item in items:
        item.restricted = item.pk not in readable  # type: ignore[attr-defined]
        item.decisions_list = list(item.decisions.prefetch_related("action_items__owner_agency"))  # type: ignore[attr-defined]
    return items


def _expected(meeting: Meeting) -> list[RosterMember]:
    roster = meeting.team.roster_on(meeting.date) or meeting.team.current_roster()
    return list(roster.members.select_related("agency")) if roster else []


@coordination_user
def meeting_detail(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    user = request.user
    is_secretariat = access.is_secretariat(user, meeting.team)
    present = {row.roster_member_id: row for row in meeting.attendance.all() if row.roster_member_id}
    expected = _expected(meeting)
    for member in expected:
        member.present = present.get(member.pk)  # type: ignore[attr-defined]
    open_for_changes = meeting.status in (Meeting.Status.SCHEDULED, Meeting.Status.HELD)
    context = {
        "meeting": meeting,
        "is_secretariat": is_secretariat,
        "is_chair": access.is_chair(user, meeting),
        "invitations": meeting.invitations.select_related("agency", "letter"),
        "agenda": _agenda_for(user, meeting),
        "expected": expected,
        "walk_ins": meeting.attendance.filter(roster_member__isnull=True).select_related("agency"),
        "attendance_count": meeting.attendance.count(),
        "matters_arising": actions.matters_arising(meeting),
        "minutes": meeting.current_minutes(),
        "open_for_changes": open_for_changes,
        "invite_form": f.InviteForm(meeting=meeting, prefix="undang") if is_secretariat and open_for_changes else None,
        "agenda_form": f.AgendaForm() if is_secretariat and open_for_changes else None,
        "attendance_form": f.AttendanceForm(meeting=meeting, prefix="hadir")
        if is_secretariat and open_for_changes
        else None,
        "cancel_form": f.ReasonForm() if is_secretariat and meeting.status == Meeting.Status.SCHEDULED else None,
        "today": timezone.localdate(),
        # The viewer's own attendance pass, if they are expected (coordination/passes.py).
        "my_passes": passes.seats_of(meeting, user) if open_for_changes else [],
    }
    return render(request, "coordination/meeting_detail.html", context)


def _post_action(request: AuthedHttpRequest, meeting: Meeting, action: Callable[[], Any], success: str) -> Any:
    run(request, action, success)
    target = request.POST.get("next", "")
    # Only a path of this site (never "//elsewhere"): the form sends the page it came from.
    if not (target.startswith("/") and not target.startswith("//")):
        target = meeting.get_absolute_url()
    return redirect(target)


@require_POST
@coordination_user
def meeting_open(request: AuthedHttpRequest, pk: int) -> HttpResponseBase:
    meeting = meeting_for(request, pk)
    run(request, lambda: actions.open_meeting(meeting, by=request.user), _("The meeting is open; write the minutes."))
    return redirect("coordination:minutes", meeting.pk)


@require_POST
@coordination_user
def meeting_cancel(request: AuthedHttpRequest, pk: int) -> HttpResponseBase:
    meeting = meeting_for(request, pk)
    reason = request.POST.get("reason", "")
    action = lambda: actions.cancel_meeting(meeting, by=request.user, reason=reason)  # noqa: E731
    return _post_action(request, meeting, action, _("The meeting was cancelled."))


@require_POST
@coordination_user
def invitations_send(request: AuthedHttpRequest, pk: int) -> HttpResponseBase:
    meeting = meeting_for(request, pk)
    sent: list[Any] = []
    ok = run(request, lambda: sent.extend(actions.send_invitations(meeting, by=request.user)), "")
    if ok:
        messages.success(request, _("%(n)s invitation letters were issued.") % {"n": len(sent)})
    return redirect(meeting)


@require_POST
@coordination_user
def invite_add(request: AuthedHttpRequest, pk: int) -> HttpResponseBase:
    meeting = meeting_for(request, pk)
    form = f.InviteForm(request.POST, meeting=meeting, prefix="undang")
    if not form.is_valid():
        messages.error(request, _("Choose the agency to invite."))
        return redirect(meeting)
    d = form.cleaned_data
    action = lambda: actions.invite(meeting, by=request.user, agency=d["agency"], person=d["person"])  # noqa: E731
    return _post_action(request, meeting, action, _("%(agency)s was invited.") % {"agency": d["agency"]})


@require_POST
@coordination_user
def agenda_add(request: AuthedHttpRequest, pk: int) -> HttpResponseBase:
    meeting = meeting_for(request, pk)
    form = f.AgendaForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write the agenda item."))
        return redirect(meeting)
    d = form.cleaned_data
    user = request.user
    case = None
    if d["case_reference"]:
        case = Case.objects.visible_to(user).filter(reference=d["case_reference"].strip().upper()).first()
        if case is None:
            messages.error(request, _("No case %(ref)s that you handle.") % {"ref": d["case_reference"]})
            return redirect(meeting)
    complaint = None
    if d["complaint"]:
        # The model through the FK, not an import: complaints is a sibling capability app.
        complaint_model: Any = AgendaItem._meta.get_field("complaint").related_model
        complaint = complaint_model.objects.visible_to(user).filter(pk=d["complaint"]).first()
        if complaint is None:
            messages.error(request, _("No complaint number %(n)s in your scope.") % {"n": d["complaint"]})
            return redirect(meeting)
    ormas = Ormas.objects.visible_to(user).filter(pk=d["ormas"]).first() if d["ormas"] else None
    action = lambda: actions.add_agenda_item(  # noqa: E731
        meeting, by=user, title=d["title"], ormas=ormas, case=case, complaint=complaint
    )
    return _post_action(request, meeting, action, _("The agenda item was added."))


@require_GET
@coordination_user
def ormas_options(request: AuthedHttpRequest) -> HttpResponse:
    """htmx: the Ormas in the user's scope whose name matches (at most eight)."""
    query = request.GET.get("ormas_search", "").strip()[:100]
    found = search(Ormas.objects.visible_to(request.user), query)[:8] if len(query) >= 2 else []
    return render(request, "coordination/meeting_detail.html#ormas-options", {"found": found, "query": query})


@require_POST
@coordination_user
def attendance_add(request: AuthedHttpRequest, pk: int) -> HttpResponseBase:
    meeting = meeting_for(request, pk)
    user = request.user
    if request.POST.get("member"):
        if not request.POST["member"].isdigit() or len(request.POST["member"]) > 18:
            raise Http404  # not the id of a roster member
        member = get_object_or_404(RosterMember, pk=request.POST["member"], version__team=meeting.team)
        action = lambda: actions.record_attendance(meeting, by=user, roster_member=member)  # noqa: E731
        return _post_action(request, meeting, action, _("%(name)s is present.") % {"name": member.name})
    form = f.AttendanceForm(request.POST, meeting=meeting, prefix="hadir")
    if not form.is_valid():
        messages.error(request, _("Write the name of the person present."))
        return redirect(meeting)
    d = form.cleaned_data
    action = lambda: actions.record_attendance(  # noqa: E731
        meeting, by=user, name=d["name"], agency=d["agency"], position=d["position"]
    )
    return _post_action(request, meeting, action, _("%(name)s is present.") % {"name": d["name"]})


@require_POST
@coordination_user
def attendance_remove(request: AuthedHttpRequest, pk: int, row_pk: int) -> HttpResponseBase:
    meeting = meeting_for(request, pk)
    row = get_object_or_404(Attendance, pk=row_pk, meeting=meeting)
    return _post_action(
        request, meeting, lambda: actions.remove_attendance(row, by=request.user), _("Removed from the list.")
    )


# ---------------------------------------------------------------- minutes


@coordination_user
@offline_page
def minutes(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    """The live minutes page: the text (autosaved, with a copy on the device), decisions and action items per
    agenda item, and the chair's approval."""
    meeting = meeting_for(request, pk)
    user = request.user
    current = meeting.current_minutes()
    is_secretariat = access.is_secretariat(user, meeting.team)
    agenda = _agenda_for(user, meeting)
    for item in agenda:
        for decision in item.decisions_list:  # type: ignore[attr-defined]
            # One form per decision, prefixed, so that every field on the page has its own id.
            decision.item_form = f.ActionItemForm(meeting=meeting, prefix=f"d{decision.pk}")
    writable = bool(current and current.is_editable and is_secretariat and meeting.status != Meeting.Status.SCHEDULED)
    context = {
        "meeting": meeting,
        "current": current,
        "versions": meeting.minutes.select_related("approved_by"),
        "writable": writable,
        "form": f.MinutesForm(initial={"text": current.text if current else ""}),
        "agenda": agenda,
        "matters_arising": actions.matters_arising(meeting),
        "is_secretariat": is_secretariat,
        "is_chair": access.is_chair(user, meeting),
        "recording": meeting.status == Meeting.Status.HELD and is_secretariat,
        "decision_form": f.DecisionForm(),
        "default_due": actions.default_due_date(meeting),
        "correction_form": f.ReasonForm(),
        "today": timezone.localdate(),
        "history": Entry.objects.filter(
            subject_type__app_label="coordination", subject_type__model="meeting", subject_id=str(meeting.pk)
        ).select_related("actor")[:30],
    }
    return render(request, "coordination/minutes.html", context)


@require_POST
@coordination_user
def minutes_autosave(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    """htmx: save the draft while the secretary writes. A refusal (approved minutes …) is shown, nothing lost: the
    text stays in the page and in the device's copy."""
    meeting = meeting_for(request, pk)
    context: dict[str, Any] = {"saved_at": None, "problem": ""}
    try:
        saved = actions.save_minutes(meeting, by=request.user, text=request.POST.get("text", ""))
        context["saved_at"] = timezone.localtime(saved.updated_at)
    except (ValidationError, PermissionDenied) as error:
        context["problem"] = " ".join(getattr(error, "messages", [str(error)]))
    # 200 even for a refusal, so that htmx shows the message; the text stays in the page and the device's copy.
    response = render(request, "coordination/minutes.html#autosave", context)
    if context["saved_at"]:
        # The server's time of this save: the device's copy is measured against it (static/js/minutes.js).
        response["X-Wadah-Saved"] = str(int(context["saved_at"].timestamp()))
    return response


@require_POST
@coordination_user
def minutes_save(request: AuthedHttpRequest, pk: int) -> HttpResponseBase:
    """Without JavaScript: the Save button posts the whole text."""
    meeting = meeting_for(request, pk)
    text = request.POST.get("text", "")
    run(request, lambda: actions.save_minutes(meeting, by=request.user, text=text), _("The minutes were saved."))
    return redirect("coordination:minutes", meeting.pk)


@require_POST
@coordination_user
def minutes_approve(request: AuthedHttpRequest, pk: int) -> HttpResponseBase:
    meeting = meeting_for(request, pk)
    done = _("The minutes are approved and now read-only. Their action items are on each agency's page.")
    run(request, lambda: actions.approve_minutes(meeting, by=request.user), done)
    return redirect("coordination:minutes", meeting.pk)


@require_POST
@coordination_user
def minutes_correct(request: AuthedHttpRequest, pk: int) -> HttpResponseBase:
    meeting = meeting_for(request, pk)
    reason = request.POST.get("reason", "")
    action = lambda: actions.start_correction(meeting, by=request.user, reason=reason)  # noqa: E731
    run(request, action, _("A correction was started as a new version; the chair approves it."))
    return redirect("coordination:minutes", meeting.pk)


@require_POST
@coordination_user
def decision_add(request: AuthedHttpRequest, pk: int, item_pk: int) -> HttpResponseBase:
    meeting = meeting_for(request, pk)
    item = get_object_or_404(access.readable_agenda(request.user, meeting.agenda.all()), pk=item_pk)
    text = request.POST.get("text", "")
    run(request, lambda: actions.add_decision(item, by=request.user, text=text), _("The decision was recorded."))
    return redirect(f"{meeting.get_absolute_url()}notulen/#agenda-{item.pk}")


@require_POST
@coordination_user
def action_item_add(request: AuthedHttpRequest, pk: int, decision_pk: int) -> HttpResponseBase:
    meeting = meeting_for(request, pk)
    decision = get_object_or_404(meeting.decisions, pk=decision_pk)
    form = f.ActionItemForm(request.POST, meeting=meeting, prefix=f"d{decision.pk}")
    if form.is_valid():
        d = form.cleaned_data
        action = lambda: actions.add_action_item(decision, by=request.user, **d)  # noqa: E731
        run(request, action, _("The action item was recorded for %(agency)s.") % {"agency": d["owner_agency"]})
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect(f"{meeting.get_absolute_url()}notulen/#agenda-{decision.agenda_item_id}")


@require_POST
@coordination_user
def decision_case_step(request: AuthedHttpRequest, pk: int, decision_pk: int) -> HttpResponseBase:
    meeting = meeting_for(request, pk)
    decision = get_object_or_404(meeting.decisions.select_related("agenda_item__case"), pk=decision_pk)
    if decision.agenda_item.case is None or not compartments.can_read(request.user, decision.agenda_item):
        raise PermissionDenied
    form = f.StepFromDecisionForm(request.POST)
    kind = form.cleaned_data["kind"] if form.is_valid() else ""
    action = lambda: actions.case_step_from_decision(decision, by=request.user, kind=kind)  # noqa: E731
    if run(request, action, _("The step was recorded in the case.")):
        return redirect(decision.agenda_item.case)
    return redirect("coordination:minutes", meeting.pk)


def _pdf(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


@coordination_user
def minutes_download(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    version = meeting.approved_minutes() or meeting.current_minutes()
    if version is None:
        raise PermissionDenied
    return _pdf(minutes_pdf(meeting, version, request.user), f"notulen-{meeting.pk}-v{version.number}.pdf")


@coordination_user
def attendance_download(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    return _pdf(attendance_pdf(meeting), f"daftar-hadir-{meeting.pk}.pdf")
