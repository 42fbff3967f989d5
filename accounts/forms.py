from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "The username or password is wrong. After 5 failed attempts the login is locked for 30 minutes."
        ),
        "inactive": _("This account has been deactivated. Contact your office's administrator."),
    }


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
