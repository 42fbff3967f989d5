"""Attendance by QR at a meeting: the secretariat's check-in page (works offline: static/js/checkin.js queues
check-ins, the service worker keeps the page), its list and sync endpoints, the tick fallback without JavaScript,
the printable passes, and each pass's QR image (for the secretariat, and for the person whose pass it is)."""

import json
import re
import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_POST

from accounts.typing import AuthedHttpRequest
from coordination import access, actions, passes
from coordination.models import Meeting
from coordination.views import coordination_user, meeting_for
from wadah.lib import checkin
from wadah.lib.offline import offline_page

SEAT_KEY = re.compile(r"^[mi][0-9]{1,12}$")


def _secretariat_meeting(request: AuthedHttpRequest, pk: int) -> Meeting:
    meeting = meeting_for(request, pk)
    if not access.is_secretariat(request.user, meeting.team):
        raise PermissionDenied(_("Only the secretariat records attendance."))
    return meeting


def _time(moment: object) -> str:
    return timezone.localtime(moment).strftime("%H.%M") if moment else ""  # type: ignore[arg-type]


def _roster(meeting: Meeting) -> list[dict[str, object]]:
    """Everyone expected with their pass code (the phone matches scans without signal), then those present
    without a pass."""
    rows = list(meeting.attendance.all())
    by_member = {row.roster_member_id: row for row in rows if row.roster_member_id}
    by_invitation = {row.invitation_id: row for row in rows if row.invitation_id}
    people: list[dict[str, object]] = []
    for seat in passes.expected(meeting):
        row = by_member.get(seat.roster_member.pk) if seat.roster_member else by_invitation.get(seat.invitation.pk)  # type: ignore[union-attr]
        people.append(
            {
                "id": seat.key,
                "code": seat.code(meeting),
                "name": seat.name,
                "organisation": str(seat.agency or ""),
                "position": " · ".join(part for part in (seat.position, seat.role) if part),
                "walk_in": False,
                "checked_in": _time(row.recorded_at) if row else "",
            }
        )
    for row in rows:
        if not row.roster_member_id and not row.invitation_id:
            people.append(
                {
                    "id": f"a{row.pk}",
                    "code": "",
                    "name": row.name,
                    "organisation": str(row.agency or row.organisation),
                    "position": row.position,
                    "walk_in": True,
                    "checked_in": _time(row.recorded_at),
                }
            )
    return people


@csp_override(checkin.SCANNER_CSP)
@coordination_user
@offline_page
def checkin_page(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    meeting = _secretariat_meeting(request, pk)
    roster = _roster(meeting)
    context = {
        "meeting": meeting,
        "roster": roster,
        "present": sum(1 for r in roster if r["checked_in"]),
        "open_for_changes": meeting.status in (Meeting.Status.SCHEDULED, Meeting.Status.HELD),
    }
    return render(request, "coordination/checkin.html", context)


@coordination_user
def checkin_roster(request: AuthedHttpRequest, pk: int) -> JsonResponse:
    meeting = _secretariat_meeting(request, pk)
    response = JsonResponse({"meeting": meeting.pk, "title": meeting.title, "participants": _roster(meeting)})
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@coordination_user
def checkin_sync(request: AuthedHttpRequest, pk: int) -> JsonResponse:
    """The phone's queue: {"items": [{client_id, kind, code | participant | name…, at}]}. Idempotent per client_id."""
    meeting = _secretariat_meeting(request, pk)
    if request.content_type != "application/json":
        return JsonResponse({"error": _("The check-in data could not be read.")}, status=400)
    try:
        items = json.loads(request.body or b"{}").get("items", [])
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise ValueError
    except (ValueError, AttributeError):
        return JsonResponse({"error": _("The check-in data could not be read.")}, status=400)
    results = actions.sync_attendance(meeting, by=request.user, items=items)
    return JsonResponse({"results": results, "present": meeting.attendance.count()})


@require_POST
@coordination_user
def checkin_tick(request: AuthedHttpRequest, pk: int) -> HttpResponseBase:
    """Without JavaScript: one typed code (or one tick) per request."""
    meeting = _secretariat_meeting(request, pk)
    try:
        outcome, seat = actions.check_in(
            meeting,
            by=request.user,
            client_id=uuid.uuid4(),
            code=request.POST.get("code", "")[:200],
            seat_key=request.POST.get("participant", "")[:20],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        message = actions.outcome_message(outcome, seat.name if seat else "")
        (messages.success if outcome in actions.OK_OUTCOMES else messages.error)(request, message)
    return redirect("coordination:checkin", pk=meeting.pk)


@coordination_user
def passes_page(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    """Every expected person's pass, to print and hand out or send (the secretariat)."""
    meeting = _secretariat_meeting(request, pk)
    seats = passes.expected(meeting)
    for seat in seats:
        seat.typed = checkin.grouped(seat.code(meeting))  # type: ignore[attr-defined]
    return render(request, "coordination/passes.html", {"meeting": meeting, "seats": seats})


@coordination_user
def pass_qr(request: AuthedHttpRequest, pk: int, key: str) -> HttpResponse:
    """One pass's QR image: for the secretariat, and for the person whose pass it is (404 for anyone else)."""
    meeting = meeting_for(request, pk)
    if not SEAT_KEY.match(key):
        raise Http404
    seat, _problem = passes.seat_for_key(meeting, key)
    if seat is None or not (access.is_secretariat(request.user, meeting.team) or seat.user_id == request.user.pk):
        raise Http404
    response = HttpResponse(checkin.qr_svg(seat.qr_payload(meeting)), content_type="image/svg+xml")
    response["Cache-Control"] = "private, no-store"
    return response
