"""At the venue: the check-in page (works offline: static/js/checkin.js caches the roster and queues
check-ins), its roster and sync endpoints, the tick-list fallback without JavaScript, the attendance PDF,
certificates, and the public certificate verification page."""

import json
import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_POST

from accounts.decorators import registry_editor
from accounts.typing import AuthedHttpRequest
from guidance import actions, documents
from guidance.models import Certificate, Event, Invitation
from guidance.views import event_for, participant_for
from wadah.lib import checkin
from wadah.lib.offline import offline_page

CHECKIN_CSP = checkin.SCANNER_CSP


def _editable_event(request: AuthedHttpRequest, pk: int) -> Event:
    event = event_for(request, pk)
    if not request.user.in_scope(event.programme.region_id):
        raise Http404
    return event


def _roster(event: Event) -> list[dict[str, object]]:
    rows = []
    participants = event.participants.select_related("ormas", "invitation", "checkin").order_by("name", "pk")
    for p in participants:
        if p.invitation and p.invitation.status != Invitation.Status.ACCEPTED:
            continue
        checkin = getattr(p, "checkin", None)
        rows.append(
            {
                "id": p.pk,
                "code": p.code,
                "name": p.name,
                "organisation": p.organisation,
                "position": p.position,
                "walk_in": p.is_walk_in,
                "checked_in": timezone.localtime(checkin.checked_in_at).strftime("%H.%M") if checkin else "",
            }
        )
    return rows


@csp_override(CHECKIN_CSP)
@registry_editor
@offline_page
def checkin_page(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    event = _editable_event(request, pk)
    roster = _roster(event)
    context = {
        "event": event,
        "roster": roster,
        "present": sum(1 for r in roster if r["checked_in"]),
        "now": timezone.now(),
    }
    return render(request, "guidance/checkin.html", context)


@registry_editor
def checkin_roster(request: AuthedHttpRequest, pk: int) -> JsonResponse:
    """The participant list the phone caches for offline use (codes included: the phone matches scans locally)."""
    event = _editable_event(request, pk)
    response = JsonResponse({"event": event.pk, "title": event.title, "participants": _roster(event)})
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@registry_editor
def checkin_sync(request: AuthedHttpRequest, pk: int) -> JsonResponse:
    """The phone's queue: {"items": [{client_id, kind, code | participant | name…, at}]}. Idempotent per client_id."""
    event = _editable_event(request, pk)
    if request.content_type != "application/json":  # a form post: its body has been read as form fields
        return JsonResponse({"error": _("The check-in data could not be read.")}, status=400)
    try:
        payload = json.loads(request.body or b"{}")
        items = payload.get("items", [])
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise ValueError
    except (ValueError, AttributeError):
        return JsonResponse({"error": _("The check-in data could not be read.")}, status=400)
    results = actions.sync_checkins(event, by=request.user, items=items)
    return JsonResponse({"results": results, "present": event.checkins.count()})


@require_POST
@registry_editor
def checkin_tick(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    """Without JavaScript: one tick (or one typed code) per request."""
    event = _editable_event(request, pk)
    code = request.POST.get("code", "").strip()
    try:
        outcome, participant = actions.check_in(
            event,
            by=request.user,
            client_id=request.POST.get("client_id") or uuid.uuid4(),
            code=code,
            participant_id=request.POST.get("participant"),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        message = actions.outcome_message(outcome, participant)
        (messages.success if outcome in actions.OK_OUTCOMES else messages.error)(request, message)
    return redirect("guidance:checkin", pk=event.pk)


@registry_editor
def attendance_pdf(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    event = event_for(request, pk)
    response = HttpResponse(documents.attendance_pdf(event, by=request.user), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="daftar-hadir-{event.pk}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


def _certificate_response(certificate: Certificate) -> HttpResponse:
    response = HttpResponse(documents.certificate_pdf(certificate), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="sertifikat-{certificate.pk}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@registry_editor
def certificate_pdf(request: AuthedHttpRequest, participant_pk: int) -> HttpResponse:
    participant = participant_for(request, participant_pk)
    certificate = getattr(participant, "certificate", None)
    if certificate is None:
        raise Http404
    return _certificate_response(certificate)


def certificate_verify(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """What anyone scanning a certificate's QR code sees: only the name, the event and its date."""
    certificate = (
        Certificate.objects.select_related("participant__event__programme__office").filter(public_id=public_id).first()
    )
    response = render(
        request,
        "guidance/certificate_verify.html",
        {"certificate": certificate},
        status=200 if certificate else 404,
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def ormas_certificate_pdf(request: AuthedHttpRequest, participant_pk: int) -> HttpResponse:
    """An Ormas account downloads the certificates of its own participants (wired in views_ormas)."""
    certificate = get_object_or_404(
        Certificate.objects.select_related("participant__event__programme__office", "issued_by"),
        participant_id=participant_pk,
        participant__ormas_id=request.user.ormas_id,
    )
    return _certificate_response(certificate)
