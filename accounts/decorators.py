"""View guards by role and capability, the one set every app uses. Each one sends an anonymous visitor to the
login page and answers 403 to a signed-in user it does not let in. Objects outside the user's scope are a
separate matter: scoped querysets → 404.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase

from accounts.models import Role

View = Callable[..., HttpResponseBase]
# Kesbangpol staff who work on applications and cases of their office's region.
OFFICE_ROLES = (Role.OFFICER, Role.LEADER, Role.ADMIN)


def user_passes(test: Callable[[Any], bool]) -> Callable[[View], View]:
    """Require login and test(user); otherwise 403 (not a redirect: the user is signed in, just not allowed)."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not test(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return login_required(wrapper)

    return decorator


def capability_required(name: str) -> Callable[[View], View]:
    """Require login and a true user.<name> (e.g. "can_read_registry"); otherwise 403."""
    return user_passes(lambda user: bool(getattr(user, name, False)))


def is_officer(user: Any) -> bool:
    """Office staff (officer, Pimpinan, admin) attached to an office, so with a region scope."""
    return getattr(user, "role", None) in OFFICE_ROLES and bool(user.scope_code)


def is_ormas_account(user: Any) -> bool:
    """Any Ormas account, also one still waiting for its request to be confirmed."""
    return getattr(user, "role", None) == Role.ORMAS_ACCOUNT


def acts_for_ormas(user: Any) -> bool:
    """An Ormas account that has been confirmed for its Ormas (ormas set)."""
    return is_ormas_account(user) and bool(user.ormas_id)


registry_reader = capability_required("can_read_registry")
registry_editor = capability_required("can_edit_registry")
# Office staff with a scope: the services work list, application pages, counter entry.
officer_required = user_passes(is_officer)
# Any Ormas account: its own waiting and home pages (the Ormas itself is checked by the view).
ormas_account_required = user_passes(is_ormas_account)
# A confirmed Ormas account acting for its Ormas: applying for services.
acting_ormas_required = user_passes(acts_for_ormas)
# Pages used both by the Ormas account and by an officer entering a counter application.
filer_required = user_passes(lambda user: acts_for_ormas(user) or is_officer(user))
