from typing import TypeVar

from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from letters.models import Letter

Letters = TypeVar("Letters", bound=QuerySet[Letter])


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

    def narrow(self, queryset: Letters) -> Letters:
        """The register's search and status filter on a (visible) queryset, shared by the list and its export.
        "Expired" is a valid letter past its valid_until, not a stored status. Call after is_valid()."""
        q = self.cleaned_data["q"].strip()
        if q:
            queryset = queryset.filter(Q(number__icontains=q) | Q(ormas__name__icontains=q))
        status = self.cleaned_data["status"]
        today = timezone.localdate()
        if status == Letter.EXPIRED:
            queryset = queryset.filter(status=Letter.Status.VALID, valid_until__lt=today)
        elif status == Letter.Status.VALID:
            queryset = queryset.filter(status=Letter.Status.VALID).filter(
                Q(valid_until__isnull=True) | Q(valid_until__gte=today)
            )
        elif status:
            queryset = queryset.filter(status=status)
        return queryset


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
