"""Forms of the grant pages. Budget lines are typed one per line, "item ; amount", so the form works on a phone."""

from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wadah.lib.files import DOCUMENT_TYPES

ACCEPT = ",".join("." + extension for extension in DOCUMENT_TYPES)


def parse_lines(text: str) -> list[tuple[str, Decimal]]:
    lines = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        item, _sep, amount = raw.rpartition(";")
        try:
            value = Decimal(amount.strip().replace(".", "").replace(",", ""))
        except InvalidOperation:
            raise ValidationError(
                _("Line %(number)d: write the item, a semicolon, then the amount in rupiah.") % {"number": number}
            ) from None
        lines.append((item.strip(), value))
    return lines


class ProposalForm(forms.Form):
    title = forms.CharField(label=_("Activity"), max_length=200)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    requested_amount = forms.DecimalField(label=_("Amount requested (Rp)"), max_digits=15, decimal_places=0)
    budget = forms.CharField(
        label=_("Budget lines"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One item per line: item ; amount. For example: Konsumsi peserta ; 5000000"),
    )
    document = forms.FileField(
        label=_("Proposal document"), required=False, widget=forms.ClearableFileInput(attrs={"accept": ACCEPT})
    )

    def clean_budget(self) -> list[tuple[str, Decimal]]:
        return parse_lines(self.cleaned_data["budget"])


class CounterProposalForm(ProposalForm):
    ormas: forms.ModelChoiceField = forms.ModelChoiceField(label=_("Ormas"), queryset=None)  # type: ignore[arg-type]

    def __init__(self, *args: Any, ormas_queryset: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ormas"].queryset = ormas_queryset  # type: ignore[attr-defined]
        self.order_fields(["ormas"])


class DecisionForm(forms.Form):
    nphd_number = forms.CharField(label=_("NPHD number"), max_length=80)
    nphd_date = forms.DateField(label=_("NPHD date"), widget=forms.DateInput(attrs={"type": "date"}))
    amount = forms.DecimalField(label=_("Amount granted (Rp)"), max_digits=15, decimal_places=0)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class UploadForm(forms.Form):
    file = forms.FileField(label=_("File"), widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}))
