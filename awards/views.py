"""Award pages for Kesbangpol staff: the rounds of their scope, a round's criteria, shortlist with each score's
reasons, and the Pimpinan's decision. Every change is an action in awards/actions.py run through refusals_shown."""

from django.contrib import messages
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.decorators import user_passes
from accounts.models import Role
from accounts.typing import AuthedHttpRequest
from awards import actions, criteria
from awards.forms import DecisionForm, RoundForm
from awards.models import AwardRound
from wadah.lib.views import refusals_shown

# Officers and Pimpinan of an office (the system administrator has no business powers here).
award_staff = user_passes(lambda user: getattr(user, "role", None) in (Role.OFFICER, Role.LEADER) and user.office_id)


def _number(raw: str, default: int = -1) -> int:
    return int(raw) if raw.isdigit() and len(raw) <= 6 else default


@award_staff
def round_list(request: AuthedHttpRequest) -> HttpResponseBase:
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusals_shown(request, form=form) as outcome:
            round_ = actions.create_round(by=request.user, **data)
        if outcome.ok:
            return redirect(round_.get_absolute_url())
    rounds = AwardRound.objects.for_officer(request.user).select_related("office")
    return render(request, "awards/round_list.html", {"rounds": rounds, "form": form})


@award_staff
def round_detail(request: AuthedHttpRequest, pk: int) -> HttpResponseBase:
    round_ = get_object_or_404(AwardRound.objects.for_officer(request.user).select_related("office"), pk=pk)
    decision_form = DecisionForm(request.POST if request.POST.get("do") == "decide" else None)
    rows = list(round_.criteria.all())
    if request.method == "POST":
        do, by = request.POST.get("do", ""), request.user
        with refusals_shown(request) as outcome:
            if do == "criteria":
                weights = {c.pk: _number(request.POST.get(f"w{c.pk}", ""), 11) for c in rows}
                required = {c.pk for c in rows if request.POST.get(f"r{c.pk}")}
                actions.set_criteria(round_, by=by, weights=weights, required=required)
                messages.success(request, _("Criteria saved."))
            elif do == "compute":
                candidates = actions.compute_shortlist(round_, by=by)
                messages.success(request, _("Shortlist computed: %(count)d Ormas.") % {"count": len(candidates)})
            elif do == "reopen":
                actions.reopen(round_, by=by)
                messages.success(request, _("Reopened: the shortlist is cleared."))
            elif do == "decide":
                if not decision_form.is_valid():
                    return render(request, "awards/round_detail.html", _context(request, round_, decision_form))
                winners = {
                    _number(raw): request.POST.get(f"citation-{raw}", "")
                    for raw in request.POST.getlist("winner")
                    if raw.isdigit() and len(raw) <= 12
                }
                actions.decide(round_, by=by, winners=winners, **decision_form.cleaned_data)
                messages.success(request, _("The decision is recorded."))
        if outcome.ok:
            return redirect(round_.get_absolute_url())
    return render(request, "awards/round_detail.html", _context(request, round_, decision_form))


def _context(request: AuthedHttpRequest, round_: AwardRound, decision_form: DecisionForm) -> dict:
    rows = [(c, criteria.KINDS.get(c.kind)) for c in round_.criteria.all()]
    user = request.user
    return {
        "round": round_,
        "criteria": rows,
        "candidates": round_.candidates.select_related("ormas"),
        "decision_form": decision_form,
        "may_decide": user.role == Role.LEADER and user.office_id == round_.office_id,
    }
