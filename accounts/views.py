from base64 import b32encode
from typing import Any

import segno
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import staff_actions
from accounts.forms import LoginForm, TokenForm, VerifyForm
from accounts.models import Role


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self) -> str:
        return home_url_for(self.request.user)


def home_url_for(user: Any) -> str:
    """Where a user lands after login (and from "Home" links).

    An Ormas account without a confirmed Ormas waits (ormas_accounts:ormas-waiting); with one it goes to the services
    applicant home. Leaders start on the dashboard, officers on their work list, agency members on the registry.
    """
    role = getattr(user, "role", None)
    if role == Role.ADMIN:
        return reverse("admin:index")
    if role == Role.ORMAS_ACCOUNT:
        if not getattr(user, "ormas_id", None):
            return reverse("ormas_accounts:ormas-waiting")
        return reverse("services:applicant-home")
    if role == Role.PARTNER:
        return reverse("opportunities:partner-home")
    if role == Role.LEADER:
        return reverse("insights:home")  # the Pimpinan's first page is the dashboard (issue 14)
    if role == Role.OFFICER:
        return reverse("services:worklist")  # ux.md: the first page after login is "Tugas saya"
    return reverse("registry:ormas-list")


class LogoutView(auth_views.LogoutView):
    pass


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return home_url_for(request.user)


@login_required
def otp_verify(request: HttpRequest) -> HttpResponse:
    if not user_has_device(request.user, confirmed=True):
        return redirect("accounts:otp-setup")
    form = VerifyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # The app's code, or a single-use recovery code (used up by match_token) when the phone is lost.
        device = match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                messages.warning(request, _("You used a recovery code. It cannot be used again."))
            return redirect(_safe_next(request))
        form.add_error("token", _("The code is wrong or has expired. Enter the current 6-digit code from your app."))
    return render(request, "accounts/otp_verify.html", {"form": form, "next": request.GET.get("next", "")})


@login_required
def otp_setup(request: HttpRequest) -> HttpResponse:
    """Pair an authenticator app: show a QR code, then confirm one code before the device counts."""
    if TOTPDevice.objects.devices_for_user(request.user, confirmed=True).exists():
        messages.info(request, _("Two-step verification is already active on your account."))
        return redirect(home_url_for(request.user))
    device, _created = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "Authenticator"}
    )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(request, _("Two-step verification is now active."))
            # Shown once: the way back in when the phone is lost (each code works one time).
            codes = staff_actions.issue_recovery_codes(request.user)  # type: ignore[arg-type]
            return render(request, "accounts/otp_recovery.html", {"codes": codes, "next": home_url_for(request.user)})
        form.add_error("token", _("The code does not match. Check your phone's clock and try the newest code."))
    qr = segno.make(device.config_url, error="m").svg_data_uri(scale=5)
    return render(
        request,
        "accounts/otp_setup.html",
        {
            "form": form,
            "qr": qr,
            "secret": b32encode(device.bin_key).decode(),
            "required": getattr(request.user, "requires_totp", False),
        },
    )


# --- Password reset by e-mail (Django's views, Wadah's templates) -----------------------------------------------


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password-reset-done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password-reset-complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
