"""Second factor for staff: a user with a device must verify it; admin, Pimpinan and officers must have one.

A local demo started with WADAH_DEMO_SKIP_TWO_FACTOR (only honoured with DEBUG on) lets staff in without pairing an
app; anyone who pairs one still verifies it.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

# Pages a half-logged-in user still needs: the second-factor pages themselves, logout, language, static files.
_EXEMPT_NAMES = ("accounts:otp-verify", "accounts:otp-setup", "accounts:logout", "set_language")


class RequireVerifiedStaffMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self._exempt: tuple[str, ...] | None = None

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and not user.is_verified():  # type: ignore[union-attr, attr-defined]
            if self._exempt is None:
                self._exempt = tuple(reverse(name) for name in _EXEMPT_NAMES)
            path = request.path
            if not path.startswith(self._exempt) and not path.startswith("/static/"):
                from django_otp import user_has_device

                if user_has_device(user, confirmed=True):
                    return redirect(f"{reverse('accounts:otp-verify')}?next={path}")
                if getattr(user, "requires_totp", False) and not settings.WADAH_DEMO_SKIP_TWO_FACTOR:
                    return redirect(reverse("accounts:otp-setup"))
        return self.get_response(request)
