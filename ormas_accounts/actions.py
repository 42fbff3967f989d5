"""Every change to Ormas accounts, in one place: self-registration, and an officer's confirmation or rejection.

Each action runs in a transaction, validates before it writes, records one audit entry, and e-mails the applicant
through a task once the transaction has committed.
"""

from typing import Any

from django.contrib.auth import password_validation
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role, User
from audit.log import record
from ormas_accounts.models import OrmasAccountRequest
from ormas_accounts.tasks import notify_officers_of_account_request, send_account_request_mail
from regions.models import Region
from registry import actions as registry_actions
from registry.models import Ormas
from wadah.lib.files import SniffedType


def _mail_on_commit(account_request: OrmasAccountRequest, kind: str) -> None:
    request_id = account_request.pk
    transaction.on_commit(lambda: send_account_request_mail.enqueue(request_id, kind))


def existing_account_for(email: str) -> User | None:
    """The account that already uses this e-mail address (as e-mail or as username), if any."""
    email = email.strip()
    return (
        User.objects.filter(email__iexact=email).order_by("id").first()
        or User.objects.filter(username__iexact=email).order_by("id").first()
    )


def may_register_again(user: User) -> bool:
    """A former applicant whose every request was rejected may register again with the same e-mail."""
    requests = list(user.ormas_requests.values_list("status", flat=True))
    return (
        user.role == Role.ORMAS_ACCOUNT
        and user.ormas_id is None
        and not user.is_active
        and bool(requests)
        and all(status == OrmasAccountRequest.Status.REJECTED for status in requests)
    )


@transaction.atomic
def request_ormas_account(
    *,
    full_name: str,
    email: str,
    phone: str,
    password: str,
    ormas: Ormas | None,
    position: str,
    position_other: str = "",
    upload: UploadedFile,
    sniffed: SniffedType,
    new_ormas: dict[str, Any] | None = None,
) -> OrmasAccountRequest:
    """Create an Ormas account (no Ormas yet) and its pending request; the caller has sniffed the upload.

    `ormas` is the registered Ormas the account will act for; for a first-time applicant whose Ormas is not in the
    register, `ormas` is None and `new_ormas` gives {name, abbreviation, address, region} (a village Region)."""
    email = email.strip().lower()
    if ormas is None:
        new_ormas = new_ormas or {}
        if not (new_ormas.get("name") or "").strip() or not (new_ormas.get("address") or "").strip():
            raise ValidationError(_("Give the name and the secretariat address of the new Ormas."))
        region = new_ormas.get("region")
        if not isinstance(region, Region) or region.code.count(".") != 3:  # a desa or kelurahan
            raise ValidationError(_("Choose the village (desa/kelurahan) of the new Ormas's secretariat."))
    full_name = " ".join(full_name.split())
    if not full_name:
        raise ValidationError(_("Enter your full name."))
    if position not in OrmasAccountRequest.Position.values:
        raise ValidationError(_("Choose your position in the Ormas."))
    if position == OrmasAccountRequest.Position.OTHER and not position_other.strip():
        raise ValidationError(_("Write your position in the Ormas."))
    existing = existing_account_for(email)
    if existing is not None and not may_register_again(existing):
        raise ValidationError(
            _(
                "An account with this e-mail address already exists. Log in, or use “Forgot password?” to set a new one."
            ),
            code="duplicate_email",
        )
    user = existing or User(username=email, role=Role.ORMAS_ACCOUNT)
    user.first_name, user.last_name = full_name[:150], ""
    user.email = email
    user.phone = phone.strip()
    user.role = Role.ORMAS_ACCOUNT
    user.ormas = None
    user.office = None
    user.agency = None
    user.is_active = True
    user.is_staff = False
    user.is_superuser = False
    password_validation.validate_password(password, user)
    user.set_password(password)
    user.save()

    account_request = OrmasAccountRequest(
        user=user,
        ormas=ormas,
        new_ormas_name=" ".join((new_ormas or {}).get("name", "").split())[:255] if ormas is None else "",
        new_ormas_abbreviation=(new_ormas or {}).get("abbreviation", "").strip()[:60] if ormas is None else "",
        new_ormas_address=(new_ormas or {}).get("address", "").strip()[:300] if ormas is None else "",
        new_ormas_region=(new_ormas or {}).get("region") if ormas is None else None,
        position=position,
        position_other=position_other.strip() if position == OrmasAccountRequest.Position.OTHER else "",
        phone=phone.strip(),
    )
    account_request.store(upload, sniffed)
    account_request.save()
    record(
        account_request,
        "ormas_account.requested",
        by=user,
        ormas=ormas,
        data={
            "email": email,
            "position": account_request.position_label,
            "document": account_request.original_name,
            "again": existing is not None,
            **({"new_ormas": account_request.new_ormas_name} if ormas is None else {}),
        },
        personal=["email"],
    )
    _mail_on_commit(account_request, "requested")
    request_id = account_request.pk
    transaction.on_commit(lambda: notify_officers_of_account_request.enqueue(request_id))
    return account_request


