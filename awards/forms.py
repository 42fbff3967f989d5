from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RoundForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, initial=_("Ormas Award"))
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    shortlist_size = forms.IntegerField(label=_("Shortlist size"), min_value=1, max_value=100, initial=10)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["year"].initial = timezone.localdate().year


class DecisionForm(forms.Form):
    decision_number = forms.CharField(label=_("Decision letter (SK) number"), max_length=120)
    decision_date = forms.DateField(label=_("Decision date"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
