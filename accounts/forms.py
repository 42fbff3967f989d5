import datetime as dt
from typing import Any

from axes.models import AccessAttempt
from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.contact import office_contact
from wadah.lib.clientip import client_ip


class LoginForm(AuthenticationForm):
    """Axes locks a username+address pair; this adds the wider limits of settings.LOGIN_*_FAILURE_LIMIT, so that a
    guesser who changes address, or tries many usernames from one address, is stopped too."""

    error_messages = {
        "invalid_login": _(
            "The username or password is wrong. After 5 failed attempts the login is locked for 30 minutes."
        ),
        "inactive": _("This account has been deactivated. Contact your office's administrator."),
    }

    def clean(self) -> dict[str, Any]:
        username = (self.data.get("username") or "").strip()
        if self.request is not None and username and self._too_many_failures(username):
            raise forms.ValidationError(
                _(
                    "Too many failed logins for this account or from your network. Wait %(minutes)d minutes and try "
                    "again, or contact %(contact)s."
                )
                % {"minutes": int(settings.AXES_COOLOFF_TIME * 60), "contact": office_contact()},
                code="throttled",
            )
        return super().clean()

    def _too_many_failures(self, username: str) -> bool:
        assert self.request is not None
        since = timezone.now() - dt.timedelta(hours=settings.AXES_COOLOFF_TIME)
        recent = AccessAttempt.objects.filter(attempt_time__gte=since)
        by_user = recent.filter(username=username).aggregate(n=Sum("failures_since_start"))["n"] or 0
        by_address = recent.filter(ip_address=client_ip(self.request)).aggregate(n=Sum("failures_since_start"))["n"]
        return by_user >= settings.LOGIN_USERNAME_FAILURE_LIMIT or (by_address or 0) >= (
            settings.LOGIN_ADDRESS_FAILURE_LIMIT
        )


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("6-digit code"),
        min_length=6,
        max_length=6,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}),
    )

    def clean_token(self) -> str:
        token = self.cleaned_data["token"].strip()
        if not token.isdigit():
            raise forms.ValidationError(_("The code has digits only."))
        return token


class VerifyForm(forms.Form):
    """The second step of a login: the app's 6-digit code, or one of the single-use recovery codes."""

    token = forms.CharField(
        label=_("6-digit code or recovery code"),
        min_length=6,
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "autocapitalize": "none"}),
    )

    def clean_token(self) -> str:
        token = "".join(self.cleaned_data["token"].split()).replace("-", "").lower()
        if not token.isalnum():
            raise forms.ValidationError(_("Enter the 6-digit code from your app, or a recovery code."))
        return token


# What a phone camera or a scanner produces; the type is sniffed from the content, not the name.
