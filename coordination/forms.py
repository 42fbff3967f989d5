"""Forms of the coordination pages. They only read input; every rule is checked again in coordination/actions.py."""

from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Agency, Role, User
from coordination.models import Clause, Meeting, RosterMember, Team
from regions.models import Region
from supervision.models import CaseStep


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"


def agencies_for(region_code: str) -> Any:
    """Agencies that work at this level or above it (a kab/kota team may include BINDA; never another kab/kota)."""
    codes = [region_code[:2], region_code] if "." in region_code else [region_code]
    return Agency.objects.filter(is_active=True, region_id__in=codes).order_by("region_id", "abbreviation")


def agencies_within(region_code: str) -> Any:
    """Agencies at this level and below it (a province Rakor may invite the kab/kota Kesbangpol)."""
    return Agency.objects.filter(
        Q(region_id=region_code) | Q(region__code__startswith=region_code + ".") | Q(region_id=region_code[:2]),
        is_active=True,
    ).order_by("region_id", "abbreviation")


class TeamForm(forms.Form):
    name = forms.CharField(label=_("Name (as in the SK)"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=Team.Kind.choices)
    region = forms.ModelChoiceField(label=_("Level"), queryset=Region.objects.none())

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        scope = user.scope_code or "-"
        self.fields["region"].queryset = Region.objects.within(scope).filter(  # type: ignore[attr-defined]
            level__in=[Region.Level.PROVINSI, Region.Level.KABUPATEN, Region.Level.KOTA]
        )


class RosterVersionForm(forms.Form):
    sk_number = forms.CharField(label=_("SK number"), max_length=150)
    sk_date = forms.DateField(label=_("SK date"), widget=DateInput())
    valid_from = forms.DateField(label=_("Valid from"), widget=DateInput())
    valid_until = forms.DateField(label=_("Valid until"), widget=DateInput(), required=False)
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class RosterMemberForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    agency = forms.ModelChoiceField(label=_("Agency"), queryset=Agency.objects.none())
    position = forms.CharField(label=_("Position (jabatan)"), max_length=200, required=False)
    role = forms.ChoiceField(label=_("Role in the team"), choices=RosterMember.Role.choices)
    user = forms.ModelChoiceField(
        label=_("Wadah account"),
        queryset=User.objects.none(),
        required=False,
        help_text=_("With an account the member can open the team's meetings and endorse for the agency."),
    )

    def __init__(self, *args: Any, team: Team, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        agencies = agencies_for(team.region_id)
        self.fields["agency"].queryset = agencies  # type: ignore[attr-defined]
        self.fields["user"].queryset = User.objects.filter(  # type: ignore[attr-defined]
            Q(role=Role.AGENCY_MEMBER, agency__in=agencies)
            | Q(role__in=[Role.OFFICER, Role.LEADER], office__region_id__in={team.region_id, team.region_id[:2]}),
            is_active=True,
        ).order_by("first_name", "username")


class MeetingForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=Meeting.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=250)
    date = forms.DateField(label=_("Date"), widget=DateInput())
    start_time = forms.TimeField(label=_("Starts at"), widget=TimeInput(), required=False)
    venue = forms.CharField(label=_("Venue"), max_length=250, required=False)
    online_link = forms.URLField(label=_("Online link"), required=False, assume_scheme="https")
    chair = forms.ModelChoiceField(label=_("Chair (pimpinan rapat)"), queryset=User.objects.none())

    def __init__(self, *args: Any, team: Team, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        roster = team.current_roster()
        seats = roster.members.filter(user__isnull=False).values("user_id") if roster else []
        self.fields["chair"].queryset = User.objects.filter(  # type: ignore[attr-defined]
            Q(pk__in=seats) | Q(role=Role.LEADER, office__region_id__in={team.region_id, team.region_id[:2]}),
            is_active=True,
        ).order_by("first_name", "username")


class InviteForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Agency"), queryset=Agency.objects.none())
    person = forms.CharField(label=_("Person (optional)"), max_length=200, required=False)

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies_within(meeting.team.region_id)  # type: ignore[attr-defined]


class AgendaForm(forms.Form):
    title = forms.CharField(label=_("Agenda item"), max_length=300)
    ormas = forms.IntegerField(widget=forms.HiddenInput, required=False)
    case_reference = forms.CharField(
        label=_("Case (reference, optional)"),
        max_length=20,
        required=False,
        help_text=_("The item is then in your compartment, shared with the case's agencies that are invited."),
    )
    complaint = forms.IntegerField(label=_("Complaint number (optional)"), min_value=1, required=False)


class AttendanceForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    agency = forms.ModelChoiceField(label=_("Agency"), queryset=Agency.objects.none(), required=False)
    position = forms.CharField(label=_("Position"), max_length=200, required=False)

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies_within(meeting.team.region_id)  # type: ignore[attr-defined]


class MinutesForm(forms.Form):
    text = forms.CharField(label=_("Minutes (notulen)"), widget=forms.Textarea(attrs={"rows": 14}), required=False)


class DecisionForm(forms.Form):
    text = forms.CharField(label=_("Decision"), widget=forms.Textarea(attrs={"rows": 2}))


class ActionItemForm(forms.Form):
    text = forms.CharField(label=_("What is to be done"), widget=forms.Textarea(attrs={"rows": 2}))
    owner_agency = forms.ModelChoiceField(label=_("Owner agency"), queryset=Agency.objects.none())
    owner_person = forms.CharField(label=_("Person responsible"), max_length=200, required=False)
    due_on = forms.DateField(
        label=_("Due date"),
        widget=DateInput(),
        required=False,
        help_text=_("Empty: 10 working days after the meeting."),
    )

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner_agency"].queryset = agencies_within(meeting.team.region_id)  # type: ignore[attr-defined]


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class CloseItemForm(forms.Form):
    evidence = forms.CharField(
        label=_("Evidence of completion"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("What shows it is done: a letter's number, a report, a photo of the event …"),
    )
    evidence_file = forms.FileField(label=_("File (optional)"), required=False)


class ProgressForm(forms.Form):
    note = forms.CharField(label=_("Progress"), widget=forms.Textarea(attrs={"rows": 2}))


class ProtocolForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=250, initial=_("Joint protocol on Ormas matters"))


class ClauseForm(forms.Form):
    number = forms.CharField(label=_("Clause number"), max_length=20)
    topic = forms.ChoiceField(label=_("Topic"), choices=Clause.Topic.choices)
    text = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Empty text removes the clause."),
    )


class CiteForm(forms.Form):
    step = forms.ModelChoiceField(label=_("Case step"), queryset=CaseStep.objects.none())

    def __init__(self, *args: Any, steps: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["step"].queryset = steps  # type: ignore[attr-defined]
        field: Any = self.fields["step"]
        field.label_from_instance = lambda s: f"{s.case.reference} · {s.get_kind_display()} · {s.decided_on:%d-%m-%Y}"


class StepFromDecisionForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Step"),
        choices=[
            (CaseStep.Kind.CLARIFICATION.value, CaseStep.Kind.CLARIFICATION.label),
            (CaseStep.Kind.PERSUASION.value, CaseStep.Kind.PERSUASION.label),
        ],
    )
