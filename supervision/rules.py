"""Who may take which step of a supervision case, on what legal basis, and which step comes next.

The actions (supervision/actions.py) enforce these rules; the step table (supervision/steps.py) reads them to
offer only the steps a user may take. The wording of the letters lives in supervision/wording.py.
"""

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role, User
from registry.models import Ormas
from supervision import wording
from supervision.models import Case, CaseStep, Competence, Delegation, StepAuthority
from workdays.models import Period

S = Case.Status
K = CaseStep.Kind
# The period (workdays.Period) the Ormas has to comply with the written warning.
WARNING_PERIOD = "written-warning-compliance"
# How many days before the day it is numbered a written warning may be dated (with a recorded reason).
BACKDATING_PERIOD = "warning-backdating-bound"

# Default legal bases offered by the forms (the officer may write a more precise one).
LEGAL_BASIS: dict[str, str] = {
    K.CLARIFICATION: "UU 17/2013 Pasal 53–56 (pengawasan)",
    K.PERSUASION: "UU 17/2013 jo. UU 16/2017 Pasal 60–61",
    K.WRITTEN_WARNING: "UU 17/2013 jo. UU 16/2017 Pasal 61(1)(a), 62(1)",
    K.HALT_RECOMMENDED: "UU 17/2013 jo. UU 16/2017 Pasal 61(1)(b), 62(2)",
    K.HALT: "UU 17/2013 jo. UU 16/2017 Pasal 61(1)(b), 62(2)",
    K.HALT_NOT_COMPLIED: "UU 17/2013 jo. UU 16/2017 Pasal 62(3)",
    K.FOREIGN_MEASURE_RECOMMENDED: "UU 17/2013 jo. UU 16/2017 Pasal 61(2); PP 59/2016",
    K.FOREIGN_MEASURE: "UU 17/2013 jo. UU 16/2017 Pasal 61(2); PP 59/2016",
    K.REVOCATION_RECOMMENDED: "UU 17/2013 jo. UU 16/2017 Pasal 61(1)(c), 62(3)",
    K.REVOCATION: "UU 17/2013 jo. UU 16/2017 Pasal 61(1)(c), 62(3)",
    K.DISSOLUTION: "UU 17/2013 jo. UU 16/2017 Pasal 62(3), 80A",
    K.REFERRAL: "UU 17/2013 jo. UU 16/2017 Pasal 82A",
    K.DISPUTE: "UU 17/2013 Pasal 57–58",
}
DIRECT_BASIS = "UU 17/2013 jo. UU 16/2017 Pasal 60(2), 61(3)"


# ---------------------------------------------------------------- who


def may_open_case(user: Any, region_code: str) -> bool:
    """A Kesbangpol officer or leader whose scope covers the office that will handle the case."""
    return bool(getattr(user, "role", None) in (Role.OFFICER, Role.LEADER) and user.in_scope(region_code))


def is_handler(user: Any, case: Case) -> bool:
    """A Kesbangpol officer or leader whose scope covers the handling office."""
    return may_open_case(user, case.office.region_id)


def require_handler(user: User, case: Case) -> None:
    if not is_handler(user, case):
        raise PermissionDenied(_("Only a Kesbangpol officer of the handling office may do this."))


def is_decider(user: Any, case: Case) -> bool:
    """A Pimpinan of the handling office itself (not of another office whose scope covers it): the only one who
    decides and signs a sanction step."""
    return bool(
        getattr(user, "role", None) == Role.LEADER
        and getattr(user, "office_id", None) is not None
        and user.office_id == case.office_id
    )


def require_decider(user: User, case: Case) -> None:
    """Sanction steps are prepared by an officer (a draft) and decided and signed by a Pimpinan."""
    require_handler(user, case)
    if not is_decider(user, case):
        raise PermissionDenied(
            _("Only a Pimpinan of the handling office decides and signs this step; an officer prepares a draft.")
        )


