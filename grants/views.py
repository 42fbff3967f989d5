"""Grant pages: the officers' scoped list, detail (evaluate, decide, disburse, LPJ) and counter entry; the Ormas
account's windows (with its eligibility) and proposals; the eligibility answer as JSON. Every change is an action
in grants/actions.py run through refusals_shown, so a refusal shows its reasons and changes nothing."""

from django.contrib import messages
from django.http import HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.decorators import acting_ormas_required, officer_required
from accounts.typing import AuthedHttpRequest
from grants import actions, eligibility
from grants.exports import proposals_workbook
from grants.forms import CounterProposalForm, DecisionForm, ProposalForm, UploadForm
from grants.models import GrantWindow, Proposal, ProposalDocument
from regions.scope import within
from registry.models import Ormas
from wadah.lib.files import private_file_response
from wadah.lib.views import refusals_shown

S = Proposal.Status


def _officer_proposal(request: AuthedHttpRequest, reference: str) -> Proposal:
    return get_object_or_404(
        Proposal.objects.for_officer(request.user).select_related("window__office", "ormas"), reference=reference
    )


def _filtered(request: AuthedHttpRequest) -> "list[Proposal]":
    proposals = Proposal.objects.for_officer(request.user).select_related("window", "ormas").prefetch_related("scores")
    status = request.GET.get("status", "")
    if status in S.values:
        proposals = proposals.filter(status=status)
    window = request.GET.get("window", "")
    if window.isdigit() and len(window) <= 18:  # a longer number would overflow the database's integer
        proposals = proposals.filter(window_id=int(window))
    return list(proposals[:2000])


@officer_required
def proposal_list(request: AuthedHttpRequest) -> HttpResponse:
    windows = GrantWindow.objects.for_officer(request.user).select_related("office")
    context = {"proposals": _filtered(request), "windows": windows, "statuses": S.choices, "query": request.GET}
    return render(request, "grants/proposal_list.html", context)


