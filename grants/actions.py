"""Every state change of a grant proposal, one function per move in Proposal.TRANSITIONS, audited inside.

Views, commands and the demo call these; each runs in a transaction and refuses with ValidationError (bad input,
a move the table does not allow, an Ormas the gate refuses) or PermissionDenied (the wrong person), so a refusal
leaves nothing changed.
"""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role, User
from audit.log import record
from grants import eligibility
from grants.models import BudgetLine, GrantWindow, Proposal, ProposalDocument, Score, new_reference
from letters.actions import issue_letter
from letters.bodies import render_body
from registry.models import Ormas
from wadah.lib.files import DOCUMENT_TYPES, save_private, sha256_of, sniff
from wadah.lib.workflow import check_move
from workdays.engine import deadline_for

S = Proposal.Status
LPJ_PERIOD = "grant-lpj"
MAX_UPLOAD_MB = 20
# An LPJ is a report: a PDF or an office document, not a photo.
LPJ_TYPES = {k: v for k, v in DOCUMENT_TYPES.items() if k in ("pdf", "docx", "xlsx")}


def _require_staff(user: User, proposal_or_window: Proposal | GrantWindow) -> None:
    window = proposal_or_window.window if isinstance(proposal_or_window, Proposal) else proposal_or_window
    if user.role not in (Role.OFFICER, Role.LEADER) or not user.in_scope(window.office.region_id):
        raise PermissionDenied(_("Only an officer of the window's office may do this."))


def _require_leader(user: User, proposal: Proposal) -> None:
    _require_staff(user, proposal)
    if user.role != Role.LEADER:
        raise PermissionDenied(_("Only the Pimpinan may do this."))


def _audit(proposal: Proposal, action: str, *, to: str, by: User, **data: Any) -> None:
    """Move to status `to` (refused if TRANSITIONS does not list it) and write the audit entry `action`."""
    check_move(proposal, to, _("A proposal that is “%(old)s” cannot become “%(new)s”."))
    old = proposal.status
    proposal.status = to
    proposal.save()
    record(
        proposal,
        action,
        by=by,
        ormas=proposal.ormas,
        changes={"status": [old, to]},
        data={k: str(v) for k, v in data.items()},
        about=proposal,
    )


def _refuse_if_ineligible(ormas: Ormas, window: GrantWindow, on: dt.date) -> eligibility.Verdict:
    verdict = eligibility.check(ormas, window=window, on=on)
    if not verdict.eligible:
        raise ValidationError(
            [_("This Ormas does not meet the grant conditions:")] + verdict.reasons(), code="ineligible"
        )
    return verdict


@transaction.atomic
def submit_proposal(
    window: GrantWindow,
    ormas: Ormas,
    *,
    by: User,
    title: str,
    requested_amount: Decimal,
    budget_lines: list[tuple[str, Decimal]],
    summary: str = "",
    on: dt.date | None = None,
) -> Proposal:
    """A proposal by the Ormas account (its own Ormas only) or by an officer at the counter; the gate first."""
    on = on or timezone.localdate()
    if by.role == Role.ORMAS_ACCOUNT:
        if by.ormas_id != ormas.pk:
            raise PermissionDenied(_("An Ormas account may propose only for its own Ormas."))
        channel = Proposal.Channel.ONLINE
    else:
        _require_staff(by, window)
        channel = Proposal.Channel.COUNTER
    if not window.is_open(on):
        raise ValidationError(_("This grant window is not open for proposals."))
    if Proposal.objects.filter(window=window, ormas=ormas).exclude(status=S.WITHDRAWN).exists():
        raise ValidationError(_("This Ormas already has a proposal in this window."))
    if not title.strip():
        raise ValidationError(_("Name the activity the grant is for."))
    lines = [(text.strip(), Decimal(amount)) for text, amount in budget_lines if text.strip()]
    if not lines or any(amount <= 0 for _text, amount in lines):
        raise ValidationError(_("List at least one budget line, each with a positive amount."))
    if requested_amount <= 0 or requested_amount > window.amount:
        raise ValidationError(_("The amount requested must be positive and within the window's total."))
    if sum(amount for _text, amount in lines) != requested_amount:
        raise ValidationError(_("The budget lines must add up to the amount requested."))
    verdict = _refuse_if_ineligible(ormas, window, on)
    proposal = Proposal.objects.create(
        reference=new_reference(window.budget_year),
        window=window,
        ormas=ormas,
        channel=channel,
        title=title.strip(),
        summary=summary,
        requested_amount=requested_amount,
        submitted_by=by,
        eligibility=verdict.as_dict(),
    )
    BudgetLine.objects.bulk_create(
        BudgetLine(proposal=proposal, description=text, amount=amount) for text, amount in lines
    )
    record(
        proposal,
        "grant.submitted",
        by=by,
        ormas=ormas,
        data={"window": str(window), "amount": str(requested_amount), "channel": channel},
        about=proposal,
    )
    return proposal


