"""Forms validate only: the actions decide what is allowed. A draft may be saved half-filled."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from fieldreports.models import Classification, FieldReport, Prohibition
from regions.forms import RegionPickerMixin
from regions.models import Region
from registry.forms import label_blank_choices
from registry.models import Ormas


class FieldReportForm(RegionPickerMixin, forms.Form):
    ormas = forms.ModelChoiceField(
        label=_("Registered Ormas"), queryset=Ormas.objects.none(), required=False, widget=forms.HiddenInput
    )
    ormas_search = forms.CharField(
        label=_("Find the Ormas"),
        required=False,
        max_length=100,
        help_text=_("Type part of its name or abbreviation, then pick it from the list."),
    )
    ormas_text = forms.CharField(
        label=_("Ormas as seen (if not in the list)"),
        max_length=255,
        required=False,
        help_text=_("The name on banners or uniforms, or a description."),
    )
    place = forms.CharField(
        label=_("Place"),
        max_length=300,
        required=False,
        help_text=_("Street, building or landmark."),
    )
    observed_on = forms.DateField(label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    observed_at = forms.TimeField(label=_("Time"), required=False, widget=forms.TimeInput(attrs={"type": "time"}))
    activity = forms.CharField(
        label=_("What was the Ormas doing?"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    observations = forms.CharField(
        label=_("What did you observe?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Facts first: how many people, attributes, words used, what happened next."),
    )
    classification = forms.ChoiceField(
        label=_("Classification"), choices=Classification.choices, required=False, widget=forms.RadioSelect
    )
    prohibition = forms.ChoiceField(
        label=_("Which prohibition (for a possible violation)"),
        choices=[("", _("— choose —")), *Prohibition.choices],
        required=False,
    )
    photo = forms.FileField(
        label=_("Add a photo"),
        required=False,
        help_text=_("JPG, PNG or WEBP, at most 10 MB. Take it with the camera or choose one."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*", "capture": "environment"}),
    )
    latitude = forms.DecimalField(required=False, max_digits=12, decimal_places=8, widget=forms.HiddenInput)
    longitude = forms.DecimalField(required=False, max_digits=12, decimal_places=8, widget=forms.HiddenInput)
    accuracy = forms.FloatField(required=False, min_value=0, widget=forms.HiddenInput)
    taken_at = forms.DateTimeField(required=False, widget=forms.HiddenInput)

    # The fields the report itself keeps (the rest describe the photo or help to find the Ormas).
    REPORT_FIELDS = ("ormas", "ormas_text", "place", "observed_on", "observed_at", "activity", "observations")

    def __init__(self, *args: Any, user: Any, report: FieldReport | None = None, **kwargs: Any) -> None:
        if report is not None and not kwargs.get("initial"):
            kwargs["initial"] = {
                "ormas": report.ormas_id,
                "ormas_search": report.ormas.name if report.ormas_id else "",  # type: ignore[union-attr]
                "ormas_text": report.ormas_text,
                "place": report.place,
                "observed_on": report.observed_on,
                "observed_at": report.observed_at,
                "activity": report.activity,
                "observations": report.observations,
                "classification": report.classification,
                "prohibition": report.prohibition,
            }
        elif report is None:
            kwargs.setdefault("initial", {"observed_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.fields["ormas"].queryset = Ormas.objects.visible_to(user)  # type: ignore[attr-defined]
        self.setup_regions(user.scope_code or "62", report.region if report and report.region_id else None)
        for name in ("regency", "district", "region_code"):
            self.fields[name].required = False
        self.fields["region_code"].label = _("Village (desa/kelurahan), if known")
        label_blank_choices(self)

    def clean_region_code(self) -> Region | None:  # type: ignore[override]
        if not self.cleaned_data.get("region_code"):
            return None
        return super().clean_region_code()

    def chosen_region(self) -> Region | None:
        """The village when chosen, else the district (kecamatan); a kab/kota alone is too vague for a report."""
        region = self.cleaned_data.get("region_code")
        if isinstance(region, Region):
            return region
        district = self.cleaned_data.get("district")
        if district:
            return Region.objects.filter(code=district, level=Region.Level.KECAMATAN).first()
        return None

    def report_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        values = {name: data.get(name) for name in self.REPORT_FIELDS}
        for name in ("ormas_text", "place", "activity", "observations"):
            values[name] = (values[name] or "").strip()
        values["classification"] = data.get("classification") or ""
        values["prohibition"] = data.get("prohibition") or ""
        values["region"] = self.chosen_region()
        return values

    def photo_meta(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {key: data.get(key) for key in ("latitude", "longitude", "accuracy", "taken_at")}


class AttachForm(forms.Form):
    case = forms.ModelChoiceField(label=_("Case"), queryset=FieldReport.objects.none(), empty_label=_("— choose —"))

    def __init__(self, *args: Any, cases: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["case"].queryset = cases  # type: ignore[attr-defined]


class ShareForm(forms.Form):
    agency = forms.ModelChoiceField(
        label=_("Share with"), queryset=FieldReport.objects.none(), empty_label=_("— choose —")
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args: Any, agencies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies  # type: ignore[attr-defined]
