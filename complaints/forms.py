"""Forms for complaints: the public web form, the officer's intake form, and the triage action forms."""

import uuid
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from complaints.actions import check_attachment
from complaints.models import Complaint, ComplaintAttachment
from regions.forms import RegionPickerMixin
from regions.models import Region
from regions.scope import within
from registry.models import Ormas


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*,application/pdf"}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        return [super(MultipleFileField, self).clean(f, initial) for f in files if f]


class ComplaintFieldsForm(RegionPickerMixin, forms.Form):
    """What every complaint records, whoever types it in."""

    ormas = forms.UUIDField(required=False, widget=forms.HiddenInput)
    ormas_text = forms.CharField(
        label=_("Or describe the organisation"),
        max_length=300,
        required=False,
        help_text=_("If it is not in the list: its name, uniform, banner or anything else that identifies it."),
    )
    description = forms.CharField(
        label=_("What happened?"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=10000,
        help_text=_("Who did what, to whom, and what you saw or heard yourself."),
    )
    place = forms.CharField(
        label=_("Place"), max_length=300, required=False, help_text=_("Street, building or landmark.")
    )
    incident_date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    incident_time = forms.TimeField(
        label=_("Time (if known)"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    attachments = MultipleFileField(
        label=_("Photos or documents (optional)"),
        required=False,
        help_text=_("Up to 5 files: photos (JPG, PNG, WEBP) or PDF."),
    )
    complainant_name = forms.CharField(label=_("Your name"), max_length=150, required=False)
    complainant_phone = forms.CharField(label=_("Phone or WhatsApp"), max_length=40, required=False)
    complainant_email = forms.EmailField(label=_("E-mail"), required=False)

    def __init__(self, *args: Any, scope: str = "62", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region_code"].required = False
        self.fields["region_code"].label = _("Village (desa/kelurahan), if known")
        self.setup_regions(scope, None)
        self.ormas_object: Ormas | None = None

    def clean_region_code(self) -> Region | None:  # type: ignore[override]
        code = self.cleaned_data.get("region_code") or ""
        if not code:
            return None
        return super().clean_region_code()

    def clean_ormas(self) -> uuid.UUID | None:
        value = self.cleaned_data.get("ormas")
        if value:
            self.ormas_object = Ormas.objects.filter(public_id=value).first()
            if self.ormas_object is None:
                raise ValidationError(_("Choose the Ormas again from the list."))
        return value

    def clean_incident_date(self) -> Any:
        value = self.cleaned_data["incident_date"]
        if value > timezone.localdate():
            raise ValidationError(_("The date cannot be in the future."))
        return value

    def clean_attachments(self) -> list[UploadedFile]:
        files = self.cleaned_data.get("attachments") or []
        if len(files) > ComplaintAttachment.MAX_FILES:
            raise ValidationError(_("Attach at most %(n)d files.") % {"n": ComplaintAttachment.MAX_FILES})
        for upload in files:
            try:
                check_attachment(upload)
            except ValidationError as error:
                raise ValidationError(f"{upload.name}: {' '.join(error.messages)}") from error
        return files

    def clean(self) -> dict[str, Any]:
        cleaned = forms.Form.clean(self) or {}
        village = cleaned.get("region_code")
        district_code = cleaned.get("district") or ""
        if isinstance(village, Region):
            if district_code and not village.code.startswith(district_code):
                self.add_error("region_code", _("This village is not in the chosen district."))
            cleaned["region"] = village
        elif district_code:
            district = Region.objects.filter(code=district_code, parent_id=cleaned.get("regency") or "-").first()
            if district is None or not within(district.code, self.region_scope):
                self.add_error("district", _("Choose a district within the region."))
            else:
                cleaned["region"] = district
        if not cleaned.get("ormas") and not (cleaned.get("ormas_text") or "").strip() and "ormas" not in self.errors:
            self.add_error("ormas_text", _("Choose the Ormas from the list or describe it."))
        return cleaned


class PublicComplaintForm(ComplaintFieldsForm):
    # Invisible to people (hidden by CSS and aria-hidden); bots fill in every field they find.
    website = forms.CharField(label=_("Leave this empty"), required=False)
    started = forms.CharField(widget=forms.HiddenInput, required=False)
    consent = forms.BooleanField(
        label=_("What I report is true to the best of my knowledge."),
        required=True,
    )


class IntakeForm(ComplaintFieldsForm):
    """An officer types in a complaint received in person, by phone, by letter or through LAPOR!."""

    channel = forms.ChoiceField(
        label=_("Received by"),
        choices=[(c.value, c.label) for c in Complaint.Channel if c != Complaint.Channel.WEB],
        widget=forms.RadioSelect,
    )
    lapor_reference = forms.CharField(label=_("LAPOR! reference number"), max_length=60, required=False)

    field_order = ["channel", "lapor_reference"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("channel") == Complaint.Channel.LAPOR and not (cleaned.get("lapor_reference") or "").strip():
            self.add_error("lapor_reference", _("Enter the LAPOR! reference number."))
        return cleaned


class StatusLookupForm(forms.Form):
    code = forms.CharField(
        label=_("Tracking code"),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
        help_text=_("The code you were given when you sent the complaint, e.g. K7Q2-9MXD-…"),
    )


class ComplaintFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All")), ("open", _("Open"))] + list(Complaint.Status.choices),
    )
    channel = forms.ChoiceField(
        label=_("Channel"), required=False, choices=[("", _("All"))] + list(Complaint.Channel.choices)
    )
    overdue = forms.BooleanField(label=_("Triage overdue only"), required=False)


class PoliceReferralForm(forms.Form):
    police_unit = forms.CharField(
        label=_("Addressed to"),
        max_length=200,
        initial="Kepala Kepolisian Daerah Kalimantan Tengah",
        help_text=_("The Kapolda, or the Kapolres of the kab/kota."),
    )
    summary = forms.CharField(label=_("Summary for the police"), widget=forms.Textarea(attrs={"rows": 4}))


class OpenCaseForm(forms.Form):
    summary = forms.CharField(label=_("Why a case is opened"), widget=forms.Textarea(attrs={"rows": 3}))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class GroupForm(forms.Form):
    into = forms.IntegerField(widget=forms.HiddenInput)


class ProgressForm(forms.ModelForm):
    class Meta:
        model = Complaint
        fields = ["public_progress", "internal_note"]
        widgets = {
            "public_progress": forms.Textarea(attrs={"rows": 3}),
            "internal_note": forms.Textarea(attrs={"rows": 3}),
        }
