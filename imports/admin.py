from typing import Any

from django import forms
from django.contrib import admin

from imports.columns import TARGETS
from imports.models import HeadingSynonym
from wadah.lib.text import normalize


class HeadingSynonymForm(forms.ModelForm):
    target = forms.ChoiceField(choices=list(TARGETS.items()))

    class Meta:
        model = HeadingSynonym
        fields = ["heading", "target", "weak", "is_active"]

    def clean_heading(self) -> Any:
        # Stored as compared: "Tgl. Terbit" and "TGL TERBIT" are one synonym, not two.
        heading = normalize(self.cleaned_data["heading"])
        if not heading:
            raise forms.ValidationError(forms.Field.default_error_messages["required"])
        return heading


@admin.register(HeadingSynonym)
class HeadingSynonymAdmin(admin.ModelAdmin):
    form = HeadingSynonymForm
    list_display = ["heading", "target", "weak", "is_active"]
    list_filter = ["target", "weak", "is_active"]
    search_fields = ["heading"]
