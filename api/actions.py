"""Issuing and revoking partner tokens, audited. The plain token is returned once and never stored."""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role
from api.models import ApiToken, Scope, hash_token, new_token
from audit.log import record


def _require_admin(by: Any) -> None:
    if getattr(by, "role", None) != Role.ADMIN and not getattr(by, "is_superuser", False):
        raise PermissionDenied(_("Only a system administrator may issue or revoke API tokens."))


@transaction.atomic
def issue_token(
    *,
    name: str,
    organisation: str,
    by: Any,
    scopes: Iterable[str] = (),
    expires_at: dt.datetime | None = None,
) -> tuple[ApiToken, str]:
    """A new token with the scopes named (none by default: a token reads nothing it was not given)."""
    _require_admin(by)
    chosen = sorted(set(scopes))
    unknown = set(chosen) - set(Scope.values)
    if unknown:
        raise ValidationError(_("Unknown scope: %(scopes)s.") % {"scopes": ", ".join(sorted(unknown))})
    plain, prefix = new_token()
    token = ApiToken.objects.create(
        name=name.strip(),
        organisation=organisation.strip(),
        prefix=prefix,
        token_hash=hash_token(plain),
        created_by=by,
        expires_at=expires_at,
        scopes=chosen,
    )
    record(
        token,
        "api_token.issued",
        by=by,
        data={"name": token.name, "organisation": token.organisation, "scopes": chosen},
    )
    return token, plain


@transaction.atomic
def revoke_token(token: ApiToken, *, by: Any) -> ApiToken:
    _require_admin(by)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record(token, "api_token.revoked", by=by, data={"name": token.name})
    return token


def authenticate(plain: str) -> ApiToken | None:
    """The usable token matching `plain`, with its last use noted (at most once a minute), or None."""
    token = ApiToken.objects.filter(token_hash=hash_token(plain or "")).first()
    if token is None or not token.is_usable:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > dt.timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token