def _lock_pending(account_request: OrmasAccountRequest, status: str) -> OrmasAccountRequest:
    locked = (
        OrmasAccountRequest.objects.select_for_update(of=("self",))
        .select_related("user", "ormas")
        .get(pk=account_request.pk)
    )
    if not locked.can_move_to(status):
        raise ValidationError(
            _("This request has already been decided (%(status)s).") % {"status": locked.get_status_display()},
            code="decided",
        )
    return locked


def _check_officer(by: User, account_request: OrmasAccountRequest) -> None:
    if not by.can_edit_registry:
        raise PermissionDenied
    if account_request.ormas is None:
        if not by.in_scope(account_request.region_code):
            raise PermissionDenied
        return
    if not Ormas.objects.visible_to(by).filter(pk=account_request.ormas.pk).exists():
        raise PermissionDenied


def _record_new_ormas(account_request: OrmasAccountRequest, *, by: User) -> Ormas:
    """The first-time applicant's Ormas enters the register as "dalam proses" (registering: the account exists to
    file its SKT pre-verification). It is not registered: only the services open to unregistered Ormas accept it."""
    ormas = registry_actions.create_ormas(
        by=by,
        name=account_request.new_ormas_name,
        abbreviation=account_request.new_ormas_abbreviation,
        legal_form=Ormas.LegalForm.UNINCORPORATED,
        address=account_request.new_ormas_address,
        region=account_request.new_ormas_region,
        status=Ormas.Status.IN_PROCESS,
    )
    return ormas


@transaction.atomic
def confirm_ormas_account(account_request: OrmasAccountRequest, *, by: User, note: str = "") -> OrmasAccountRequest:
    """Let the account act for its Ormas: user.ormas is set, the applicant is e-mailed."""
    locked = _lock_pending(account_request, OrmasAccountRequest.Status.CONFIRMED)
    _check_officer(by, locked)
    user = locked.user
    if user.ormas_id and user.ormas_id != locked.ormas_id:
        raise ValidationError(_("This account already acts for another Ormas."), code="other_ormas")
    created = locked.ormas is None
    if created:
        locked.ormas = _record_new_ormas(locked, by=by)
    user.ormas = locked.ormas
    user.is_active = True
    user.save(update_fields=["ormas", "is_active"])
    locked.status = OrmasAccountRequest.Status.CONFIRMED
    locked.decided_by = by
    locked.decided_at = timezone.now()
    locked.decision_note = note.strip()
    locked.save(update_fields=["status", "decided_by", "decided_at", "decision_note", "ormas"])
    record(
        locked,
        "ormas_account.confirmed",
        by=by,
        ormas=locked.ormas,
        changes={"status": [OrmasAccountRequest.Status.PENDING, OrmasAccountRequest.Status.CONFIRMED]},
        data={
            "account": user.username,
            "position": locked.position_label,
            "note": locked.decision_note,
            "new_ormas": created,
        },
    )
    _mail_on_commit(locked, "confirmed")
    return locked


@transaction.atomic
def reject_ormas_account(account_request: OrmasAccountRequest, *, by: User, reason: str) -> OrmasAccountRequest:
    """Refuse the request with a reason the applicant reads; the account is switched off (it may register again)."""
    if not reason.strip():
        raise ValidationError(_("Give the reason for the rejection; the applicant reads it."), code="reason")
    locked = _lock_pending(account_request, OrmasAccountRequest.Status.REJECTED)
    _check_officer(by, locked)
    user = locked.user
    if (
        user.ormas_id is None
        and not user.ormas_requests.exclude(pk=locked.pk)
        .filter(status__in=[OrmasAccountRequest.Status.PENDING, OrmasAccountRequest.Status.CONFIRMED])
        .exists()
    ):
        user.is_active = False
        user.save(update_fields=["is_active"])
    locked.status = OrmasAccountRequest.Status.REJECTED
    locked.decided_by = by
    locked.decided_at = timezone.now()
    locked.decision_note = reason.strip()
    locked.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    record(
        locked,
        "ormas_account.rejected",
        by=by,
        ormas=locked.ormas,
        changes={"status": [OrmasAccountRequest.Status.PENDING, OrmasAccountRequest.Status.REJECTED]},
        data={"account": user.username, "reason": locked.decision_note},
    )
    _mail_on_commit(locked, "rejected")
    return locked


def describe(account_request: OrmasAccountRequest) -> dict[str, Any]:
    """The few facts an e-mail about a request needs."""
    return {
        "reference": account_request.reference,
        "name": str(account_request.user),
        "ormas": account_request.ormas_name,
        "position": account_request.position_label,
        "reason": account_request.decision_note,
    }
