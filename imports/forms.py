from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from imports.columns import TARGETS
from imports.reading import check_upload
from regions.models import Region


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet"),
        help_text=_("An Excel workbook (.xlsx, .xls), an .ods file or a CSV file with one Ormas per row."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.xls,.ods,.csv"}),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        self.kind = check_upload(upload)
        return upload


def village_choices(scope: str) -> list[Any]:
    """Villages in the user's scope grouped by "kab/kota · kecamatan", for the default-village select."""
    regions = Region.objects.within(scope).filter(
        level__in=[Region.Level.KABUPATEN, Region.Level.KOTA, Region.Level.KECAMATAN, Region.Level.DESA,
                   Region.Level.KELURAHAN, Region.Level.DESA_ADAT]
    ).values_list("code", "name", "level")  # fmt: skip
    names: dict[str, str] = {}
    groups: dict[str, list[tuple[str, str]]] = {}
    for code, name, level in regions:
        if level in (Region.Level.KABUPATEN, Region.Level.KOTA, Region.Level.KECAMATAN):
            names[code] = name
        else:
            district = code.rsplit(".", 1)[0]
            groups.setdefault(district, []).append((code, name))
    choices: list[Any] = [("", _("— none: rows without a village are errors —"))]
    for district, villages in groups.items():
        label = f"{names.get(district[:5], district[:5])} · {names.get(district, district)}"
        choices.append((label, villages))
    return choices


class MappingForm(forms.Form):
    """One select per source column (target field or "ignore"), and the default village for rows without one."""

    def __init__(self, *args: Any, columns: list[str], mapping: dict[str, str], scope: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", _("— ignore —")), *[(key, label) for key, label in TARGETS.items()]]
        self.column_names = []
        for index, heading in enumerate(columns):
            name = f"col_{index}"
            self.fields[name] = forms.ChoiceField(
                label=heading or _("Column %(number)d") % {"number": index + 1},
                choices=choices,
                required=False,
                initial=mapping.get(str(index), ""),
            )
            self.column_names.append(name)
        self.fields["default_region"] = forms.ChoiceField(
            label=_("Default village for rows without a desa/kelurahan"),
            help_text=_(
                "Used only for rows in this village's regency/city that name no village. "
                "Leave empty to have such rows reported as errors."
            ),
            choices=village_choices(scope),
            required=False,
        )

    def column_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.column_names]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        seen: dict[str, str] = {}
        for name in self.column_names:
            target = cleaned.get(name)
            if not target:
                continue
            if target in seen:
                self.add_error(
                    name,
                    _("“%(target)s” is already chosen for column “%(other)s”.")
                    % {"target": TARGETS[target], "other": self.fields[seen[target]].label},
                )
            seen[target] = name
        if "name" not in seen:
            raise forms.ValidationError(_("Choose the column that holds the name of the Ormas."))
        return cleaned

    def mapping(self) -> dict[str, str]:
        return {name[4:]: self.cleaned_data[name] for name in self.column_names if self.cleaned_data.get(name)}
