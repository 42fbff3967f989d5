"""What comes back and what ends a sanction: the foreign-Ormas path (Pasal 61(2): permits and immigration, through
Kemenlu), the decision the ministry returns on a recommendation (SK number and date, applied to the registry), and
lifting a sanction. Split from actions.py by what it is; actions.py re-exports these names."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from registry.models import Ormas
from supervision import rules, wording
from supervision.journal import (
    _check,
    _letter,
    _log,
    _move,
    _notify,
    _require_articles,
    _require_text,
    _set_ormas_status,
    _step,
)
from supervision.models import Case, CaseStep
from wadah.lib.workflow import InvalidTransition

S = Case.Status
K = CaseStep.Kind


FOREIGN_ADDRESSEE = "Menteri Luar Negeri Republik Indonesia c.q. Tim Perizinan Ormas Asing"


@transaction.atomic
def recommend_foreign_measure(
    case: Case, *, by: User, legal_basis: str, reason: str, letter_body: str = "", addressee: str = ""
) -> CaseStep:
    """A foreign Ormas (Pasal 61(2), PP 59/2016): recommend revoking its permits and immigration measures to the
    Kemenlu's permit team. After a warning not complied with, or directly for a breach of Pasal 52."""
    rules.require_decider(by, case)
    _check(case, S.FOREIGN_MEASURE_RECOMMENDED)
    if not rules.is_foreign(case):
        raise ValidationError(_("Permit and immigration measures are for Ormas founded by foreign nationals."))
    _require_articles(case)
    if case.status in (S.OPENED, S.CLARIFICATION) and not rules.direct_path_articles(case):
        raise ValidationError(
            _("Without a warning first, this is only for breaches of Pasal 52 or 59(3)/(4) (Pasal 60(2)).")
        )
    legal_basis = _require_text(legal_basis, _("Give the legal basis (pasal)."))
    reason = _require_text(reason, _("Give the reason."))
    addressee = (addressee or "").strip() or FOREIGN_ADDRESSEE
    body = (letter_body or "").strip() or wording.foreign_measure_body(case, reason, legal_basis, addressee=addressee)
    letter = _letter(
        case,
        kind="foreign-measure-recommendation",
        title="Rekomendasi Sanksi Ormas Asing",
        subject=f"Rekomendasi Pencabutan Izin — {case.subject}",
        body=body,
        by=by,
        addressee=addressee,
        on_behalf_of_head=True,
    )
    old = _move(case, S.FOREIGN_MEASURE_RECOMMENDED)
    step = _step(case, K.FOREIGN_MEASURE_RECOMMENDED, by=by, legal_basis=legal_basis, decision=reason, letter=letter)
    _log(case, "case.foreign_measure_recommended", by=by, old=old, step=step.pk, letter=letter.number)
    _notify(case, "step", str(K.FOREIGN_MEASURE_RECOMMENDED.label))
    return step


OUTCOMES = ("halted", "revoked", "dissolved", "permit_revoked")


