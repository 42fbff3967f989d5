"""Draft, then decide: an officer prepares a sanction step (a written warning, a halt, a recommendation) and a
Pimpinan of the handling office decides and signs it, or sends it back (issue 11, item 1; services approvals work
the same way). The deciding itself is the step's own action in supervision/actions.py, which refuses anyone but a
Pimpinan; these actions only keep the draft and its outcome, and are audited once here.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from audit.log import record
from supervision import actions, rules
from supervision.models import Case, CaseDraft, CaseStep

S = Case.Status
K = CaseStep.Kind

# Which move a draft of each kind prepares (checked when it is drafted, again when it is decided).
TARGET: dict[str, str] = {
    K.WRITTEN_WARNING: S.WRITTEN_WARNING,
    K.HALT: S.HALTED,
    K.HALT_RECOMMENDED: S.HALT_PROPOSED,
    K.REVOCATION_RECOMMENDED: S.REVOCATION_RECOMMENDED,
    K.FOREIGN_MEASURE_RECOMMENDED: S.FOREIGN_MEASURE_RECOMMENDED,
}


def pending(case: Case) -> CaseDraft | None:
    return case.drafts.filter(status=CaseDraft.Status.PENDING).first()


@transaction.atomic
def draft_step(case: Case, kind: str, *, by: User, legal_basis: str, text: str, letter_body: str = "") -> CaseDraft:
    """An officer (or a Pimpinan) prepares a sanction step for a Pimpinan to decide."""
    rules.require_handler(by, case)
    rules.refuse_final(case)
    if kind not in TARGET:
        raise ValidationError(_("Only sanction steps are drafted for a Pimpinan's decision."))
    actions._check(case, TARGET[kind])
    if pending(case) is not None:
        raise ValidationError(_("A draft of this case already waits for a Pimpinan's decision."))
    legal_basis = actions._require_text(legal_basis, _("Give the legal basis (pasal)."))
    text = actions._require_text(text, _("Write the findings or the reason."))
    draft = CaseDraft.objects.create(
        case=case,
        kind=kind,
        legal_basis=legal_basis,
        text=text,
        letter_body=(letter_body or "").strip(),
        prepared_by=by,
    )
    record(case, "case.step_drafted", by=by, ormas=case.ormas, about=case, data={"draft": draft.pk, "kind": kind})
    actions._notify(case, "step", _("Draft waiting for a decision"))
    return draft


@transaction.atomic
def decide_draft(
    draft: CaseDraft, *, by: User, issued_on: dt.date | None = None, backdate_reason: str = "", halt_scope: str = ""
) -> CaseStep:
    """A Pimpinan decides a pending draft: the step's own action runs with the Pimpinan as decider and signatory."""
    draft = CaseDraft.objects.select_for_update().select_related("case").get(pk=draft.pk)
    case = draft.case
    rules.require_decider(by, case)
    if draft.status != CaseDraft.Status.PENDING:
        raise ValidationError(_("This draft was already %(status)s.") % {"status": draft.get_status_display().lower()})
    basis = draft.legal_basis
    step: CaseStep
    if draft.kind == K.WRITTEN_WARNING:
        step = actions.issue_written_warning(
            case, findings=draft.text, issued_on=issued_on, backdate_reason=backdate_reason, by=by, legal_basis=basis
        )
    elif draft.kind == K.HALT:
        step = actions.halt_activities(
            case, reason=draft.text, letter_body=draft.letter_body, by=by, legal_basis=basis, halt_scope=halt_scope
        )
    elif draft.kind == K.HALT_RECOMMENDED:
        step = actions.recommend_halt(case, reason=draft.text, letter_body=draft.letter_body, by=by, legal_basis=basis)
    elif draft.kind == K.REVOCATION_RECOMMENDED:
        step = actions.recommend_revocation(
            case,
            reason=draft.text,
            letter_body=draft.letter_body,
            direct=case.status in (S.OPENED, S.CLARIFICATION),
            by=by,
            legal_basis=basis,
        )
    else:
        step = actions.recommend_foreign_measure(
            case, reason=draft.text, letter_body=draft.letter_body, by=by, legal_basis=basis
        )
    draft.status = CaseDraft.Status.DECIDED
    draft.decided_by = by
    draft.step = step
    draft.save(update_fields=["status", "decided_by", "step"])
    record(
        case,
        "case.draft_decided",
        by=by,
        ormas=case.ormas,
        about=case,
        data={"draft": draft.pk, "kind": draft.kind, "step": step.pk, "prepared_by": draft.prepared_by_id},
    )
    return step


@transaction.atomic
def return_draft(draft: CaseDraft, *, by: User, note: str) -> CaseDraft:
    """A Pimpinan sends a draft back to the officer with a note; nothing is issued."""
    draft = CaseDraft.objects.select_for_update().select_related("case").get(pk=draft.pk)
    rules.require_decider(by, draft.case)
    if draft.status != CaseDraft.Status.PENDING:
        raise ValidationError(_("This draft was already %(status)s.") % {"status": draft.get_status_display().lower()})
    note = actions._require_text(note, _("Say why the draft is sent back."))
    draft.status = CaseDraft.Status.RETURNED
    draft.decided_by = by
    draft.note = note
    draft.save(update_fields=["status", "decided_by", "note"])
    record(
        draft.case,
        "case.draft_returned",
        by=by,
        ormas=draft.case.ormas,
        about=draft.case,
        data={"draft": draft.pk, "kind": draft.kind, "note": note},
    )
    return draft
