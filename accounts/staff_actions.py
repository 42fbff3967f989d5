"""Changes to what a staff login may do: its role and scope, superuser status, and its second factor.

Kept apart from the Ormas-account actions so that the powers of an account change in one audited place. The admin
sistem maintains users but cannot raise anyone's powers, its own included: a role, office, agency, staff or
superuser change is made only by a superuser through change_role(), and written to the audit trail with before →
after. Resetting someone's two-step verification (a lost phone) is done by another admin through
reset_two_factor(), also audited; the user then pairs a new app at the next login (docs/two-factor.md).
"""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Role, User
from audit.log import diff, record

# The fields that decide what a login may do; only change_role() writes them.
PRIVILEGED_FIELDS = ("role", "office", "agency", "ormas", "is_staff", "is_superuser")
RECOVERY_CODES = 10


def _powers(user: User) -> dict[str, Any]:
    return {field: getattr(user, field) for field in PRIVILEGED_FIELDS}


@transaction.atomic
def change_role(user: User, *, by: User, **values: Any) -> dict[str, list[Any]]:
    """Change role, office, agency, Ormas, staff or superuser status of `user`; superusers only, audited."""
    if not getattr(by, "is_superuser", False):
        raise PermissionDenied(_("Only a superuser may change roles and administrator rights."))
    unknown = set(values) - set(PRIVILEGED_FIELDS)
    if unknown:
        raise TypeError(f"not a privileged field: {sorted(unknown)}")
    stored = User.objects.select_for_update().get(pk=user.pk)
    before = _powers(stored)
    for field, value in values.items():
        setattr(stored, field, value)
    if stored.role not in Role.values:
        raise ValidationError(_("Unknown role."))
    changes = diff(before, _powers(stored))
    if changes:
        stored.save(update_fields=list(values))
        record(stored, "account.role_changed", by=by, changes=changes)
    for field, value in values.items():
        setattr(user, field, value)
    return changes


@transaction.atomic
def record_account_created(user: User, *, by: User) -> None:
    """A login created (in the admin) by a superuser, with the powers it starts with."""
    if not getattr(by, "is_superuser", False):
        raise PermissionDenied(_("Only a superuser may create logins."))
    record(user, "account.created", by=by, changes=diff({}, _powers(user)))


@transaction.atomic
def reset_two_factor(user: User, *, by: User, reason: str) -> int:
    """Remove every second-factor device of `user` (a lost phone); another admin does it, with a reason."""
    if not (getattr(by, "is_superuser", False) or getattr(by, "role", None) == Role.ADMIN):
        raise PermissionDenied(_("Only a system administrator may reset two-step verification."))
    if by.pk == user.pk:
        raise PermissionDenied(_("Another administrator must reset your two-step verification."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reason for the reset (for example how the user's identity was checked)."))
    removed = TOTPDevice.objects.filter(user=user).delete()[0]
    removed += StaticDevice.objects.filter(user=user).delete()[0]
    record(user, "account.two_factor_reset", by=by, data={"reason": reason, "devices": removed})
    return removed


@transaction.atomic
def issue_recovery_codes(user: User) -> list[str]:
    """Replace the user's recovery codes with new single-use ones (shown once, right after pairing the app)."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name="Recovery codes", defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _i in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    record(user, "account.recovery_codes_issued", by=user, data={"count": len(codes)})
    return codes
