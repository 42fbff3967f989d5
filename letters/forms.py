from django import forms
from django.utils.translation import gettext_lazy as _

from letters.models import Letter


class LetterFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=120, help_text=_("Letter number or Ormas name"))
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("All")),
            (Letter.Status.VALID, _("Valid")),
            (Letter.EXPIRED, _("Expired")),
            (Letter.Status.REVOKED, _("Revoked")),
            (Letter.Status.SUPERSEDED, _("Superseded")),
        ],
    )


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_("Shown to anyone who checks the letter's QR code."),
    )
    confirm = forms.BooleanField(label=_("I understand that the letter stops being valid immediately."))

    def clean_reason(self) -> str:
        reason: str = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Give the reason."))
        return reason


class ScanForm(forms.Form):
    file = forms.FileField(
        label=_("Scan of the signed letter"),
        help_text=_("PDF or a photo (JPG, PNG), at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
    )
