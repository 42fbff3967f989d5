"""Forms of the guidance pages. Labels above inputs, the right input types, errors that say what to do."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from guidance.capacity import dimension_names
from guidance.models import Event, EventFile, Instrument, Programme, ProgrammeType
from regions.forms import RegionPickerMixin
from regions.models import Region
from registry.models import FieldOfActivity

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def regency_choices(scope: str) -> list[tuple[str, Any]]:
    regencies = Region.objects.regencies().within(scope[:2]).filter(code__startswith=scope)
    province = [] if "." in scope else [(scope, _("Whole province"))]
    return [*province, *[(r.code, r.name) for r in regencies]]


class ProgrammeForm(forms.ModelForm[Programme]):
    region_code = forms.ChoiceField(label=_("Regency/city"))
    focus_dimensions = forms.MultipleChoiceField(
        label=_("Capacity dimensions addressed"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Ormas weakest in these are suggested for invitation."),
    )

    class Meta:
        model = Programme
        fields = [
            "name",
            "programme_type",
            "goals",
            "target_group",
            "fields_of_activity",
            "budget_line",
            "budget_amount",
            "starts_on",
            "ends_on",
        ]
        widgets = {
            "starts_on": DATE,
            "ends_on": DATE,
            "goals": forms.Textarea(attrs={"rows": 3}),
            "target_group": forms.Textarea(attrs={"rows": 2}),
            "fields_of_activity": forms.CheckboxSelectMultiple,
            "budget_amount": forms.NumberInput(attrs={"min": 0, "step": 1000, "inputmode": "numeric"}),
        }

    def __init__(self, *args: Any, scope: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["programme_type"].queryset = ProgrammeType.objects.filter(is_active=True)  # type: ignore[attr-defined]
        self.fields["fields_of_activity"].queryset = FieldOfActivity.objects.filter(is_active=True)  # type: ignore[attr-defined]
        self.fields["fields_of_activity"].required = False
        self.fields["region_code"].choices = regency_choices(scope)  # type: ignore[attr-defined]
        self.fields["focus_dimensions"].choices = list(dimension_names().items())  # type: ignore[attr-defined]
        if self.instance.pk:
            self.initial.setdefault("region_code", self.instance.region_id)
            self.initial.setdefault("focus_dimensions", self.instance.focus_dimensions)
        else:
            self.initial.setdefault("region_code", scope)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("starts_on") and cleaned.get("ends_on") and cleaned["ends_on"] < cleaned["starts_on"]:
            self.add_error("ends_on", _("The end date must be on or after the start date."))
        return cleaned

    def values(self) -> dict[str, Any]:
        data = {f: self.cleaned_data[f] for f in self.Meta.fields if f != "fields_of_activity"}
        data["region"] = Region.objects.get(code=self.cleaned_data["region_code"])
        data["focus_dimensions"] = list(self.cleaned_data["focus_dimensions"])
        return data


class EventForm(RegionPickerMixin, forms.ModelForm[Event]):
    class Meta:
        model = Event
        fields = [
            "title",
            "starts_at",
            "ends_at",
            "venue_name",
            "venue_address",
            "online_url",
            "capacity",
            "seats_per_ormas",
            "agenda",
            "speakers",
        ]
        widgets = {
            "starts_at": DATETIME,
            "ends_at": DATETIME,
            "agenda": forms.Textarea(attrs={"rows": 4}),
            "speakers": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, scope: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("regency", "district", "region_code"):
            self.fields[name].required = False
        self.setup_regions(scope, self.instance.venue_region if self.instance.pk else None)
        self.fields["regency"].label = _("Venue: regency/city")
        self.fields["region_code"].label = _("Venue: village (desa/kelurahan)")

    def clean_region_code(self) -> Region | None:  # type: ignore[override]
        if not self.cleaned_data.get("region_code"):
            return None
        return super().clean_region_code()

    def clean(self) -> dict[str, Any]:
        cleaned = forms.ModelForm.clean(self) or {}
        region = cleaned.get("region_code")
        if isinstance(region, Region) and cleaned.get("district") and not region.code.startswith(cleaned["district"]):
            self.add_error("region_code", _("This village is not in the chosen district."))
        if not region and not cleaned.get("online_url"):
            self.add_error("region_code", _("Choose the venue's village, or give an online meeting link."))
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends < starts:
            self.add_error("ends_at", _("The end must be after the start."))
        return cleaned

    def values(self) -> dict[str, Any]:
        data = {f: self.cleaned_data[f] for f in self.Meta.fields}
        data["venue_region"] = self.cleaned_data.get("region_code")
        return data


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)


class OutcomeForm(forms.Form):
    report = forms.CharField(
        label=_("Outcome report"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What was covered, what participants agreed or asked for, follow-up."),
        max_length=10000,
    )


class EventFileForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=EventFile.Kind.choices)
    title = forms.CharField(label=_("Title"), required=False, max_length=200)
    file = forms.FileField(
        label=_("File"), widget=forms.ClearableFileInput(attrs={"accept": "image/*,application/pdf,.docx,.xlsx"})
    )


class InviteFilterForm(forms.Form):
    """Which Ormas to list for inviting: by name, kab/kota, field of activity, or capacity gap."""

    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    regency = forms.ChoiceField(label=_("Regency/city"), required=False)
    field = forms.ModelChoiceField(
        label=_("Field of activity"), queryset=FieldOfActivity.objects.none(), required=False
    )
    gap = forms.ChoiceField(label=_("Weak in"), required=False, help_text=_("From the latest capacity assessment."))

    def __init__(self, *args: Any, scope: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["regency"].choices = [("", _("All in the programme's region"))] + [  # type: ignore[attr-defined]
            c for c in regency_choices(scope) if "." in c[0]
        ]
        self.fields["field"].queryset = FieldOfActivity.objects.filter(is_active=True)  # type: ignore[attr-defined]
        self.fields["gap"].choices = [("", "—"), *dimension_names().items()]  # type: ignore[attr-defined]


class InviteForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for inviting"),
        required=False,
        max_length=1000,
        help_text=_("Kept with each invitation. Suggested Ormas also get their assessment gap as the reason."),
    )
    with_letter = forms.BooleanField(label=_("Issue a numbered invitation letter to each Ormas"), required=False)


class ParticipantForm(forms.Form):
    name = forms.CharField(label=_("Full name"), max_length=150, required=False)
    position = forms.CharField(label=_("Position in the Ormas"), max_length=120, required=False)
    phone = forms.CharField(
        label=_("Phone"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel"}),
    )
    nik = forms.CharField(
        label=_("NIK (optional)"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        help_text=_("16 digits. Shown masked to everyone but the officers who need it."),
    )


ParticipantFormSet = forms.formset_factory(ParticipantForm, extra=0, max_num=20)


class DeclineForm(forms.Form):
    reason = forms.CharField(label=_("Reason (optional)"), required=False, max_length=1000)


class AssessmentForm(forms.Form):
    """One radio group per question of the instrument, and an evidence field beside each."""

    assessed_on = forms.DateField(label=_("Date of the assessment"), widget=DATE)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)

    def __init__(self, *args: Any, instrument: Instrument, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        self.initial.setdefault("assessed_on", timezone.localdate())
        self.groups: list[tuple[Any, list[tuple[forms.BoundField, forms.BoundField]]]] = []
        for dimension in instrument.dimensions.prefetch_related("questions__options"):
            rows = []
            for question in dimension.questions.all():
                name = f"q{question.pk}"
                # A plain CharField: a value outside the scale reaches the action, which refuses it with a message.
                self.fields[name] = forms.CharField(label=question.text, required=False)
                self.fields[name].options = list(question.options.all())  # type: ignore[attr-defined]
                self.fields[f"e{question.pk}"] = forms.CharField(
                    label=_("Evidence"), required=False, max_length=500, help_text=question.evidence_hint
                )
                rows.append((self[name], self[f"e{question.pk}"]))
            self.groups.append((dimension, rows))

    def answers(self) -> dict[int, str]:
        return {
            int(name[1:]): self.cleaned_data.get(name, "")
            for name in self.fields
            if name.startswith("q") and name[1:].isdigit()
        }

    def evidence(self) -> dict[int, str]:
        return {
            int(name[1:]): self.cleaned_data.get(name, "")
            for name in self.fields
            if name.startswith("e") and name[1:].isdigit()
        }