def _store(proposal: Proposal, upload: UploadedFile, kind: str, by: User, allowed: dict[str, str]) -> ProposalDocument:
    sniffed = sniff(upload, allowed, max_mb=MAX_UPLOAD_MB)
    digest = sha256_of(upload)
    document = ProposalDocument(
        proposal=proposal,
        kind=kind,
        original_name=(upload.name or "")[:255],
        content_type=sniffed.mime,
        size=upload.size or 0,
        sha256=digest,
        uploaded_by=by,
    )
    save_private(document.file, upload, sniffed, digest)
    document.save()
    record(
        proposal,
        "grant.document_uploaded",
        by=by,
        ormas=proposal.ormas,
        data={"kind": kind, "sha256": digest},
        about=proposal,
    )
    return document


def _require_filer(by: User, proposal: Proposal) -> None:
    if by.role == Role.ORMAS_ACCOUNT:
        if by.ormas_id != proposal.ormas_id:
            raise PermissionDenied(_("An Ormas account may act only on its own proposals."))
    else:
        _require_staff(by, proposal)


@transaction.atomic
def add_document(proposal: Proposal, upload: UploadedFile, *, by: User) -> ProposalDocument:
    _require_filer(by, proposal)
    if proposal.status not in (S.SUBMITTED, S.EVALUATION):
        raise ValidationError(_("Documents can be added only before the evaluation ends."))
    return _store(proposal, upload, ProposalDocument.Kind.PROPOSAL, by, DOCUMENT_TYPES)


@transaction.atomic
def withdraw(proposal: Proposal, *, by: User) -> Proposal:
    _require_filer(by, proposal)
    _audit(proposal, "grant.withdrawn", to=S.WITHDRAWN, by=by)
    return proposal


@transaction.atomic
def start_evaluation(proposal: Proposal, *, by: User) -> Proposal:
    _require_staff(by, proposal)
    _audit(proposal, "grant.evaluation_started", to=S.EVALUATION, by=by)
    return proposal


@transaction.atomic
def score(proposal: Proposal, *, by: User, scores: dict[int, int], note: str = "") -> list[Score]:
    """One evaluator's scores for every criterion of the window (again: replaces that evaluator's scores)."""
    _require_staff(by, proposal)
    if proposal.status != S.EVALUATION:
        raise ValidationError(_("Scores can be given only while the proposal is in evaluation."))
    criteria = list(proposal.window.criteria.all())
    if not criteria:
        raise ValidationError(_("The window has no scoring criteria."))
    result = []
    for criterion in criteria:
        value = scores.get(criterion.pk)
        if value is None or not 0 <= int(value) <= criterion.max_score:
            raise ValidationError(
                _("Give “%(criterion)s” a score from 0 to %(max)d.")
                % {"criterion": criterion, "max": criterion.max_score}
            )
        item, _created = Score.objects.update_or_create(
            proposal=proposal, criterion=criterion, evaluator=by, defaults={"score": int(value), "note": note}
        )
        result.append(item)
    record(
        proposal,
        "grant.scored",
        by=by,
        ormas=proposal.ormas,
        data={str(c.pk): str(scores[c.pk]) for c in criteria},
        about=proposal,
    )
    return result


@transaction.atomic
def recommend(proposal: Proposal, *, by: User, note: str = "") -> Proposal:
    _require_leader(by, proposal)
    needed = proposal.window.min_evaluators
    if len(proposal.evaluators()) < needed:
        raise ValidationError(_("At least %(count)d evaluators must score the proposal first.") % {"count": needed})
    proposal.decision_note = note
    _audit(proposal, "grant.recommended", to=S.RECOMMENDED, by=by, score=proposal.score_total())
    return proposal


@transaction.atomic
def reject(proposal: Proposal, *, by: User, note: str) -> Proposal:
    _require_leader(by, proposal)
    if not note.strip():
        raise ValidationError(_("Give the reason, so the Ormas can read it."))
    proposal.decision_note = note
    proposal.decided_by, proposal.decided_at = by, timezone.now()
    _audit(proposal, "grant.rejected", to=S.REJECTED, by=by, note=note)
    return proposal


