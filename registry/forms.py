"""Input validation for the registry's staff pages. Saving is the actions' job."""

from typing import Any

from django import forms
from django.conf import settings
from django.db.models.fields import BLANK_CHOICE_LABEL
from django.utils.translation import gettext_lazy as _

from regions.forms import RegionPickerMixin
from regions.models import Region
from registry.models import BoardMember, Chapter, DocumentType, FieldOfActivity, Ormas, OrmasQuerySet, Person
from registry.people import personal_data_readable
from wadah.lib.files import DOCUMENT_TYPES, IMAGE_TYPES, SniffedType, sniff
from wadah.lib.identifiers import clean_npwp, clean_phone
from wadah.lib.nik import parse_nik
from wadah.lib.text import normalize


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


def label_blank_choices(form: forms.BaseForm) -> None:
    """Give optional selects a translated "— choose —" (Django 6.1's own blank label has no Indonesian yet)."""
    for field in form.fields.values():
        if isinstance(field, forms.ModelChoiceField):
            if field.empty_label is not None:
                field.empty_label = _("— none —")
        elif isinstance(field, forms.ChoiceField) and not isinstance(field, forms.MultipleChoiceField):
            choices = list(field.choices)  # type: ignore[arg-type]
            if choices and choices[0][0] == "" and str(choices[0][1]) == str(BLANK_CHOICE_LABEL):
                field.choices = [("", _("— choose —")), *choices[1:]]


