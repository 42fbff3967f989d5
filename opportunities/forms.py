"""Forms of the opportunities board: the partner's offer, the officer's note, the Ormas's application."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from grants.models import EligibilityRule
from opportunities.models import Offer
from regions.models import Region
from registry.models import FieldOfActivity


class OfferForm(forms.ModelForm):
    class Meta:
        model = Offer
        fields = [
            "kind",
            "title",
            "description",
            "seats",
            "apply_by",
            "gate_rules",
            "fields",
            "regions",
            "min_capacity",
            "max_capacity",
        ]
        widgets = {
            "kind": forms.Select(attrs={"class": "form-select"}),
            "description": forms.Textarea(attrs={"rows": 4}),
            "apply_by": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "gate_rules": forms.CheckboxSelectMultiple,
            "fields": forms.CheckboxSelectMultiple,
            "regions": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "gate_rules": _("The grant gate's legal conditions this opportunity also requires."),
            "min_capacity": _("0–100, from the Ormas's latest validated capacity assessment. Empty: no limit."),
        }

    def __init__(self, *args: Any, region_code: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        gate = self.fields["gate_rules"]
        gate.queryset = EligibilityRule.objects.filter(enabled=True)  # type: ignore[attr-defined]
        gate.label_from_instance = lambda rule: rule.label  # type: ignore[attr-defined]
        self.fields["fields"].queryset = FieldOfActivity.objects.all()  # type: ignore[attr-defined]
        # The regencies of the office's region (a kab/kota office: its own kab/kota only).
        regencies = Region.objects.regencies().filter(code__startswith=region_code)
        self.fields["regions"].queryset = regencies  # type: ignore[attr-defined]
        if not self.instance.pk:
            self.initial.setdefault("gate_rules", list(gate.queryset))  # type: ignore[attr-defined]


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Note"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))


class ApplicationForm(forms.Form):
    contact_name = forms.CharField(label=_("Contact person"), max_length=120)
    contact_phone = forms.CharField(label=_("Contact phone"), max_length=40, required=False)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)
    message = forms.CharField(
        label=_("Why your Ormas applies"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=2000
    )
    confirm = forms.BooleanField(
        label=_("I agree that the partner sees my Ormas's name, registration, kab/kota, bidang and the contact above.")
    )


class ServedForm(forms.Form):
    served_on = forms.DateField(label=_("Served on"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=_("Note"), max_length=500, required=False)
