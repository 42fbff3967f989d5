import uuid

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from letters.models import Letter
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
    context = {
        "letter": letter,
        "status": letter.live_status(today),
        "today": today,
        "sanction": active_sanction(letter.ormas),
    }
    return _noindex(render(request, "portal/letter_verify.html", context))


class LetterLookupForm(forms.Form):
    number = forms.CharField(label=_("Letter number"), max_length=120, help_text=_("Exactly as printed."))
    issued_on = forms.DateField(label=_("Date of the letter"), widget=forms.DateInput(attrs={"type": "date"}))


def letter_lookup(request: HttpRequest) -> HttpResponse:
    """Find a letter by its printed number and date (for paper copies whose QR code will not scan)."""
    form = LetterLookupForm(request.GET or None)
    letters: list[Letter] = []
    searched = False
    if form.is_valid():
        searched = True
        letters = list(
            Letter.objects.select_related("office").filter(
                number=form.cleaned_data["number"].strip(), issued_on=form.cleaned_data["issued_on"]
            )
        )
        if len(letters) == 1:
            return redirect("portal:letter-verify", public_id=letters[0].public_id)
    return _noindex(
        render(request, "portal/letter_lookup.html", {"form": form, "letters": letters, "searched": searched})
    )
