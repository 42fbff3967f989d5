"""A three-step region picker (kab/kota → kecamatan → desa/kelurahan) limited to the user's scope."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from regions.models import Region
from regions.scope import within


class RegionPickerMixin(forms.Form):
    """Adds regency/district/region selects; the chosen desa ends up in cleaned_data["region"]."""

    regency = forms.ChoiceField(label=_("Regency/city"), required=True)
    district = forms.ChoiceField(label=_("District (kecamatan)"), required=True)
    region_code = forms.ChoiceField(label=_("Village (desa/kelurahan)"), required=True)

    region_scope: str = "62"

    def setup_regions(self, scope: str, current: Region | None) -> None:
        self.region_scope = scope
        data = self.data if self.is_bound else {}
        regency = data.get(self.add_prefix("regency")) or (current.code[:5] if current else "")
        district = data.get(self.add_prefix("district")) or (current.code[:8] if current else "")
        if "." in scope:  # A kab/kota office can only pick its own kab/kota.
            regency = regency or scope
        regencies = Region.objects.regencies().within(scope)
        empty = [("", _("— choose —"))]
        self.fields["regency"].choices = empty + [(r.code, r.name) for r in regencies]  # type: ignore[attr-defined]
        self.fields["district"].choices = (  # type: ignore[attr-defined]
            empty + [(r.code, r.name) for r in Region.objects.filter(parent_id=regency)] if regency else empty
        )
        self.fields["region_code"].choices = (  # type: ignore[attr-defined]
            empty + [(r.code, r.name) for r in Region.objects.filter(parent_id=district)] if district else empty
        )
        if current and not self.is_bound:
            self.initial.update(regency=current.code[:5], district=current.code[:8], region_code=current.code)
        elif "." in scope and not self.is_bound:
            self.initial.setdefault("regency", scope)

    def clean_region_code(self) -> Region:
        code = self.cleaned_data["region_code"]
        region = Region.objects.filter(code=code).first()
        if region is None or not within(code, self.region_scope):
            raise forms.ValidationError(_("Choose a village within your office's region."))
        if region.level not in (Region.Level.DESA, Region.Level.KELURAHAN, Region.Level.DESA_ADAT):
            raise forms.ValidationError(_("Choose a village (desa/kelurahan)."))
        return region

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        region = cleaned.get("region_code")
        if isinstance(region, Region) and cleaned.get("district") and not region.code.startswith(cleaned["district"]):
            self.add_error("region_code", _("This village is not in the chosen district."))
        return cleaned
