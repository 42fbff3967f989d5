"""An Ormas account's side: its invitations (accept with participants, or decline), its participants' QR codes,
their certificates, and its self-assessment. No Ormas id in any URL: the account's Ormas is the only one."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.decorators import ormas_account_required
from accounts.typing import AuthedHttpRequest
from guidance import actions, assessments, documents, views_checkin
from guidance.forms import AssessmentForm, DeclineForm, ParticipantFormSet
from guidance.models import Assessment, Instrument, Invitation, Participant
from registry.models import Ormas


def _invitations(request: AuthedHttpRequest):  # type: ignore[no-untyped-def]
    return Invitation.objects.filter(ormas_id=request.user.ormas_id or 0).select_related(
        "event__programme", "event__venue_region", "letter"
    )


@ormas_account_required
def invitation_list(request: AuthedHttpRequest) -> HttpResponse:
    if not request.user.ormas_id:
        return redirect("accounts:ormas-waiting")
    invitations = _invitations(request).order_by("-event__starts_at")
    assessments_list = Assessment.objects.filter(ormas_id=request.user.ormas_id)[:10]
    return render(
        request, "guidance/ormas_invitations.html", {"invitations": invitations, "assessments": assessments_list}
    )


@ormas_account_required
def invitation_respond(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    invitation = get_object_or_404(_invitations(request), pk=pk)
    event = invitation.event
    formset = ParticipantFormSet(
        request.POST if request.method == "POST" and "accept" in request.POST else None,
        prefix="p",
        initial=[{} for _ in range(event.seats_per_ormas)],
    )
    decline_form = DeclineForm(request.POST if "decline" in request.POST else None)
    if request.method == "POST":
        try:
            if "decline" in request.POST and decline_form.is_valid():
                actions.decline_invitation(invitation, by=request.user, reason=decline_form.cleaned_data["reason"])
                messages.success(request, _("You declined the invitation to %(event)s.") % {"event": event.title})
                return redirect("guidance:ormas-invitations")
            if "accept" in request.POST and formset.is_valid():
                rows = [f.cleaned_data for f in formset.forms if f.cleaned_data]
                invitation = actions.accept_invitation(invitation, by=request.user, participants=rows)
                if invitation.status == Invitation.Status.ACCEPTED:
                    messages.success(
                        request, _("You accepted. Each participant's QR code is below: show it at the door.")
                    )
                else:
                    messages.warning(
                        request,
                        _("The event is full: you are on the waiting list. We will tell you when a seat frees up."),
                    )
                return redirect("guidance:ormas-invitation", pk=invitation.pk)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
    participants = invitation.participants.select_related("certificate", "checkin")
    context = {
        "invitation": invitation,
        "event": event,
        "formset": formset,
        "decline_form": decline_form,
        "participants": participants,
        "can_answer": invitation.status in (Invitation.Status.INVITED,) and event.status == "scheduled",
        "can_decline": invitation.status in Invitation.OPEN and event.status == "scheduled",
        "seats_left": event.seats_left(),
    }
    return render(request, "guidance/ormas_invitation.html", context)


@ormas_account_required
def participant_qr(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    participant = get_object_or_404(
        Participant.objects.filter(ormas_id=request.user.ormas_id or 0, invitation__status=Invitation.Status.ACCEPTED),
        pk=pk,
    )
    response = HttpResponse(documents.participant_qr_svg(participant.qr_payload), content_type="image/svg+xml")
    response["Cache-Control"] = "private, no-store"
    return response


@ormas_account_required
def certificate_pdf(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    return views_checkin.ormas_certificate_pdf(request, pk)


@ormas_account_required
def self_assessment(request: AuthedHttpRequest) -> HttpResponse:
    instrument = Instrument.current()
    if instrument is None or not request.user.ormas_id:
        messages.error(request, _("Self-assessment is not open yet."))
        return redirect("guidance:ormas-invitations")
    ormas = get_object_or_404(Ormas, pk=request.user.ormas_id)
    form = AssessmentForm(request.POST or None, instrument=instrument)
    if request.method == "POST" and form.is_valid():
        try:
            assessments.record_assessment(
                ormas,
                by=request.user,
                answers=form.answers(),
                evidence=form.evidence(),
                assessed_on=form.cleaned_data["assessed_on"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your self-assessment was sent. An officer will validate it."))
            return redirect("guidance:ormas-invitations")
    return render(request, "guidance/assessment_form.html", {"form": form, "ormas": ormas, "self": True})