class OrmasFilterForm(forms.Form):
    SORTS = {
        "name": ("name_search", "id"),
        "-name": ("-name_search", "-id"),
        "skt": ("skt_expires_on", "id"),
        "-skt": ("-skt_expires_on", "-id"),
        "-updated": ("-updated_at", "-id"),
    }

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        help_text=_("Name, abbreviation, SKT/AHU number, or a board member's name or NIK"),
    )
    regency = forms.ChoiceField(label=_("Regency/city"), required=False)
    field = forms.ModelChoiceField(
        label=_("Field of activity"),
        queryset=FieldOfActivity.objects.filter(is_active=True),
        required=False,
        empty_label=_("All"),
    )
    legal_form = forms.ChoiceField(
        label=_("Legal form"), choices=[("", _("All"))] + list(Ormas.LegalForm.choices), required=False
    )
    status = forms.ChoiceField(label=_("Status"), choices=[("", _("All"))] + list(Ormas.Status.choices), required=False)
    expiring = forms.IntegerField(label=_("SKT expires within (days)"), min_value=1, max_value=3650, required=False)
    expired = forms.BooleanField(label=_("SKT expired"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort"),
        required=False,
        choices=[
            ("name", _("Name A–Z")),
            ("-name", _("Name Z–A")),
            ("skt", _("SKT expiry, soonest first")),
            ("-skt", _("SKT expiry, latest first")),
            ("-updated", _("Recently updated")),
        ],
    )

    def __init__(self, *args: Any, scope: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        regencies = Region.objects.regencies().filter(code__startswith=scope[:2])
        if "." in scope:
            regencies = regencies.filter(code=scope[:5])
        self.fields["regency"].choices = [("", _("All"))] + [(r.code, r.name) for r in regencies]  # type: ignore[attr-defined]

    def narrow(self, queryset: OrmasQuerySet) -> OrmasQuerySet:
        """The list's filters other than the search, applied to a (scoped) queryset; the list page and its export
        both narrow through here, so an export always holds what the page showed. Call after is_valid()."""
        data = self.cleaned_data
        if data["regency"]:
            queryset = queryset.filter(regency_code=data["regency"])
        if data["field"]:
            queryset = queryset.filter(fields_of_activity=data["field"])
        if data["legal_form"]:
            queryset = queryset.filter(legal_form=data["legal_form"])
        if data["status"]:
            queryset = queryset.filter(status=data["status"])
        if data["expiring"]:
            queryset = queryset.skt_expiring_within(data["expiring"])
        if data["expired"]:
            queryset = queryset.skt_expired()
        return queryset


class OrmasForm(RegionPickerMixin, forms.ModelForm):  # type: ignore[misc]
    class Meta:
        model = Ormas
        fields = [
            "name",
            "abbreviation",
            "legal_form",
            "member_based",
            "scope_level",
            "ahu_number",
            "ahu_date",
            "skt_number",
            "skt_issued_on",
            "skt_expires_on",
            "skt_issuer",
            "skt_issuer_name",
            "siormas_reference",
            "siola_reference",
            "foreign_permit_number",
            "foreign_permit_expires_on",
            "deed_number",
            "deed_date",
            "notary_name",
            "founded_place",
            "founded_on",
            "fields_of_activity",
            "principle",
            "purpose",
            "funding_source",
            "funding_origin",
            "npwp",
            "member_count",
            "email",
            "phone",
            "website",
            "social_media",
            "address",
            "secretariat_status",
            "secretariat_until",
        ]
        widgets = {
            **{
                f: DateInput()
                for f in (
                    "ahu_date",
                    "skt_issued_on",
                    "skt_expires_on",
                    "foreign_permit_expires_on",
                    "deed_date",
                    "founded_on",
                    "secretariat_until",
                )
            },
            "fields_of_activity": forms.CheckboxSelectMultiple,
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "funding_source": forms.Textarea(attrs={"rows": 2}),
            "social_media": forms.Textarea(attrs={"rows": 2}),
            "phone": forms.TextInput(attrs={"type": "tel"}),
        }

    logo_upload = forms.FileField(label=_("Logo"), required=False, help_text=_("PNG, JPG or WEBP, at most 2 MB."))
    unregistered = forms.BooleanField(
        label=_("Not registered (terdata): known to the office, without SKT or SK AHU"),
        required=False,
        help_text=_("Registration is voluntary (MK 82/PUU-XI/2013): an unregistered Ormas is lawful and is recorded."),
    )

    def __init__(self, *args: Any, scope: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["unregistered"]  # an existing record changes status on its status page
        self.fields["fields_of_activity"].queryset = FieldOfActivity.objects.filter(is_active=True)  # type: ignore[attr-defined]
        self.setup_regions(scope, self.instance.region if self.instance.region_id else None)
        self.logo_type: SniffedType | None = None
        label_blank_choices(self)

    def clean_npwp(self) -> str:
        return clean_npwp(self.cleaned_data.get("npwp", ""))

    def clean_phone(self) -> str:
        return clean_phone(self.cleaned_data.get("phone", ""))

    def clean_logo_upload(self) -> Any:
        upload = self.cleaned_data.get("logo_upload")
        if upload:
            self.logo_type = sniff(upload, IMAGE_TYPES, max_mb=2)
        return upload

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        form = cleaned.get("legal_form")
        unregistered = cleaned.get("unregistered") or (
            self.instance.pk is not None and self.instance.status in Ormas.UNREGISTERED_STATUSES
        )
        if unregistered:
            pass  # terdata or dalam proses: no SKT or SK AHU yet
        elif form == Ormas.LegalForm.UNINCORPORATED:
            if not cleaned.get("skt_number"):
                self.add_error("skt_number", _("An Ormas without legal-entity status needs its SKT number."))
            issued, expires = cleaned.get("skt_issued_on"), cleaned.get("skt_expires_on")
            if issued and expires and expires <= issued:
                self.add_error("skt_expires_on", _("The SKT must expire after the day it was issued."))
        elif form in (Ormas.LegalForm.ASSOCIATION, Ormas.LegalForm.FOUNDATION) and not cleaned.get("ahu_number"):
            self.add_error("ahu_number", _("A perkumpulan or yayasan needs its SK AHU number."))
        temporary = (Ormas.SecretariatStatus.RENTED, Ormas.SecretariatStatus.LOANED)
        if cleaned.get("secretariat_status") in temporary and not cleaned.get("secretariat_until"):
            self.add_error("secretariat_until", _("Give the date the rent or loan ends."))
        return cleaned

    def values(self) -> dict[str, Any]:
        """The cleaned values as keyword arguments for the actions."""
        values = {f: self.cleaned_data[f] for f in self.Meta.fields if f in self.cleaned_data}
        values["region"] = self.cleaned_data["region_code"]
        if self.cleaned_data.get("unregistered"):
            values["status"] = Ormas.Status.TERDATA
        return values

    def changed_values(self) -> dict[str, Any]:
        values = self.values()
        changed = {f: values[f] for f in self.changed_data if f in values}
        if {"region_code", "district", "regency"} & set(self.changed_data):
            changed["region"] = values["region"]
        return changed


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"))
    effective_on = forms.DateField(label=_("Effective from"), widget=DateInput())
    legal_basis = forms.CharField(
        label=_("Legal basis"),
        max_length=300,
        required=False,
        help_text=_("For example the decree or letter number that decided it."),
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)

    def __init__(self, *args: Any, ormas: Ormas, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Sanction statuses come only from a recorded decision (supervision), never from this page.
        self.fields["status"].choices = [(s, Ormas.Status(s).label) for s in ormas.manual_statuses]  # type: ignore[attr-defined]


class ChapterForm(RegionPickerMixin, forms.ModelForm):  # type: ignore[misc]
    class Meta:
        model = Chapter
        fields = [
            "name",
            "level",
            "parent",
            "address",
            "term_start",
            "term_end",
            "buku_induk_number",
            "presence_letter_number",
            "presence_letter_date",
            "is_active",
        ]
        widgets = {f: DateInput() for f in ("term_start", "term_end", "presence_letter_date")}

    def __init__(self, *args: Any, scope: str, ormas: Ormas, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = ormas.chapters.exclude(pk=self.instance.pk)  # type: ignore[attr-defined]
        # Chapters of national Ormas may sit outside the office's region (the DPP in Jakarta), so the
        # picker spans the whole province while the Ormas itself stays in scope.
        self.setup_regions(scope[:2], self.instance.region if self.instance.region_id else None)
        self.fields["district"].required = False
        self.fields["region_code"].required = False
        label_blank_choices(self)

    def clean_region_code(self) -> Region | None:  # type: ignore[override]
        if not self.cleaned_data.get("region_code"):
            return None
        return super().clean_region_code()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("term_start"), cleaned.get("term_end")
        if start and end and end <= start:
            self.add_error("term_end", _("The term must end after it starts."))
        return cleaned

    def chosen_region(self) -> Region:
        """The most precise region picked: desa, else kecamatan, else kab/kota."""
        for key in ("region_code", "district", "regency"):
            value = self.cleaned_data.get(key)
            if isinstance(value, Region):
                return value
            if value:
                return Region.objects.get(code=value)
        raise forms.ValidationError(_("Choose a region."))


class BoardMemberForm(forms.Form):
    # Longer than 16 so that a NIK typed in groups ("6271 0152 0485 0003") reaches clean_nik() and is accepted.
    nik = forms.CharField(label=_("NIK"), max_length=24, help_text=_("16 digits, as on the e-KTP."))
    name = forms.CharField(label=_("Full name"), max_length=150)
    position = forms.ChoiceField(label=_("Position"), choices=BoardMember.Position.choices)
    title = forms.CharField(
        label=_("Title as written"), max_length=120, required=False, help_text=_('For example "Wakil Ketua II".')
    )
    birth_date = forms.DateField(
        label=_("Date of birth"),
        required=False,
        widget=DateInput(),
        help_text=_("Needed when the person is already recorded by another office."),
    )
    birth_place = forms.CharField(label=_("Place of birth"), max_length=100, required=False)
    address = forms.CharField(label=_("Home address"), max_length=300, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False, widget=forms.TextInput({"type": "tel"}))
    term_start = forms.DateField(label=_("Term starts"), required=False, widget=DateInput())
    term_end = forms.DateField(label=_("Term ends"), required=False, widget=DateInput())

    def clean_nik(self) -> str:
        nik = "".join(self.cleaned_data["nik"].split())
        parse_nik(nik)
        return nik

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_phone(self) -> str:
        return clean_phone(self.cleaned_data.get("phone", ""))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        nik, name = cleaned.get("nik"), cleaned.get("name")
        person = Person.objects.filter(nik=nik).first() if nik else None
        if person is None or not name:
            return cleaned
        if self.user is not None and not personal_data_readable(self.user, person):
            # Recorded by another office: say nothing about them (not even the name). The officer proves they
            # know the person with the person's own data — full name and date of birth as on the e-KTP.
            born = cleaned.get("birth_date")
            if normalize(person.name) != normalize(name) or born is None or born != person.birth_date:
                self.add_error(
                    None,
                    _(
                        "This NIK is already recorded by another office. To seat this person, enter their full name"
                        " and date of birth exactly as on their e-KTP."
                    ),
                )
            return cleaned
        # A known NIK must come with the name we have; a typo in either would merge two people.
        if normalize(person.name) != normalize(name):
            self.add_error(
                "name",
                _("This NIK belongs to %(name)s in the registry. Check the NIK or the name.") % {"name": person.name},
            )
        return cleaned


class PersonForm(forms.ModelForm):  # type: ignore[type-arg]
    """Correcting a board member's personal details; the NIK is checked like a new one."""

    nik = forms.CharField(label=_("NIK"), max_length=24, required=False, help_text=_("16 digits, as on the e-KTP."))

    class Meta:
        model = Person
        fields = ["nik", "name", "birth_place", "address", "phone", "email"]
        widgets = {"phone": forms.TextInput(attrs={"type": "tel"})}

    def clean_nik(self) -> str | None:
        nik = "".join((self.cleaned_data.get("nik") or "").split())
        if not nik:
            return None
        parse_nik(nik)
        if Person.objects.filter(nik=nik).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Another person in the registry already has this NIK."))
        return nik

    def clean_phone(self) -> str:
        return clean_phone(self.cleaned_data.get("phone", ""))


class EndSeatForm(forms.Form):
    ended_on = forms.DateField(label=_("Left the board on"), widget=DateInput())
    reason = forms.CharField(label=_("Reason"), max_length=200)


class DocumentForm(forms.Form):
    document_type = forms.ModelChoiceField(
        label=_("Document type"), queryset=DocumentType.objects.filter(is_active=True)
    )
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    file = forms.FileField(label=_("File"), help_text=_("PDF, JPG, PNG, WEBP, DOCX or XLSX."))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        self.sniffed = sniff(upload, DOCUMENT_TYPES, max_mb=settings.WADAH_MAX_DOCUMENT_MB)
        return upload
