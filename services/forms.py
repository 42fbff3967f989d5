"""Forms for applications: they validate input only; services/actions.py makes the changes."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.models import Role, User
from regions.models import Region
from registry.models import BoardMember, Ormas
from services.models import Application, FieldCheck, ServiceType
from wadah.lib.nik import validate_nik

ACCEPT = "application/pdf,image/jpeg,image/png,image/webp"


class WorklistFilterForm(forms.Form):
    service = forms.ModelChoiceField(
        ServiceType.objects.all(),
        required=False,
        label=_("Service"),
        empty_label=_("All services"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    status = forms.ChoiceField(required=False, label=_("Status"), widget=forms.Select(attrs={"class": "form-select"}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        open_statuses = [(v, label) for v, label in Application.Status.choices if v not in Application.FINAL]
        status_field = self.fields["status"]
        assert isinstance(status_field, forms.ChoiceField)
        status_field.choices = [("", _("All open")), *open_statuses, ("decided", _("Decided (last 30 days)"))]


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF or a photo (JPG, PNG), at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT, "capture": "environment"}),
    )


class VerifyForm(forms.Form):
    result = forms.ChoiceField(
        choices=[("valid", pgettext_lazy("document check", "Valid")), ("needs_correction", _("Needs correction"))]
    )
    reason = forms.CharField(label=_("What must be corrected"), required=False, max_length=500)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("result") == "needs_correction" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Say what needs to be corrected."))
        return data


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Note to the applicant"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("approve", _("Approve")), ("reject", _("Reject"))], widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when rejecting: the applicant reads it."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "reject" and not (data.get("note") or "").strip():
            self.add_error("note", _("Give the reason for the rejection."))
        return data


class ScheduleFieldCheckForm(forms.Form):
    scheduled_for = forms.DateField(label=_("Visit on"), widget=forms.DateInput(attrs={"type": "date"}))
    officer = forms.ModelChoiceField(User.objects.none(), label=_("Field officer"))

    def __init__(self, *args: Any, application: Application, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        region = application.office.region_id
        officer_field = self.fields["officer"]
        assert isinstance(officer_field, forms.ModelChoiceField)
        officer_field.queryset = User.objects.filter(
            role__in=[Role.OFFICER, Role.LEADER], office__region_id=region, is_active=True
        ).order_by("first_name", "username")


class RecordFieldCheckForm(forms.Form):
    result = forms.ChoiceField(label=_("Result"), choices=FieldCheck.Result.choices, widget=forms.RadioSelect)
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    photo = forms.FileField(
        label=_("Photo of the secretariat"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/*", "capture": "environment"}),
    )
    latitude = forms.DecimalField(required=False, max_digits=9, decimal_places=6, widget=forms.HiddenInput)
    longitude = forms.DecimalField(required=False, max_digits=9, decimal_places=6, widget=forms.HiddenInput)
    taken_at = forms.DateTimeField(required=False, widget=forms.HiddenInput)


class SktForm(forms.Form):
    number = forms.CharField(label=_("SKT number"), max_length=80)
    issued_on = forms.DateField(label=_("Issued on"), widget=forms.DateInput(attrs={"type": "date"}))
    expires_on = forms.DateField(label=_("Valid until"), widget=forms.DateInput(attrs={"type": "date"}))
    siola_reference = forms.CharField(label=_("SIOLA application number"), max_length=80, required=False)


class StatementsForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I confirm that the documents are genuine and the statements above are true."), required=True
    )


class ContactForm(forms.Form):
    applicant_name = forms.CharField(label=_("Your name"), max_length=150)
    applicant_phone = forms.CharField(label=_("Your phone (WhatsApp)"), max_length=40)
    applicant_email = forms.EmailField(label=_("Your e-mail"), required=False)
    officials_on_board = forms.BooleanField(
        label=_("A state official, government official or public figure sits on our board"), required=False
    )


class AddressProposalForm(forms.Form):
    address = forms.CharField(label=_("New secretariat address"), max_length=300)
    region = forms.CharField(
        label=_("Village code (kode desa/kelurahan)"),
        max_length=13,
        required=False,
        help_text=_("For example 62.71.01.1001. Leave empty if the village stays the same."),
    )

    def clean_region(self) -> str:
        code = (self.cleaned_data.get("region") or "").strip()
        if code and not Region.objects.filter(code=code, level="desa").exists():
            raise forms.ValidationError(_("No village has this code."))
        return code


class ChapterProposalForm(forms.Form):
    chapter_name = forms.CharField(
        label=_("Name of the board in this region"), max_length=200, help_text=_('For example "DPD Kalimantan Tengah".')
    )
    address = forms.CharField(label=_("Secretariat address in this region"), max_length=300)


class ActivityProposalForm(forms.Form):
    """The activity the Ormas asks the office to recommend (rekomendasi kegiatan)."""

    title = forms.CharField(label=_("Name of the activity"), max_length=200)
    starts_on = forms.DateField(label=_("First day"), widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(
        label=_("Last day"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Empty: one day."),
    )
    place = forms.CharField(label=_("Place"), max_length=200)
    participants = forms.IntegerField(label=_("Expected participants"), min_value=1, max_value=1_000_000)
    addressed_to = forms.CharField(
        label=_("The recommendation is for"),
        max_length=200,
        help_text=_("For example “Polresta Palangka Raya (izin keramaian)” or “Dinas Pemuda dan Olahraga (dana)”."),
    )
    purpose = forms.CharField(
        label=_("Purpose of the request"), max_length=300, help_text=_("For example “permohonan izin keramaian”.")
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and starts < timezone.localdate():
            self.add_error("starts_on", _("The activity must not have started yet."))
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The last day cannot be before the first day."))
        return data

    def proposed(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "title": data["title"].strip(),
            "starts_on": data["starts_on"].isoformat(),
            "ends_on": (data.get("ends_on") or data["starts_on"]).isoformat(),
            "place": data["place"].strip(),
            "participants": data["participants"],
            "addressed_to": data["addressed_to"].strip(),
            "purpose": data["purpose"].strip(),
        }


POSITIONS = [
    (BoardMember.Position.CHAIR, BoardMember.Position.CHAIR.label),
    (BoardMember.Position.SECRETARY, BoardMember.Position.SECRETARY.label),
    (BoardMember.Position.TREASURER, BoardMember.Position.TREASURER.label),
]


class BoardProposalForm(forms.Form):
    """The new core board (chair, secretary, treasurer); other members come with the SK document."""

    term_start = forms.DateField(label=_("Term starts"), widget=forms.DateInput(attrs={"type": "date"}))
    term_end = forms.DateField(label=_("Term ends"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code, label in POSITIONS:
            self.fields[f"{code}_name"] = forms.CharField(
                label=_("%(position)s: name") % {"position": label}, max_length=150
            )
            self.fields[f"{code}_nik"] = forms.CharField(
                label=_("%(position)s: NIK") % {"position": label}, max_length=20, validators=[validate_nik]
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("term_start") and data.get("term_end") and data["term_end"] <= data["term_start"]:
            self.add_error("term_end", _("The term must end after it starts."))
        return data

    def proposed(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "term_start": data["term_start"].isoformat(),
            "term_end": data["term_end"].isoformat(),
            "members": [
                {"position": code, "name": data[f"{code}_name"], "nik": "".join(data[f"{code}_nik"].split())}
                for code, _label in POSITIONS
            ],
        }

    @classmethod
    def initial_from(cls, proposed: dict[str, Any]) -> dict[str, Any]:
        initial = {k: proposed.get(k) for k in ("term_start", "term_end")}
        for member in proposed.get("members", []):
            initial[f"{member['position']}_name"] = member.get("name")
            initial[f"{member['position']}_nik"] = member.get("nik")
        return initial


class CounterForm(forms.Form):
    ormas = forms.ModelChoiceField(Ormas.objects.none(), label=_("Ormas"))
    service = forms.ModelChoiceField(ServiceType.objects.filter(is_active=True), label=_("Service"))
    applicant_name = forms.CharField(label=_("Applicant's name"), max_length=150)
    applicant_phone = forms.CharField(label=_("Applicant's phone"), max_length=40)
    applicant_email = forms.EmailField(label=_("Applicant's e-mail"), required=False)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        ormas_field = self.fields["ormas"]
        ormas_field.queryset = Ormas.objects.visible_to(user)  # type: ignore[attr-defined]
        ormas_field.widget = forms.HiddenInput()
