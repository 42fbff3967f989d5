import uuid

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from complaints import abuse
from letters.models import CHECK_CODE_LENGTH, Letter
from supervision.queries import active_sanction


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/home.html")


def _noindex(response: HttpResponse) -> HttpResponse:
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def letter_verify(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """What anyone scanning a letter's QR code sees: is it genuine, and is it still good today?"""
    letter = Letter.objects.select_related("office", "ormas", "superseded_by").filter(public_id=public_id).first()
    if letter is None:
        return _noindex(render(request, "portal/letter_unknown.html", status=404))
    today = timezone.localdate()
    status = letter.live_status(today)
    if status == Letter.Status.VALID and letter.ended_with_ormas():
        status = "no_force"  # genuine, but the Ormas's registration was revoked or it was dissolved
    context = {
        "letter": letter,
        "status": status,
        "today": today,
        "sanction": active_sanction(letter.ormas),
    }
    return _noindex(render(request, "portal/letter_verify.html", context))


class LetterLookupForm(forms.Form):
    number = forms.CharField(label=_("Letter number"), max_length=120, help_text=_("Exactly as printed."))
    issued_on = forms.DateField(label=_("Date of the letter"), widget=forms.DateInput(attrs={"type": "date"}))
    check_code = forms.CharField(
        label=_("Check code"),
        max_length=20,
        help_text=_(
            "Printed under the QR code (“Kode cek”). On older letters: the first 8 characters after /v/ in the"
            " address under the QR code."
        ),
    )

    def clean_check_code(self) -> str:
        code = "".join(ch for ch in self.cleaned_data["check_code"] if ch.isalnum()).lower()
        if len(code) != CHECK_CODE_LENGTH:
            raise forms.ValidationError(_("The check code has 8 letters and digits."))
        return code


def letter_lookup(request: HttpRequest) -> HttpResponse:
    """Find a letter by its printed number, date and check code (for paper copies whose QR code will not scan).

    Number and date alone are guessable (numbers are sequential), so the check code printed on the letter is
    required too, and lookups are limited per address like the complaint status lookup. Supervision and
    law-enforcement letters are never found here (letters.models.NOT_PUBLICLY_FINDABLE).
    """
    form = LetterLookupForm(request.GET or None)
    letters: list[Letter] = []
    searched = False
    if form.is_valid():
        hashed = abuse.ip_hash(request)
        if abuse.lookups_exceeded(hashed):
            message = _("Too many letter checks from your connection. Try again in a few minutes, or scan the QR code.")
            return _noindex(render(request, "portal/complaint_limit.html", {"message": message}, status=429))
        abuse.count_lookup(hashed)
        searched = True
        code = form.cleaned_data["check_code"]
        letters = [
            letter
            for letter in Letter.objects.publicly_findable()
            .select_related("office")
            .filter(number=form.cleaned_data["number"].strip(), issued_on=form.cleaned_data["issued_on"])
            if letter.public_id.hex.startswith(code)
        ]
        if len(letters) == 1:
            return redirect("portal:letter-verify", public_id=letters[0].public_id)
    return _noindex(
        render(request, "portal/letter_lookup.html", {"form": form, "letters": letters, "searched": searched})
    )