@transaction.atomic
def record_decision(
    case: Case,
    *,
    by: User,
    outcome: str,
    decree_number: str,
    decree_date: dt.date,
    legal_basis: str = "",
    note: str = "",
    halt_scope: str = "",
) -> CaseStep:
    """The ministry's decision arrives (SK number and date): "halted", "revoked" (SKT), "dissolved" (legal
    status, Pasal 80A) or "permit_revoked" (a foreign Ormas's permits). The registry follows in the same
    transaction: dibekukan, dicabut or bubar — the only way those statuses are set (registry.actions.Decision)."""
    rules.require_handler(by, case)
    decree_number = _require_text(decree_number, _("Give the number of the decree (SK)."))
    if decree_date is None:
        raise ValidationError(_("Give the date of the decree (SK)."))
    if decree_date > timezone.localdate():
        raise ValidationError(_("The decree cannot be dated in the future."))
    recommendation = case.steps.filter(
        kind__in=[K.HALT_RECOMMENDED, K.REVOCATION_RECOMMENDED, K.FOREIGN_MEASURE_RECOMMENDED]
    ).last()
    if recommendation is not None and decree_date < recommendation.decided_on:
        raise ValidationError(_("The decree cannot predate the recommendation it answers."))
    legal_form = case.ormas.legal_form if case.ormas else None
    is_entity = legal_form in (Ormas.LegalForm.ASSOCIATION, Ormas.LegalForm.FOUNDATION)
    if outcome == "halted":
        new, kind, status = S.HALTED, K.HALT, Ormas.Status.FROZEN
        if case.status != S.HALT_PROPOSED:
            raise InvalidTransition(_("A halt decision answers a halt recommendation."))
    elif outcome == "permit_revoked":
        if case.status != S.FOREIGN_MEASURE_RECOMMENDED:
            raise InvalidTransition(_("A permit decision answers a permit recommendation."))
        new, kind, status = S.DECIDED, K.FOREIGN_MEASURE, Ormas.Status.REVOKED
    elif outcome in ("revoked", "dissolved"):
        if case.status != S.REVOCATION_RECOMMENDED:
            raise InvalidTransition(_("A revocation decision answers a revocation recommendation."))
        if outcome == "dissolved" and not is_entity:
            raise ValidationError(_("Only an Ormas with legal-entity status is dissolved; its SKT is revoked."))
        if outcome == "revoked" and is_entity:
            raise ValidationError(_("Revoking a legal entity's status dissolves it (Pasal 80A): record “dissolved”."))
        new = S.DECIDED
        kind = K.DISSOLUTION if outcome == "dissolved" else K.REVOCATION
        status = Ormas.Status.DISSOLVED if outcome == "dissolved" else Ormas.Status.REVOKED
    else:
        raise ValidationError(_("Unknown decision “%(outcome)s”.") % {"outcome": outcome})
    _check(case, new)
    legal_basis = (legal_basis or "").strip() or rules.LEGAL_BASIS[kind]
    reason = f"SK {decree_number} ({decree_date.isoformat()})"
    decided_by = "Kemenlu" if kind == K.FOREIGN_MEASURE else rules.ministry_for(case)[1]
    old = _move(case, new)
    step = _step(
        case,
        kind,
        by=by,
        legal_basis=legal_basis,
        decision=(note or "").strip() or reason,
        decided_on=decree_date,
        decree_number=decree_number,
        decree_date=decree_date,
        rules={"decided_by": decided_by},
    )
    if kind == K.HALT and halt_scope.strip():
        step.halt_scope = halt_scope.strip()
        step.save(update_fields=["halt_scope"])
    _set_ormas_status(
        case,
        status,
        by=by,
        reason=reason,
        legal_basis=legal_basis,
        decree_number=decree_number,
        decree_date=decree_date,
    )
    _log(case, "case.decision_recorded", by=by, old=old, step=step.pk, outcome=outcome, decree=decree_number)
    _notify(case, "step", str(K(kind).label))
    return step


@transaction.atomic
def lift_sanction(
    case: Case,
    *,
    by: User,
    reason: str,
    legal_basis: str,
    lifted_on: dt.date | None = None,
    decree_number: str = "",
) -> CaseStep:
    """End a halt or a revocation (compliance restored, decision annulled), decided by a Pimpinan: the Ormas is
    aktif again and the case closes. A dissolution is final (Ormas.TRANSITIONS) and cannot be lifted here."""
    rules.require_decider(by, case)
    reason = _require_text(reason, _("Give the reason the sanction is lifted."))
    legal_basis = _require_text(legal_basis, _("Give the legal basis of the lifting."))
    _check(case, S.CLOSED)
    sanctions = list(case.steps.filter(kind__in=list(CaseStep.SANCTIONS), lifted_on__isnull=True))
    if not sanctions:
        raise ValidationError(_("No sanction of this case is in force."))
    if any(step.kind == K.DISSOLUTION for step in sanctions):
        raise ValidationError(_("A dissolved Ormas cannot be restored."))
    lifted_on = lifted_on or timezone.localdate()
    if lifted_on > timezone.localdate():
        raise ValidationError(_("A sanction cannot be lifted with a future date."))
    CaseStep.objects.filter(pk__in=[s.pk for s in sanctions]).update(lifted_on=lifted_on)
    _set_ormas_status(
        case,
        Ormas.Status.ACTIVE,
        by=by,
        reason=reason,
        legal_basis=legal_basis,
        decree_number=(decree_number or "").strip(),
        decree_date=lifted_on,
    )
    old = _move(case, S.CLOSED)
    step = _step(
        case,
        K.LIFTED,
        by=by,
        legal_basis=legal_basis,
        decision=reason,
        decided_on=lifted_on,
        decree_number=decree_number,
    )
    _log(case, "case.sanction_lifted", by=by, old=old, step=step.pk, lifted=[s.pk for s in sanctions])
    _notify(case, "step", str(K.LIFTED.label))
    return step
