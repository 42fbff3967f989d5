"""Pages of the opportunities board for its three audiences: the offering partner (its own offers and their
applicants), Kesbangpol officers (approve and publish the offers of their scope) and the Ormas account (the board
matched to its Ormas, applying, its applications). Every change is an action in opportunities/actions.py run
through refusals_shown; every lookup goes through the audience's queryset, so another party's offer is a 404."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.decorators import acting_ormas_required, officer_required, user_passes
from accounts.typing import AuthedHttpRequest
from opportunities import actions, matching
from opportunities.forms import ApplicationForm, NoteForm, OfferForm, ServedForm
from opportunities.models import Offer, OfferApplication, OfferingParty, OfferNotice, party_id_of
from regions.models import Region
from wadah.lib.views import refusals_shown

S = Offer.Status
A = OfferApplication.Status

partner_required = user_passes(lambda user: party_id_of(user) is not None)


def _int_or_404(value: str) -> int:
    if not value.isdigit() or len(value) > 18:  # a longer number would overflow the database's integer
        raise Http404
    return int(value)


def _offer_values(form: OfferForm) -> dict:
    data = dict(form.cleaned_data)
    return {
        "gate_rules": data.pop("gate_rules"),
        "fields": data.pop("fields"),
        "regions": data.pop("regions"),
        **data,
    }


# ---- The offering partner -------------------------------------------------------------------------------------


def _party(request: AuthedHttpRequest) -> OfferingParty:
    return get_object_or_404(OfferingParty, pk=party_id_of(request.user))


@partner_required
def partner_home(request: AuthedHttpRequest) -> HttpResponse:
    party = _party(request)
    offers = Offer.objects.for_party(request.user).select_related("office")
    return render(request, "opportunities/partner_home.html", {"party": party, "offers": offers})


@partner_required
def partner_offer_form(request: AuthedHttpRequest, pk: int | None = None) -> HttpResponseBase:
    party = _party(request)
    offer = get_object_or_404(Offer.objects.for_party(request.user), pk=pk) if pk else None
    form = OfferForm(request.POST or None, instance=offer, region_code=party.office.region_id)
    if request.method == "POST" and form.is_valid():
        with refusals_shown(request, form=form) as outcome:
            if offer is None:
                offer = actions.create_offer(party, by=request.user, **_offer_values(form))
            else:
                actions.update_offer(offer, by=request.user, **_offer_values(form))
            messages.success(request, _("Saved as a draft. Send it to Kesbangpol when it is ready."))
        if outcome.ok and offer is not None:
            return redirect(offer.get_partner_url())
    return render(request, "opportunities/offer_form.html", {"form": form, "offer": offer, "party": party})


@partner_required
def partner_offer(request: AuthedHttpRequest, pk: int) -> HttpResponseBase:
    offer = get_object_or_404(Offer.objects.for_party(request.user).select_related("office", "party"), pk=pk)
    if request.method == "POST":
        do, by = request.POST.get("do", ""), request.user
        with refusals_shown(request):
            if do == "submit":
                actions.submit_offer(offer, by=by)
            elif do == "withdraw":
                actions.withdraw_offer(offer, by=by)
            elif do == "close":
                actions.close_offer(offer, by=by)
            else:
                application = offer.applications.filter(pk=_int_or_404(request.POST.get("application", ""))).first()
                if application is None:
                    return redirect(offer.get_partner_url())
                if do == "accept":
                    actions.accept_application(application, by=by)
                elif do == "decline":
                    actions.decline_application(application, by=by, note=request.POST.get("note", ""))
                elif do == "served":
                    form = ServedForm(request.POST)
                    if not form.is_valid():
                        messages.error(request, _("Enter the day it was served."))
                        return redirect(offer.get_partner_url())
                    actions.record_served(
                        application, by=by, on=form.cleaned_data["served_on"], note=form.cleaned_data["note"]
                    )
            messages.success(request, _("Saved."))
        return redirect(offer.get_partner_url())
    applications = list(offer.applications.exclude(status=A.WITHDRAWN).select_related("ormas"))
    # What the application shares: the Ormas's public identity (name, registration, kab/kota), nothing more.
    names = dict(
        Region.objects.filter(code__in={a.ormas.regency_code for a in applications}).values_list("code", "name")
    )
    for application in applications:
        application.regency_name = names.get(application.ormas.regency_code, "")  # type: ignore[attr-defined]
    context = {
        "offer": offer,
        "applications": applications,
        "today": timezone.localdate(),
        "conditions": _conditions_summary(offer),
    }
    return render(request, "opportunities/partner_offer.html", context)


def _conditions_summary(offer: Offer) -> dict:
    return {
        "gate": [rule.label for rule in offer.gate_rules.all()],
        "fields": [field.name for field in offer.fields.all()],
        "regions": [region.name for region in offer.regions.all()],
    }


# ---- Kesbangpol officers --------------------------------------------------------------------------------------


@officer_required
def offer_list(request: AuthedHttpRequest) -> HttpResponse:
    offers = Offer.objects.for_officer(request.user).select_related("party", "office")
    status = request.GET.get("status", "")
    if status in S.values:
        offers = offers.filter(status=status)
    waiting = Offer.objects.for_officer(request.user).filter(status=S.SUBMITTED).count()
    context = {"offers": offers[:500], "statuses": S.choices, "query": request.GET, "waiting": waiting}
    return render(request, "opportunities/offer_list.html", context)


@officer_required
def offer_detail(request: AuthedHttpRequest, pk: int) -> HttpResponseBase:
    offer = get_object_or_404(Offer.objects.for_officer(request.user).select_related("party", "office"), pk=pk)
    note_form = NoteForm(request.POST if request.POST.get("do") == "return" else None)
    if request.method == "POST":
        do = request.POST.get("do", "")
        with refusals_shown(request) as outcome:
            if do == "publish":
                actions.publish_offer(offer, by=request.user)
                messages.success(request, _("Published. Ormas that qualify are told."))
            elif do == "return" and note_form.is_valid():
                actions.return_offer(offer, by=request.user, note=note_form.cleaned_data["note"])
                messages.success(request, _("Returned to the partner."))
            elif do == "close":
                actions.close_offer(offer, by=request.user)
                messages.success(request, _("Closed."))
        if outcome.ok and (do != "return" or note_form.is_valid()):
            return redirect(offer.get_absolute_url())
    applications = OfferApplication.objects.for_officer(request.user).filter(offer=offer).select_related("ormas")
    context = {
        "offer": offer,
        "applications": applications,
        "note_form": note_form,
        "conditions": _conditions_summary(offer),
    }
    return render(request, "opportunities/offer_detail.html", context)


# ---- The Ormas account ----------------------------------------------------------------------------------------


@acting_ormas_required
def my_board(request: AuthedHttpRequest) -> HttpResponse:
    ormas = request.user.ormas
    assert ormas is not None
    rows = matching.board(ormas)
    notices = OfferNotice.objects.filter(ormas=ormas, seen_at__isnull=True)
    new_ids = set(notices.values_list("offer_id", flat=True))
    notices.update(seen_at=timezone.now())
    applications = OfferApplication.objects.for_ormas_account(request.user).select_related("offer__party")
    applied = {a.offer_id: a for a in applications if a.status != A.WITHDRAWN}
    context = {
        "ormas": ormas,
        "qualifying": [(o, v, o.pk in new_ids, applied.get(o.pk)) for o, v in rows if v.eligible],
        "others": [(o, v, o.pk in new_ids, applied.get(o.pk)) for o, v in rows if not v.eligible],
        "applications": applications,
    }
    return render(request, "opportunities/my_board.html", context)


@acting_ormas_required
def my_offer(request: AuthedHttpRequest, pk: int) -> HttpResponseBase:
    ormas = request.user.ormas
    assert ormas is not None
    offer = get_object_or_404(Offer.objects.visible_to(request.user).select_related("party", "office"), pk=pk)
    user = request.user
    initial = {
        "contact_name": user.get_full_name() or user.username,
        "contact_email": user.email,
        "contact_phone": user.phone,
    }
    form = ApplicationForm(request.POST or None, initial=initial)
    mine = OfferApplication.objects.for_ormas_account(user).filter(offer=offer).exclude(status=A.WITHDRAWN).first()
    if request.method == "POST" and request.POST.get("do") == "withdraw" and mine is not None:
        with refusals_shown(request):
            actions.withdraw_application(mine, by=user)
            messages.success(request, _("Your application is withdrawn."))
        return redirect(offer.get_ormas_url())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusals_shown(request, form=form) as outcome:
            actions.apply(
                offer,
                ormas,
                by=user,
                contact_name=data["contact_name"],
                contact_phone=data["contact_phone"],
                contact_email=data["contact_email"],
                message=data["message"],
            )
            messages.success(request, _("Your application was sent to %(party)s.") % {"party": offer.party.name})
        if outcome.ok:
            return redirect(offer.get_ormas_url())
    context = {
        "offer": offer,
        "verdict": matching.qualifies(offer, ormas),
        "form": form,
        "mine": mine,
        "open": offer.status == S.PUBLISHED and offer.apply_by >= timezone.localdate(),
    }
    return render(request, "opportunities/my_offer.html", context)