def is_participant(user: Any, case: Case) -> bool:
    """Handlers, or members of an agency taking part in the case."""
    if is_handler(user, case):
        return True
    return bool(
        getattr(user, "role", None) == Role.AGENCY_MEMBER
        and user.agency_id
        and case.members.filter(agency_id=user.agency_id).exists()
    )


def require_participant(user: User, case: Case) -> None:
    if not is_participant(user, case):
        raise PermissionDenied(_("You do not take part in this case."))


def refuse_final(case: Case) -> None:
    if case.is_final:
        raise ValidationError(_("This case is closed and can no longer be changed."))


# ---------------------------------------------------------------- which authority decides


def ministry_for(case: Case) -> tuple[str, str]:
    """Who decides halts and revocations for this Ormas (Pasal 62(2)–(3)): (addressee, short name)."""
    ormas = case.ormas
    if ormas is not None and ormas.legal_form in (Ormas.LegalForm.ASSOCIATION, Ormas.LegalForm.FOUNDATION):
        return "Menteri Hukum Republik Indonesia", "Menkumham"
    return "Menteri Dalam Negeri Republik Indonesia", "Mendagri"


def competence_for(case: Case) -> Competence | None:
    """The competence rule for where the violation happened (PP 58/2016 Pasal 60, data)."""
    return Competence.objects.filter(spread=case.spread).first()


def office_level(office: Any) -> str:
    return Competence.Level.PROVINCE if office.is_province else Competence.Level.REGENCY


def require_competent(case: Case) -> Competence:
    """The handling office prepares sanction steps only for the government competent for this violation: its own
    bupati/wali kota within one regency/city, the gubernur across several, none where it spans provinces."""
    competence = competence_for(case)
    if competence is None:
        raise ValidationError(_("No competence rule is configured for where the violation happened."))
    if competence.level == Competence.Level.MINISTRY:
        raise ValidationError(
            _(
                "A violation across several provinces is for the Menteri (%(source)s); this office reports it and "
                "records the decision that comes back."
            )
            % {"source": competence.legal_source}
        )
    if competence.level != office_level(case.office):
        raise ValidationError(
            _("The competent government is the %(government)s (%(source)s); this office is not its office.")
            % {"government": competence.government, "source": competence.legal_source}
        )
    return competence


def head_of_government(office: Any) -> tuple[str, str]:
    """(head of government the letter is issued a.n., the delegation instrument or "") for a Kesbangpol office."""
    delegation = Delegation.objects.filter(office=office).first()
    if delegation is not None:
        return delegation.head_of_government, delegation.instrument
    name = office.region.name
    if office.is_province:
        return f"Gubernur {name}", ""
    for prefix, title in (("Kabupaten ", "Bupati"), ("Kota ", "Wali Kota")):
        if name.startswith(prefix):
            return f"{title} {name[len(prefix) :]}", ""
    return f"Kepala Daerah {name}", ""


def direct_path_articles(case: Case) -> list[str]:
    """The breached articles on the case that open the direct path of Pasal 60(2)/61(3) (none: no direct path)."""
    return [a.label for a in case.articles.all() if a.direct_path]


def is_foreign(case: Case) -> bool:
    return bool(case.ormas is not None and case.ormas.legal_form == Ormas.LegalForm.FOREIGN)


def earlier_warning(case: Case) -> CaseStep | None:
    """A written warning already given to the same Ormas for one of the same breached articles (in any case):
    the law gives the warning only once per Ormas and violation (Pasal 62(1))."""
    if case.ormas_id is None:
        return None
    codes = list(case.articles.values_list("code", flat=True))
    steps = CaseStep.objects.filter(kind=K.WRITTEN_WARNING, case__ormas_id=case.ormas_id).exclude(case=case)
    steps = steps.filter(case__articles__code__in=codes) if codes else steps.filter(case__articles__isnull=True)
    return steps.select_related("case").first()


