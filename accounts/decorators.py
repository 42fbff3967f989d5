"""View guards by capability. Objects outside the user's scope are a separate matter: scoped querysets → 404."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase

View = Callable[..., HttpResponseBase]


def capability_required(name: str) -> Callable[[View], View]:
    """Require login and a true user.<name> (e.g. "can_read_registry"); otherwise 403."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not getattr(request.user, name, False):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return login_required(wrapper)

    return decorator


registry_reader = capability_required("can_read_registry")
registry_editor = capability_required("can_edit_registry")


def ormas_account_required(view: View) -> View:
    """Require login as an Ormas account (role pengurus_ormas); staff get 403. The Ormas itself is checked by the view."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        from accounts.models import Role

        if getattr(request.user, "role", None) != Role.ORMAS_ACCOUNT:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return login_required(wrapper)
