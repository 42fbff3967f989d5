"""State changes of withholding requests (one function per transition in WithholdingRequest.TRANSITIONS)."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role
from audit.log import record
from portal.models import NOT_WITHHOLDABLE, CardField, WithholdingRequest
from registry.models import Ormas

S = WithholdingRequest.Status


def _move(request: WithholdingRequest, new: str) -> str:
    old = request.status
    if new not in WithholdingRequest.TRANSITIONS.get(old, set()):
        raise ValidationError(_("This request can no longer be changed that way."))
    request.status = new
    return old


def _require_officer(user: Any, request: WithholdingRequest) -> None:
    if getattr(user, "role", None) not in (Role.OFFICER, Role.LEADER) or not user.in_scope(request.ormas.region_id):
        raise PermissionDenied(_("Only a Kesbangpol officer of the Ormas's area may decide this request."))


@transaction.atomic
def request_withholding(ormas: Ormas, *, fields: list[str], reason: str, by: Any) -> WithholdingRequest:
    """An Ormas account asks to leave some fields off its public card."""
    if getattr(by, "role", None) != Role.ORMAS_ACCOUNT or by.ormas_id != ormas.pk:
        raise PermissionDenied(_("Only an account of this Ormas may ask for this."))
    chosen = [f for f in dict.fromkeys(fields) if f in CardField.values and f not in NOT_WITHHOLDABLE]
    if not chosen:
        raise ValidationError(_("Choose at least one field to withhold."))
    if not reason.strip():
        raise ValidationError(_("Say why the field should not be public; the officer decides on this reason."))
    if WithholdingRequest.objects.filter(ormas=ormas, status=S.PENDING).exists():
        raise ValidationError(_("A request of this Ormas is already waiting for a decision."))
    request = WithholdingRequest.objects.create(ormas=ormas, fields=chosen, reason=reason.strip(), requested_by=by)
    record(request, "withholding.requested", by=by, ormas=ormas, data={"fields": chosen})
    return request


@transaction.atomic
def decide_withholding(request: WithholdingRequest, *, grant: bool, note: str, by: Any) -> WithholdingRequest:
    _require_officer(by, request)
    if not grant and not note.strip():
        raise ValidationError(_("Give the reason for the refusal; the Ormas will read it."))
    old = _move(request, S.GRANTED if grant else S.REFUSED)
    request.decided_by = by
    request.decided_at = timezone.now()
    request.decision_note = note.strip()
    request.save()
    verb = "withholding.granted" if grant else "withholding.refused"
    record(
        request,
        verb,
        by=by,
        ormas=request.ormas,
        changes={"status": [old, request.status]},
        data={"fields": request.fields},
    )
    return request


@transaction.atomic
def withdraw_withholding(request: WithholdingRequest, *, by: Any) -> WithholdingRequest:
    """The Ormas takes its request back (a granted one: the fields are published again)."""
    if getattr(by, "role", None) != Role.ORMAS_ACCOUNT or by.ormas_id != request.ormas_id:
        raise PermissionDenied(_("Only an account of this Ormas may withdraw its request."))
    old = _move(request, S.WITHDRAWN)
    request.decided_at = timezone.now()
    request.save()
    record(request, "withholding.withdrawn", by=by, ormas=request.ormas, changes={"status": [old, request.status]})
    return request
