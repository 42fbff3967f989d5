from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Office
from portal.models import NOT_WITHHOLDABLE, CardField
from portal.register import Filters
from regions.models import Region
from registry.models import FieldOfActivity, Ormas


class DirectoryForm(forms.Form):
    """The public directory's search and filters (the same meaning as the API's query parameters)."""

    q = forms.CharField(
        label=_("Name, abbreviation or registration number"), required=False, max_length=100, strip=True
    )
    regency = forms.ChoiceField(label=_("Regency/city"), required=False)
    field = forms.ModelChoiceField(
        label=_("Field of activity"),
        queryset=FieldOfActivity.objects.filter(is_active=True).order_by("name"),
        required=False,
        empty_label=_("All"),
    )
    legal_form = forms.ChoiceField(
        label=_("Legal form"), choices=[("", _("All"))] + list(Ormas.LegalForm.choices), required=False
    )
    status = forms.ChoiceField(label=_("Status"), choices=[("", _("All"))] + list(Ormas.Status.choices), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The kab/kota that have a Kesbangpol office: the deployment's own area, whatever the province.
        regencies = (
            Region.objects.regencies().filter(code__in=Office.objects.values("region_id")).values_list("code", "name")
        )
        self.fields["regency"].choices = [("", _("All")), *regencies]  # type: ignore[attr-defined]
        for name in ("regency", "field", "legal_form", "status"):
            self.fields[name].widget.attrs["class"] = "form-select"

    def filters(self) -> Filters:
        if not self.is_valid():
            return Filters()
        data = self.cleaned_data
        return Filters(
            q=data["q"] or "",
            regency=data["regency"] or "",
            field=data["field"].pk if data["field"] else None,
            legal_form=data["legal_form"] or "",
            status=data["status"] or "",
        )


class WithholdingForm(forms.Form):
    fields_to_withhold = forms.MultipleChoiceField(
        label=_("Fields to leave off the public card"),
        choices=[(v, label) for v, label in CardField.choices if v not in NOT_WITHHOLDABLE],
        widget=forms.CheckboxSelectMultiple,
    )
    reason = forms.CharField(
        label=_("Why should these fields not be public?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_("For example: the secretariat is a board member's home."),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("grant", _("Grant: withhold the fields")), ("refuse", _("Refuse"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note to the Ormas"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Required when refusing."),
    )
