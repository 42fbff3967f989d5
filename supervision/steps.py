"""The step table of a supervision case: which ladder steps the case page offers, with their form, confirmation
text and the action each one performs. Read by supervision/views.py; a test ties it to Case.TRANSITIONS and
actions.ACTION_FOR, so that every transition has a step and every step a transition.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django import forms as django_forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from supervision import actions, rules
from supervision import forms as f
from supervision.models import Case, CaseStep
from workdays.engine import deadline_for
from workdays.models import Period

S = Case.Status
K = CaseStep.Kind


@dataclass
class StepAction:
    label: Any
    targets: tuple[str, ...]
    form: type[django_forms.Form]
    run: Callable[[Case, Any, dict[str, Any]], Any]
    confirm: Any
    # The action of actions.ACTION_FOR this step performs (run may reach it through take_step/recommend_step).
    performs: Callable[..., Any]
    style: str = "btn-primary"
    sources: tuple[str, ...] = ()  # limit to these current statuses (default: any that may move to a target)
    initial: Callable[[Case], dict[str, Any]] = field(default=lambda case: {})
    when: Callable[[Case], bool] = field(default=lambda case: True)
    # A sanction step: a Pimpinan decides and signs it; an officer's submission becomes a draft of this kind.
    draft_kind: str = ""
    # Only a Pimpinan may take it (and it is not drafted), e.g. lifting a sanction.
    leader_only: bool = False


def _basis(kind: str) -> Callable[[Case], dict[str, Any]]:
    return lambda case: {"legal_basis": rules.LEGAL_BASIS.get(kind, "")}


def _proposal_initial(case: Case) -> dict[str, Any]:
    proposal = rules.propose_next_step(case)
    if not proposal:
        return {}
    return {"legal_basis": proposal["legal_basis"], "letter_body": proposal["letter_body"]}


STEP_ACTIONS: dict[str, StepAction] = {
    "klarifikasi": StepAction(
        gettext_lazy("Start clarification"),
        (S.CLARIFICATION,),
        f.StepForm,
        lambda c, u, d: actions.start_clarification(c, by=u, legal_basis=d["legal_basis"], decision=d["decision"]),
        gettext_lazy("The case moves to clarification; record the meetings and the Ormas's answers on the case page."),
        performs=actions.start_clarification,
        initial=_basis(K.CLARIFICATION),
    ),
    "pembinaan": StepAction(
        gettext_lazy("Start persuasion"),
        (S.PERSUASION,),
        f.StepForm,
        lambda c, u, d: actions.start_persuasion(c, by=u, legal_basis=d["legal_basis"], decision=d["decision"]),
        gettext_lazy("The case moves to persuasion and guidance, the step before any sanction."),
        performs=actions.start_persuasion,
        initial=_basis(K.PERSUASION),
    ),
    "peringatan": StepAction(
        gettext_lazy("Issue the written warning"),
        (S.WRITTEN_WARNING,),
        f.WarningForm,
        lambda c, u, d: actions.issue_written_warning(
            c,
            by=u,
            legal_basis=d["legal_basis"],
            findings=d["findings"],
            issued_on=d["issued_on"],
            backdate_reason=d.get("backdate_reason", ""),
        ),
        "",  # computed with the period and the deadline, see confirm_text()
        performs=actions.issue_written_warning,
        style="btn-warning",
        initial=lambda case: {"legal_basis": rules.LEGAL_BASIS[K.WRITTEN_WARNING], "issued_on": timezone.localdate()},
        # The law allows one written warning per case (and per Ormas and violation: checked in the action).
        when=lambda case: not case.steps.filter(kind=K.WRITTEN_WARNING).exists() and not rules.is_foreign(case),
        draft_kind=K.WRITTEN_WARNING,
    ),
    "kepatuhan": StepAction(
        gettext_lazy("Record compliance"),
        (S.COMPLIED, S.NOT_COMPLIED),
        f.ComplianceForm,
        lambda c, u, d: actions.record_compliance(c, d["complied"], by=u, note=d["note"]),
        gettext_lazy(
            "Complied: the case can be closed. Not complied (only after the window has ended): Wadah proposes "
            "the next step with its letter drafted."
        ),
        performs=actions.record_compliance,
    ),
    "penghentian": StepAction(
        gettext_lazy("Halt activities"),
        (S.HALTED,),
        f.SanctionForm,
        lambda c, u, d: actions.take_step(
            c, by=u, legal_basis=d["legal_basis"], reason=d["reason"], letter_body=d["letter_body"]
        ),
        gettext_lazy(
            "The office's decision letter is issued and the Ormas's status becomes “Activities halted” in the registry."
        ),
        performs=actions.halt_activities,
        style="btn-danger",
        sources=(S.NOT_COMPLIED,),
        initial=_proposal_initial,
        when=lambda case: rules.may_take(case, K.HALT) and not rules.is_foreign(case),
        draft_kind=K.HALT,
    ),
    "usul-penghentian": StepAction(
        gettext_lazy("Recommend a halt of activities"),
        (S.HALT_PROPOSED,),
        f.SanctionForm,
        lambda c, u, d: actions.recommend_step(
            c, by=u, legal_basis=d["legal_basis"], reason=d["reason"], letter_body=d["letter_body"]
        ),
        gettext_lazy("A recommendation letter is issued to the ministry that decides (Mendagri or Menkumham)."),
        performs=actions.recommend_halt,
        style="btn-danger",
        sources=(S.NOT_COMPLIED,),
        initial=_proposal_initial,
        when=lambda case: not rules.is_foreign(case),
        draft_kind=K.HALT_RECOMMENDED,
    ),
    "halt-tidak-dipatuhi": StepAction(
        gettext_lazy("Record that the halt was not complied with"),
        (S.HALT_NOT_COMPLIED,),
        f.CheckForm,
        lambda c, u, d: actions.record_halt_not_complied(c, by=u, note=d["note"]),
        gettext_lazy("Pasal 62(3): only a halt not complied with opens the revocation recommendation."),
        performs=actions.record_halt_not_complied,
        style="btn-warning",
    ),
    "sanksi-asing": StepAction(
        gettext_lazy("Recommend permit and immigration measures"),
        (S.FOREIGN_MEASURE_RECOMMENDED,),
        f.SanctionForm,
        lambda c, u, d: actions.recommend_foreign_measure(
            c, by=u, legal_basis=d["legal_basis"], reason=d["reason"], letter_body=d["letter_body"]
        ),
        gettext_lazy(
            "A foreign Ormas (Pasal 61(2), PP 59/2016): the recommendation goes to the Kemenlu's permit team."
        ),
        performs=actions.recommend_foreign_measure,
        style="btn-danger",
        initial=_basis(K.FOREIGN_MEASURE_RECOMMENDED),
        when=lambda case: (
            rules.is_foreign(case) and (case.status == S.NOT_COMPLIED or bool(rules.direct_path_articles(case)))
        ),
        draft_kind=K.FOREIGN_MEASURE_RECOMMENDED,
    ),
    "rekomendasi-pencabutan": StepAction(
        gettext_lazy("Recommend revocation"),
        (S.REVOCATION_RECOMMENDED,),
        f.SanctionForm,
        lambda c, u, d: actions.recommend_revocation(
            c, by=u, legal_basis=d["legal_basis"], reason=d["reason"], letter_body=d["letter_body"]
        ),
        gettext_lazy(
            "A recommendation to revoke the SKT (to the Mendagri) or the legal status (to the Menkumham) is issued."
        ),
        performs=actions.recommend_revocation,
        style="btn-danger",
        sources=(S.HALT_NOT_COMPLIED,),
        initial=_proposal_initial,
        draft_kind=K.REVOCATION_RECOMMENDED,
    ),
    "pencabutan-langsung": StepAction(
        gettext_lazy("Direct revocation recommendation (Pasal 60(2), 61(3))"),
        (S.REVOCATION_RECOMMENDED,),
        f.DirectRevocationForm,
        lambda c, u, d: actions.recommend_revocation(
            c, by=u, legal_basis=d["legal_basis"], reason=d["reason"], direct=True, letter_body=d["letter_body"]
        ),
        gettext_lazy(
            "Only for breaches of Pasal 52 or 59(3)/(4) recorded on the case: revocation is recommended without a "
            "warning or a halt (Pasal 61(3))."
        ),
        performs=actions.recommend_revocation,
        style="btn-outline-danger",
        sources=(S.OPENED, S.CLARIFICATION),
        initial=lambda case: {"legal_basis": rules.DIRECT_BASIS},
        when=lambda case: (
            case.ormas_id is not None and not rules.is_foreign(case) and bool(rules.direct_path_articles(case))
        ),
        draft_kind=K.REVOCATION_RECOMMENDED,
    ),
    "putusan": StepAction(
        gettext_lazy("Record the ministry's decision"),
        (S.HALTED, S.DECIDED),
        f.DecisionForm,
        lambda c, u, d: actions.record_decision(
            c,
            by=u,
            outcome=d["outcome"],
            decree_number=d["decree_number"],
            decree_date=d["decree_date"],
            legal_basis=d["legal_basis"],
            note=d["note"],
            halt_scope=d.get("halt_scope", ""),
        ),
        gettext_lazy("The registry follows the decision: activities halted, SKT revoked, or dissolved."),
        performs=actions.record_decision,
        sources=(S.HALT_PROPOSED, S.REVOCATION_RECOMMENDED, S.FOREIGN_MEASURE_RECOMMENDED),
    ),
    "cabut-sanksi": StepAction(
        gettext_lazy("Lift the sanction"),
        (S.CLOSED,),
        f.LiftForm,
        lambda c, u, d: actions.lift_sanction(c, by=u, reason=d["reason"], legal_basis=d["legal_basis"]),
        gettext_lazy("The Ormas becomes active again in the registry and the case is closed."),
        performs=actions.lift_sanction,
        style="btn-success",
        sources=(S.HALTED, S.HALT_NOT_COMPLIED, S.DECIDED),
        leader_only=True,
    ),
    "sengketa": StepAction(
        gettext_lazy("Leadership dispute"),
        (S.DISPUTE,),
        f.StepForm,
        lambda c, u, d: actions.start_dispute(c, by=u, legal_basis=d["legal_basis"], decision=d["decision"]),
        gettext_lazy("The case follows the mediation track; record each mediation session."),
        performs=actions.start_dispute,
        style="btn-outline-primary",
        initial=_basis(K.DISPUTE),
    ),
    "rujuk": StepAction(
        gettext_lazy("Refer to law enforcement"),
        (S.REFERRED,),
        f.ReferForm,
        lambda c, u, d: actions.refer_case(
            c, by=u, reason=d["reason"], legal_basis=d["legal_basis"], addressee=d["addressee"]
        ),
        gettext_lazy("A referral letter is issued to the law-enforcement agency."),
        performs=actions.refer_case,
        style="btn-outline-danger",
        initial=_basis(K.REFERRAL),
    ),
    "tutup": StepAction(
        gettext_lazy("Close the case"),
        (S.CLOSED,),
        f.ReasonForm,
        lambda c, u, d: actions.close_case(c, by=u, reason=d["reason"]),
        gettext_lazy("The case is closed and can no longer be changed."),
        performs=actions.close_case,
        style="btn-outline-secondary",
        sources=tuple(s for s in S.values if s not in (S.HALTED, S.HALT_NOT_COMPLIED, S.DECIDED)),
    ),
    "tarik": StepAction(
        gettext_lazy("Withdraw the case"),
        (S.WITHDRAWN,),
        f.ReasonForm,
        lambda c, u, d: actions.withdraw_case(c, by=u, reason=d["reason"]),
        gettext_lazy("The case is withdrawn (opened in error or unfounded) and can no longer be changed."),
        performs=actions.withdraw_case,
        style="btn-outline-secondary",
    ),
}


def available_actions(case: Case, user: Any) -> list[tuple[str, StepAction]]:
    """The ladder actions this user may take on this case now (TRANSITIONS × role × step authority)."""
    if not rules.is_handler(user, case):
        return []
    allowed = case.TRANSITIONS.get(case.status, set())
    decider = rules.is_decider(user, case)
    has_draft = case.drafts.filter(status="pending").exists()
    result = []
    for slug, action in STEP_ACTIONS.items():
        if action.sources and case.status not in action.sources:
            continue
        if action.leader_only and not decider:
            continue
        if action.draft_kind and has_draft:
            continue  # the pending draft is decided (or sent back) first
        if not allowed.intersection(action.targets) or not action.when(case):
            continue
        result.append((slug, action))
    return result


def confirm_text(case: Case, slug: str, action: StepAction) -> str:
    """What the step form says will happen; for the warning, with the compliance period from the period data."""
    if slug == "peringatan":
        period = Period.objects.filter(code=rules.WARNING_PERIOD).first()
        if period is None:
            return str(action.confirm)
        due = deadline_for(rules.WARNING_PERIOD, timezone.localdate(), region_code=case.office.region_id)
        return _(
            "A numbered written-warning letter will be issued and the Ormas given %(length)s to comply "
            "(if dated today: until %(date)s). The law allows only one written warning."
        ) % {"length": period_length(period), "date": date_format(due, "DATE_FORMAT")}
    return str(action.confirm)


def period_length(period: Period) -> str:
    """ "7 working days", in the screen's language."""
    if period.unit == Period.Unit.CALENDAR_DAYS:
        return ngettext("%(days)d calendar day", "%(days)d calendar days", period.days) % {"days": period.days}
    return ngettext("%(days)d working day", "%(days)d working days", period.days) % {"days": period.days}
