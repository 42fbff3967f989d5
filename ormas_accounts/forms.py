from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from ormas_accounts.models import OrmasAccountRequest
from regions.models import Region
from registry.models import Ormas
from wadah.lib.files import SniffedType, sniff

REQUEST_DOCUMENT_TYPES = {"pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png"}


class OrmasAccountRequestForm(forms.Form):
    """Self-registration of an Ormas account. Validates only; ormas_accounts.actions.request_ormas_account writes."""

    full_name = forms.CharField(
        label=_("Full name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("E-mail"),
        help_text=_("You log in with this address, and we write to it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autocapitalize": "none"}),
    )
    phone = forms.CharField(
        label=_("Phone (WhatsApp)"),
        max_length=40,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        help_text=_("At least 10 characters; not a common password and not like your name or e-mail."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Password again"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    ormas = forms.UUIDField(
        label=_("Ormas"),
        required=False,
        error_messages={
            "invalid": _("Find your Ormas by name, abbreviation or SKT/AHU number, then choose it."),
        },
    )
    # A first-time applicant: the Ormas is not in the register yet (registration is voluntary, MK 82/PUU-XI/2013).
    new_ormas = forms.BooleanField(
        label=_("My Ormas is not in the register yet: I want to apply for its first SKT"), required=False
    )
    new_ormas_name = forms.CharField(label=_("Name of the Ormas (as in its deed)"), max_length=255, required=False)
    new_ormas_abbreviation = forms.CharField(label=_("Abbreviation"), max_length=60, required=False)
    new_ormas_address = forms.CharField(label=_("Secretariat address"), max_length=300, required=False)
    new_ormas_region = forms.CharField(
        label=_("Village code (kode desa/kelurahan) of the secretariat"),
        max_length=13,
        required=False,
        help_text=_("For example 62.71.01.1001."),
    )
    position = forms.ChoiceField(
        label=_("Your position in the Ormas"), choices=OrmasAccountRequest.Position.choices, widget=forms.RadioSelect
    )
    position_other = forms.CharField(label=_("Other position"), max_length=120, required=False)
    document = forms.FileField(
        label=_("Supporting document"),
        required=False,
        help_text=_("SK kepengurusan or surat tugas that names you. PDF, JPG or PNG."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"}),
    )
    document_photo = forms.FileField(
        label=_("Or take a photo of it"),
        required=False,
        help_text=_("On a phone this opens the camera."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png", "capture": "environment"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ormas_object: Ormas | None = None
        self.sniffed: SniffedType | None = None
        self.upload: UploadedFile | None = None

    def clean_full_name(self) -> str:
        name = " ".join(self.cleaned_data["full_name"].split())
        if len(name) < 2:
            raise forms.ValidationError(_("Enter your full name as on your KTP."))
        return name

    def clean_email(self) -> str:
        # Whether the address already has an account is not said here: the answer would tell anyone which e-mail
        # addresses are registered. ormas_accounts.views.register e-mails the owner instead.
        return self.cleaned_data["email"].strip().lower()

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"].strip()
        digits = "".join(c for c in phone if c.isdigit())
        if not 8 <= len(digits) <= 15:
            raise forms.ValidationError(
                _("Enter a phone number of 8 to 15 digits, for example 0812 3456 7890. You entered %(count)d digits.")
                % {"count": len(digits)}
            )
        return phone

    def clean_ormas(self) -> Any:
        public_id = self.cleaned_data["ormas"]
        if public_id is None:
            return None
        self.ormas_object = Ormas.objects.filter(public_id=public_id).first()
        if self.ormas_object is None:
            raise forms.ValidationError(
                _("That Ormas is not in the register. Search again, or contact your Kesbangpol office."),
                code="unknown_ormas",
            )
        return public_id

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.new_region: Region | None = None
        if data.get("new_ormas"):
            self.ormas_object = None
            for field in ("new_ormas_name", "new_ormas_address"):
                if not (data.get(field) or "").strip():
                    self.add_error(field, _("This field is required."))
            code = (data.get("new_ormas_region") or "").strip()
            # A desa or kelurahan: the fourth level of the Kemendagri code.
            self.new_region = Region.objects.filter(code=code).first() if code.count(".") == 3 else None
            if self.new_region is None:
                self.add_error("new_ormas_region", _("No village has this code. Ask your Kesbangpol office for it."))
        elif data.get("ormas") is None and "ormas" not in self.errors:
            self.add_error("ormas", _("Find your Ormas by name, abbreviation or SKT/AHU number, then choose it."))
        password1, password2 = data.get("password1"), data.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords differ. Type the same password twice."))
        elif password1:
            candidate = User(
                username=data.get("email") or "", email=data.get("email") or "", first_name=data.get("full_name") or ""
            )
            try:
                password_validation.validate_password(password1, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        if data.get("position") == OrmasAccountRequest.Position.OTHER and not data.get("position_other", "").strip():
            self.add_error("position_other", _("Write your position, for example “Wakil Sekretaris”."))
        upload = data.get("document") or data.get("document_photo")
        if not upload:
            self.add_error(
                "document", _("Upload the SK kepengurusan or surat tugas that names you (a file or a photo).")
            )
        else:
            field = "document" if data.get("document") else "document_photo"
            try:
                self.sniffed = sniff(upload, REQUEST_DOCUMENT_TYPES, max_mb=settings.WADAH_MAX_DOCUMENT_MB)
                self.upload = upload
            except forms.ValidationError as error:
                self.add_error(field, error)
        return data


class DecisionForm(forms.Form):
    note = forms.CharField(
        label=_("Note (optional)"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the rejection"),
        help_text=_("The applicant reads this in the e-mail. Say what is wrong and what to do."),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Give the reason for the rejection; the applicant reads it."))
        return reason
