"""Forms for case pages: they validate input only; supervision/actions.py does the work."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Agency, Office
from regions.scope import within_q
from registry.models import Ormas
from supervision.models import BreachedArticle, Case, Delivery, MediationSession, Spread

DATE = forms.DateInput(attrs={"type": "date"})


def _not_future(value: Any) -> Any:
    if value and value > timezone.localdate():
        raise forms.ValidationError(_("The date cannot be in the future."))
    return value


class CaseFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("All")), *Case.Status.choices])
    open_only = forms.BooleanField(label=_("Open cases only"), required=False)


class OpenCaseForm(forms.Form):
    ormas = forms.ModelChoiceField(label=_("Ormas"), queryset=Ormas.objects.none(), required=False)
    subject_name = forms.CharField(label=_("Or the group's name (not registered)"), max_length=255, required=False)
    office = forms.ModelChoiceField(label=_("Handling office"), queryset=Office.objects.none())
    source = forms.ChoiceField(label=_("Source"), choices=Case.Source.choices)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        scope = user.scope_code or "-"
        self.fields["ormas"].queryset = Ormas.objects.visible_to(user)  # type: ignore[attr-defined]
        self.fields["office"].queryset = Office.objects.filter(within_q("region__code", scope))  # type: ignore[attr-defined]
        if user.office_id:
            self.fields["office"].initial = user.office_id

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("ormas") and not (data.get("subject_name") or "").strip():
            raise forms.ValidationError(_("Choose the Ormas, or write the name of the group the case is about."))
        return data


class StepForm(forms.Form):
    """Legal basis + the decision and its reason: what every step of the ladder asks for."""

    legal_basis = forms.CharField(label=_("Legal basis (pasal)"), max_length=300)
    decision = forms.CharField(
        label=_("Decision and reason"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )


class WarningForm(forms.Form):
    legal_basis = forms.CharField(label=_("Legal basis (pasal)"), max_length=300)
    findings = forms.CharField(
        label=_("Findings the warning is about"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000
    )
    issued_on = forms.DateField(label=_("Letter date"), widget=DATE, validators=[_not_future])
    backdate_reason = forms.CharField(
        label=_("Reason for an earlier date"),
        max_length=300,
        required=False,
        help_text=_("Only when the letter carries a date before today (a short bound set by the administrator)."),
    )


class ComplianceForm(forms.Form):
    complied = forms.TypedChoiceField(
        label=_("Result"),
        choices=[("1", _("The Ormas complied")), ("0", _("The Ormas did not comply"))],
        coerce=lambda v: v == "1",
    )
    note = forms.CharField(label=_("What was checked and found"), widget=forms.Textarea(attrs={"rows": 4}))


class SanctionForm(forms.Form):
    """A halt or a recommendation: legal basis, reason and the letter text (drafted by propose_next_step)."""

    legal_basis = forms.CharField(label=_("Legal basis (pasal)"), max_length=300)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)
    letter_body = forms.CharField(
        label=_("Letter text"), widget=forms.Textarea(attrs={"rows": 10}), max_length=20000, required=False
    )


class DirectRevocationForm(SanctionForm):
    direct = forms.BooleanField(
        label=_("This is a Pasal 60(2) breach: recommend revocation directly (Pasal 61(3))"), required=True
    )


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("halted", _("Activities halted")),
            ("revoked", _("Registration (SKT) revoked")),
            ("dissolved", _("Legal status revoked: dissolved (Pasal 80A)")),
            ("permit_revoked", _("Foreign Ormas: permits revoked (Pasal 61(2))")),
        ],
    )
    halt_scope = forms.CharField(
        label=_("Regions the halt covers"),
        max_length=300,
        required=False,
        help_text=_("Only where the decision limits the halt to some regions; empty means everywhere."),
    )
    decree_number = forms.CharField(label=_("Decree (SK) number"), max_length=120)
    decree_date = forms.DateField(label=_("Decree date"), widget=DATE, validators=[_not_future])
    legal_basis = forms.CharField(label=_("Legal basis (pasal)"), max_length=300, required=False)
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class LiftForm(forms.Form):
    legal_basis = forms.CharField(label=_("Legal basis (pasal)"), max_length=300)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class ReferForm(forms.Form):
    addressee = forms.CharField(
        label=_("Referred to"), max_length=300, initial="Kepala Kepolisian Daerah Kalimantan Tengah"
    )
    legal_basis = forms.CharField(label=_("Legal basis (pasal)"), max_length=300)
    reason = forms.CharField(label=_("Suspected offence"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), max_length=10000)


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(label=_("File"), help_text=_("PDF, JPG, PNG, WEBP, DOCX or XLSX; at most 10 MB."))


class MeetingForm(forms.Form):
    held_on = forms.DateField(label=_("Date"), widget=DATE, validators=[_not_future])
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    attendees = forms.CharField(label=_("Attendees"), widget=forms.Textarea(attrs={"rows": 3}))
    minutes = forms.CharField(label=_("Minutes"), widget=forms.Textarea(attrs={"rows": 5}))


class MediationForm(forms.Form):
    held_on = forms.DateField(label=_("Date"), widget=DATE, validators=[_not_future])
    parties = forms.CharField(label=_("Parties"), widget=forms.Textarea(attrs={"rows": 3}))
    outcome = forms.ChoiceField(label=_("Outcome"), choices=MediationSession.Outcome.choices)
    agreement = forms.CharField(label=_("Agreement text"), widget=forms.Textarea(attrs={"rows": 4}), required=False)


class ResponseForm(forms.Form):
    text = forms.CharField(label=_("The Ormas's response"), widget=forms.Textarea(attrs={"rows": 3}))
    received_on = forms.DateField(label=_("Received on"), widget=DATE, validators=[_not_future])


class MemberForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Agency"), queryset=Agency.objects.none())

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = (  # type: ignore[attr-defined]
            Agency.objects.filter(is_active=True)
            .exclude(kind=Agency.Kind.KESBANGPOL)
            .exclude(case_memberships__case=case)
        )


class ShareForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Share with"), queryset=Agency.objects.none())
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(case_memberships__case=case)  # type: ignore[attr-defined]


class CheckForm(forms.Form):
    note = forms.CharField(label=_("What was checked and found"), widget=forms.Textarea(attrs={"rows": 4}))


class ClassifyForm(forms.Form):
    articles = forms.ModelMultipleChoiceField(
        label=_("Articles found breached"),
        queryset=BreachedArticle.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    spread = forms.ChoiceField(label=_("Where the violation happened"), choices=Spread.choices)


class DeliveryForm(forms.Form):
    delivered_on = forms.DateField(label=_("Delivered on"), widget=DATE, validators=[_not_future])
    method = forms.ChoiceField(label=_("Delivered by"), choices=Delivery.choices)


class ReturnDraftForm(forms.Form):
    note = forms.CharField(label=_("Why it is sent back"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)