@officer_required
def proposal_export(request: AuthedHttpRequest) -> HttpResponse:
    response = HttpResponse(
        proposals_workbook(_filtered(request)),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="hibah-{timezone.localdate():%Y%m%d}.xlsx"'
    return response


@officer_required
def counter_create(request: AuthedHttpRequest, window_pk: int) -> HttpResponseBase:
    window = get_object_or_404(GrantWindow.objects.for_officer(request.user), pk=window_pk)
    ormas_queryset = Ormas.objects.visible_to(request.user).order_by("name")
    form = CounterProposalForm(request.POST or None, request.FILES or None, ormas_queryset=ormas_queryset)
    if request.method == "POST" and form.is_valid():
        proposal = _submit(request, form, window, form.cleaned_data["ormas"])
        if proposal is not None:
            return redirect(proposal.get_absolute_url())
    return render(request, "grants/proposal_form.html", {"form": form, "window": window, "counter": True})


def _submit(request: AuthedHttpRequest, form: ProposalForm, window: GrantWindow, ormas: Ormas) -> Proposal | None:
    data = form.cleaned_data
    with refusals_shown(request, form=form) as outcome:
        proposal = actions.submit_proposal(
            window,
            ormas,
            by=request.user,
            title=data["title"],
            summary=data["summary"],
            requested_amount=data["requested_amount"],
            budget_lines=data["budget"],
        )
        if data.get("document"):
            actions.add_document(proposal, data["document"], by=request.user)
        messages.success(request, _("Proposal %(reference)s submitted.") % {"reference": proposal.reference})
    return proposal if outcome.ok else None


@officer_required
def proposal_detail(request: AuthedHttpRequest, reference: str) -> HttpResponseBase:
    proposal = _officer_proposal(request, reference)
    decision_form = DecisionForm(
        request.POST if request.POST.get("do") == "decide" else None,
        initial={"amount": proposal.requested_amount, "nphd_date": timezone.localdate()},
    )
    upload_form = (
        UploadForm(request.POST or None, request.FILES or None) if request.POST.get("do") == "lpj" else UploadForm()
    )
    if request.method == "POST" and _officer_do(request, proposal, decision_form, upload_form):
        return redirect(proposal.get_absolute_url())
    user_id = request.user.pk
    criteria = list(proposal.window.criteria.all())
    mine = {s.criterion_id: s.score for s in proposal.scores.all() if s.evaluator_id == user_id}
    context = {
        "proposal": proposal,
        "verdict": eligibility.check(proposal.ormas, window=proposal.window),
        "criteria": [(c, mine.get(c.pk)) for c in criteria],
        "scores": proposal.scores.select_related("criterion", "evaluator").order_by("evaluator_id", "criterion__order"),
        "decision_form": decision_form,
        "upload_form": upload_form,
        "is_leader": request.user.role == "pimpinan",
    }
    return render(request, "grants/proposal_detail.html", context)


def _officer_do(
    request: AuthedHttpRequest, proposal: Proposal, decision_form: DecisionForm, upload_form: UploadForm
) -> bool:
    """Run the action the posted button names; True when it went through."""
    do, by, note = request.POST.get("do", ""), request.user, request.POST.get("note", "")
    with refusals_shown(request) as outcome:
        if do == "evaluate":
            actions.start_evaluation(proposal, by=by)
        elif do == "score":
            scores = {}
            for criterion in proposal.window.criteria.all():
                raw = request.POST.get(f"c{criterion.pk}", "")
                scores[criterion.pk] = int(raw) if raw.isdigit() else -1
            actions.score(proposal, by=by, scores=scores, note=note)
        elif do == "recommend":
            actions.recommend(proposal, by=by, note=note)
        elif do == "reject":
            actions.reject(proposal, by=by, note=note)
        elif do == "decide":
            if not decision_form.is_valid():
                return False
            data = decision_form.cleaned_data
            actions.decide(
                proposal,
                by=by,
                nphd_number=data["nphd_number"],
                nphd_date=data["nphd_date"],
                amount=data["amount"],
                note=data["note"],
            )
        elif do == "disburse":
            actions.disburse(proposal, by=by, on=timezone.localdate())
        elif do == "lpj":
            if not upload_form.is_valid():
                return False
            actions.receive_lpj(proposal, upload_form.cleaned_data["file"], by=by)
        elif do == "verify":
            actions.verify_lpj(proposal, by=by)
        elif do == "return":
            actions.return_lpj(proposal, by=by, note=note)
        elif do == "recommendation":
            actions.send_recommendation(proposal, by=by)
        elif do in ("funded", "not_funded"):
            actions.record_outcome(
                proposal, by=by, funded=do == "funded", note=note, nphd_number=request.POST.get("nphd_number", "")
            )
        else:
            return False
        messages.success(request, _("Saved."))
    return outcome.ok


@officer_required
def document_download(request: AuthedHttpRequest, reference: str, document_pk: int) -> HttpResponseBase:
    proposal = _officer_proposal(request, reference)
    document = get_object_or_404(ProposalDocument, proposal=proposal, pk=document_pk)
    return private_file_response(document.file, filename=document.original_name, content_type=document.content_type)


@officer_required
def eligibility_json(request: AuthedHttpRequest, ormas_pk: int) -> JsonResponse:
    """The gate's answer for one Ormas (and one window with ?window=), for staff now and the API later."""
    ormas = get_object_or_404(Ormas.objects.visible_to(request.user), pk=ormas_pk)
    window = None
    if request.GET.get("window", "").isdigit() and len(request.GET["window"]) <= 18:
        window = get_object_or_404(GrantWindow.objects.for_officer(request.user), pk=int(request.GET["window"]))
    return JsonResponse(eligibility.check(ormas, window=window).as_dict(), json_dumps_params={"ensure_ascii": False})


# ---- The Ormas account ---------------------------------------------------------------------------------------


@acting_ormas_required
def my_grants(request: AuthedHttpRequest) -> HttpResponse:
    ormas = request.user.ormas
    assert ormas is not None
    today = timezone.localdate()
    open_windows = GrantWindow.objects.filter(opens_on__lte=today, closes_on__gte=today).select_related("office")
    windows = [
        (window, eligibility.check(ormas, window=window, on=today))
        for window in open_windows
        if within(ormas.region_id, window.office.region_id)
    ]
    proposals = Proposal.objects.for_ormas_account(request.user).select_related("window")
    return render(request, "grants/my_grants.html", {"ormas": ormas, "windows": windows, "proposals": proposals})


@acting_ormas_required
def my_propose(request: AuthedHttpRequest, window_pk: int) -> HttpResponseBase:
    ormas = request.user.ormas
    assert ormas is not None
    window = get_object_or_404(GrantWindow, pk=window_pk)
    form = ProposalForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        proposal = _submit(request, form, window, ormas)
        if proposal is not None:
            return redirect(proposal.get_applicant_url())
    verdict = eligibility.check(ormas, window=window)
    return render(request, "grants/proposal_form.html", {"form": form, "window": window, "verdict": verdict})


@acting_ormas_required
def my_proposal(request: AuthedHttpRequest, reference: str) -> HttpResponseBase:
    proposal = get_object_or_404(Proposal.objects.for_ormas_account(request.user), reference=reference)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        with refusals_shown(request, form=form, field="file") as outcome:
            if proposal.status == S.DISBURSED:
                actions.receive_lpj(proposal, form.cleaned_data["file"], by=request.user)
            else:
                actions.add_document(proposal, form.cleaned_data["file"], by=request.user)
            messages.success(request, _("File received."))
        if outcome.ok:
            return redirect(proposal.get_applicant_url())
    return render(request, "grants/my_proposal.html", {"proposal": proposal, "form": form})
