"""Admin sistem maintains each office's numbering format here; letters themselves are issued by actions only."""

from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _

from letters import actions
from letters.models import LetterClassification, LetterFormat


class LetterFormatForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = LetterFormat
        fields = [
            "office",
            "pattern",
            "seq_width",
            "office_code",
            "place",
            "legal_note",
            "is_active",
            "starting_number",
            "starting_year",
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        number, year, office = data.get("starting_number"), data.get("starting_year"), data.get("office")
        if bool(number) != bool(year):
            raise ValidationError(_("Give both the first number and its year, or neither."))
        if number and year and office and {"starting_number", "starting_year"} & set(self.changed_data):
            actions.check_starting_number(office, year, number)
        return data


@admin.register(LetterFormat)
class LetterFormatAdmin(admin.ModelAdmin[LetterFormat]):
    form = LetterFormatForm
    list_display = [
        "office",
        "pattern",
        "seq_width",
        "office_code",
        "place",
        "starting_number",
        "starting_year",
        "is_active",
    ]
    list_filter = ["is_active"]
    search_fields = ["office__name", "pattern"]

    def save_model(self, request: HttpRequest, obj: LetterFormat, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if obj.starting_number and obj.starting_year and {"starting_number", "starting_year"} & set(form.changed_data):
            actions.set_starting_number(obj, year=obj.starting_year, number=obj.starting_number, by=request.user)  # type: ignore[arg-type]


@admin.register(LetterClassification)
class LetterClassificationAdmin(admin.ModelAdmin[LetterClassification]):
    list_display = ["kind", "code", "name", "is_unverified", "legal_source"]
    list_filter = ["is_unverified"]
    search_fields = ["kind", "code", "name"]