@transaction.atomic
def decide(
    proposal: Proposal, *, by: User, nphd_number: str, nphd_date: dt.date, amount: Decimal, note: str = ""
) -> Proposal:
    """The Pimpinan's grant decision with the signed NPHD. The gate is asked again on the NPHD date."""
    _require_leader(by, proposal)
    if proposal.window.recommendation_only:
        raise ValidationError(_("In this window the finance office decides; send the recommendation letter instead."))
    check_move(proposal, S.APPROVED, _("A proposal that is “%(old)s” cannot become “%(new)s”."))
    if not nphd_number.strip():
        raise ValidationError(_("Enter the NPHD number."))
    if amount <= 0 or amount > proposal.requested_amount:
        raise ValidationError(_("The amount granted must be positive and not more than the amount requested."))
    _refuse_if_ineligible(proposal.ormas, proposal.window, nphd_date)
    proposal.nphd_number, proposal.nphd_date, proposal.granted_amount = nphd_number.strip(), nphd_date, amount
    proposal.decided_by, proposal.decided_at, proposal.decision_note = by, timezone.now(), note
    _audit(proposal, "grant.decided", to=S.APPROVED, by=by, nphd=nphd_number, amount=amount)
    return proposal


@transaction.atomic
def disburse(proposal: Proposal, *, by: User, on: dt.date) -> Proposal:
    """Record the transfer; the LPJ falls due by the period data (UNVERIFIED, see workdays Period grant-lpj)."""
    _require_staff(by, proposal)
    check_move(proposal, S.DISBURSED, _("A proposal that is “%(old)s” cannot become “%(new)s”."))
    proposal.disbursed_on = on
    proposal.lpj_due = deadline_for(LPJ_PERIOD, on, region_code=proposal.window.office.region_id)
    _audit(proposal, "grant.disbursed", to=S.DISBURSED, by=by, on=on, lpj_due=proposal.lpj_due)
    return proposal


@transaction.atomic
def receive_lpj(proposal: Proposal, upload: UploadedFile, *, by: User, on: dt.date | None = None) -> ProposalDocument:
    """The LPJ, uploaded by the Ormas or received at the counter. It must be a document (PDF, DOCX, XLSX)."""
    _require_filer(by, proposal)
    check_move(proposal, S.LPJ_RECEIVED, _("A proposal that is “%(old)s” cannot become “%(new)s”."))
    document = _store(proposal, upload, ProposalDocument.Kind.LPJ, by, LPJ_TYPES)
    proposal.lpj_received_on = on or timezone.localdate()
    _audit(proposal, "grant.lpj_received", to=S.LPJ_RECEIVED, by=by)
    return document


@transaction.atomic
def verify_lpj(proposal: Proposal, *, by: User) -> Proposal:
    _require_staff(by, proposal)
    proposal.lpj_verified_at = timezone.now()
    _audit(proposal, "grant.lpj_verified", to=S.LPJ_VERIFIED, by=by)
    return proposal


@transaction.atomic
def return_lpj(proposal: Proposal, *, by: User, note: str) -> Proposal:
    """The LPJ is incomplete: back to "awaited" (the due date does not move)."""
    _require_staff(by, proposal)
    if not note.strip():
        raise ValidationError(_("Say what the LPJ lacks."))
    proposal.lpj_received_on = None
    _audit(proposal, "grant.lpj_returned", to=S.DISBURSED, by=by, note=note)
    return proposal


@transaction.atomic
def send_recommendation(proposal: Proposal, *, by: User) -> Proposal:
    """BPKAD variant: Kesbangpol's numbered recommendation letter on the proposal, for the finance office."""
    _require_leader(by, proposal)
    if not proposal.window.recommendation_only:
        raise ValidationError(_("This window's grants are decided here, with an NPHD."))
    check_move(proposal, S.FORWARDED, _("A proposal that is “%(old)s” cannot become “%(new)s”."))
    _refuse_if_ineligible(proposal.ormas, proposal.window, timezone.localdate())
    office = proposal.window.office
    body = render_body("grant-recommendation", {"proposal": proposal, "score": proposal.score_total()})
    proposal.recommendation_letter = issue_letter(
        office=office,
        kind="grant-recommendation",
        title="Rekomendasi Hibah",
        subject=f"Rekomendasi Hibah — {proposal.ormas.name}",
        body=body,
        by=by,
        signatory_name=by.get_full_name() or by.username,
        signatory_position=f"Kepala {office.name}",
        signatory_nip=by.nip,
        ormas=proposal.ormas,
        addressee="Kepala Badan Pengelolaan Keuangan dan Aset Daerah",
        source=proposal,
    )
    _audit(proposal, "grant.recommendation_sent", to=S.FORWARDED, by=by, letter=proposal.recommendation_letter.number)
    return proposal


@transaction.atomic
def record_outcome(
    proposal: Proposal, *, by: User, funded: bool, note: str = "", nphd_number: str = "", nphd_date: Any = None
) -> Proposal:
    """What the finance office reports back on a recommended proposal."""
    _require_staff(by, proposal)
    proposal.outcome_note = note
    if funded:
        proposal.nphd_number, proposal.nphd_date = nphd_number, nphd_date
    _audit(proposal, "grant.outcome_recorded", to=S.FUNDED_ELSEWHERE if funded else S.NOT_FUNDED, by=by, note=note)
    return proposal