def check_warning_date(issued_on: dt.date, reason: str, *, today: dt.date | None = None) -> None:
    """A warning is dated the day it is numbered; an earlier date only within BACKDATING_PERIOD, with a reason."""
    today = today or timezone.localdate()
    if issued_on > today:
        raise ValidationError(_("A written warning cannot be dated in the future."))
    if issued_on == today:
        return
    period = Period.objects.filter(code=BACKDATING_PERIOD).first()
    bound = period.days if period else 0
    if (today - issued_on).days > bound:
        raise ValidationError(
            _(
                "A written warning is dated the day it is numbered; an earlier date may be at most %(days)s days "
                "back. The window of Pasal 62(1) runs from the issue date."
            )
            % {"days": bound}
        )
    if not (reason or "").strip():
        raise ValidationError(_("Give the reason the warning carries an earlier date than today."))


def authority_for(case: Case, step_kind: str) -> StepAuthority | None:
    return StepAuthority.for_office(step_kind, case.office)


def may_take(case: Case, step_kind: str) -> bool:
    """Whether the handling office takes this step itself (rather than recommending it to the ministry)."""
    authority = authority_for(case, step_kind)
    return authority is not None and authority.power == StepAuthority.Power.TAKE


def may_warn(case: Case) -> bool:
    """The office issues the written warning itself unless a step authority says otherwise."""
    authority = authority_for(case, K.WRITTEN_WARNING)
    return authority is None or authority.power == StepAuthority.Power.TAKE


# ---------------------------------------------------------------- periods


def warning_period() -> Period:
    """The period the Ormas has to comply with the written warning (WARNING_PERIOD in the period data)."""
    period = Period.objects.filter(code=WARNING_PERIOD).first()
    if period is None:
        raise ValidationError(_("The period “%(code)s” is not configured.") % {"code": WARNING_PERIOD})
    return period


def period_in_force(period: Period) -> dict[str, Any]:
    """The period as recorded on the step, so that later letters quote the period that applied then."""
    return {
        "code": period.code,
        "days": period.days,
        "unit": period.unit,
        "legal_source": period.legal_source,
        "unverified": period.is_unverified,
    }


# ---------------------------------------------------------------- what comes next


def propose_next_step(case: Case, *, today: dt.date | None = None) -> dict[str, Any] | None:
    """What comes next when the warning's window has passed without compliance: the step kind, whether the
    office takes it or recommends it (StepAuthority), to whom, and the letter drafted. None when nothing is due.

    The officer confirms with actions.take_step() (the office halts activities itself) or actions.recommend_step()
    (the recommendation letter to the ministry)."""
    today = today or timezone.localdate()
    warning = case.steps.filter(kind=K.WRITTEN_WARNING).first()
    if case.status == S.WRITTEN_WARNING:
        if warning is None or warning.deadline is None or today <= warning.deadline:
            return None
    elif case.status not in (S.NOT_COMPLIED, S.HALT_NOT_COMPLIED):
        return None
    addressee, ministry = ministry_for(case)
    reason = wording.PROPOSAL_REASON
    if case.status == S.HALT_NOT_COMPLIED:
        kind = K.REVOCATION_RECOMMENDED
        authority = authority_for(case, K.REVOCATION)
        basis = LEGAL_BASIS[K.REVOCATION_RECOMMENDED]
        body = wording.revocation_recommendation_body(case, reason, basis, addressee=addressee, ministry=ministry)
    else:
        authority = authority_for(case, K.HALT)
        take = may_take(case, K.HALT)
        kind = K.HALT if take else K.HALT_RECOMMENDED
        basis = LEGAL_BASIS[K.HALT]
        body = (
            wording.halt_body(case, reason, basis, region=case.office.region)
            if take
            else wording.halt_recommendation_body(case, reason, basis, addressee=addressee)
        )
    return {
        "kind": kind,
        "kind_label": str(K(kind).label),
        "overdue": True,
        "needs_compliance_record": case.status == S.WRITTEN_WARNING,
        "office_may_take": authority is not None and authority.power == StepAuthority.Power.TAKE,
        "authority": authority,
        "addressee": addressee if kind != K.HALT else f"Pimpinan {case.subject}",
        "ministry": ministry,
        "legal_basis": basis,
        "letter_subject": f"{K(kind).label} — {case.subject}",
        "letter_body": body,
    }
