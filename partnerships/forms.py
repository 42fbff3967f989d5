"""Forms of the partnership and business-unit pages. The other Ormas of a link is found by name (htmx search) and
sent as its public id; the view resolves it through the visibility rule of whoever is filling in the form."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerships.models import BusinessUnit, BusinessUnitYear, Partner, Partnership
from regions.models import Region

ACCEPT = ".pdf,.docx,.jpg,.jpeg,.png"
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PartnershipForm(forms.Form):
    counterpart = forms.ChoiceField(
        label=_("Partnership with"),
        choices=[("ormas", _("Another Ormas")), ("partner", _("A government body, company, university or forum"))],
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        initial="partner",
    )
    other_ormas = forms.CharField(required=False, widget=forms.HiddenInput)
    partner_kind = forms.ChoiceField(
        label=_("Kind of partner"), choices=[("", "—"), *Partner.Kind.choices], required=False
    )
    partner_name = forms.CharField(label=_("Partner's name"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("Kind of link"), choices=Partnership.Kind.choices)
    title = forms.CharField(label=_("Subject"), max_length=200, help_text=_("What the partnership is about."))
    starts_on = forms.DateField(label=_("Starts on"), widget=DATE)
    ends_on = forms.DateField(
        label=_("Ends on"), widget=DATE, required=False, help_text=_("Leave empty if it has no end date.")
    )
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    document = forms.FileField(
        label=_("Document (MoU, minutes, letter)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
        help_text=_("PDF, Word or a scan (JPG/PNG), at most 10 MB."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("counterpart") == "ormas":
            if not data.get("other_ormas"):
                self.add_error(None, _("Find the other Ormas by name and choose it from the list."))
            data["partner_kind"], data["partner_name"] = "", ""
        elif data.get("counterpart") == "partner":
            data["other_ormas"] = ""
            if not data.get("partner_kind"):
                self.add_error("partner_kind", _("Choose what kind of body the partner is."))
            if not (data.get("partner_name") or "").strip():
                self.add_error("partner_name", _("Write the partner's name."))
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The partnership cannot end before it starts."))
        return data


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=300)


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    file = forms.FileField(label=_("File"), widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}))


class BusinessUnitForm(forms.ModelForm):
    class Meta:
        model = BusinessUnit
        fields = [
            "name",
            "kind",
            "sector",
            "members_involved",
            "started_on",
            "regency",
            "programme",
            "registration_number",
            "bumdes_name",
            "is_active",
        ]
        widgets = {"started_on": DATE}

    def __init__(self, *args: Any, programmes: Any, scope: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["regency"].queryset = Region.objects.regencies().filter(code__startswith=scope[:2])  # type: ignore[attr-defined]
        self.fields["regency"].required = False
        self.fields["regency"].help_text = _("Where the unit works; empty: the kab/kota of the secretariat.")
        self.fields["programme"].queryset = programmes  # type: ignore[attr-defined]
        self.fields["started_on"].widget.attrs["max"] = timezone.localdate().isoformat()
        if not self.instance.pk:
            del self.fields["is_active"]  # a new unit is active; the box is for closing one later

    def values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name in self.fields}

    def changed_values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.changed_data}


class YearForm(forms.ModelForm):
    class Meta:
        model = BusinessUnitYear
        fields = ["year", "members_involved", "people_trained", "businesses_started", "revenue_band"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        self.fields["year"] = forms.TypedChoiceField(
            label=_("Year"),
            coerce=int,
            choices=[(y, str(y)) for y in range(this_year, this_year - 6, -1)],
            initial=this_year - 1,
        )


class FilterForm(forms.Form):
    regency = forms.ChoiceField(
        label=_("Regency/city"), required=False, widget=forms.Select(attrs={"class": "form-select"})
    )

    def __init__(self, *args: Any, scope: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        regencies = Region.objects.regencies().filter(code__startswith=scope) if scope.count(".") == 0 else None
        choices = [(r.code, r.name) for r in regencies] if regencies is not None else []
        self.fields["regency"].choices = [("", _("All in my region")), *choices]  # type: ignore[attr-defined]
        if regencies is None:
            self.fields["regency"].widget = forms.HiddenInput()

    def chosen_regency(self) -> str:
        return self.cleaned_data.get("regency", "") if self.is_valid() else ""
