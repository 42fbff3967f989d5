"""The eligibility gate for grants: one function, `check`, used by the pages, the grant actions and the JSON view.

Each condition is a row of EligibilityRule (description, legal source, version, UNVERIFIED flag, parameters); the
code below only holds the check that each code names. A rule whose code has no check fails closed, so a rule added
in the admin without code never lets an Ormas through unseen. A disabled rule is left out of the answer.
"""

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import asdict, dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from grants.models import EligibilityRule, GrantWindow, Proposal
from regions.scope import within
from registry.models import Ormas
from services.models import Application
from supervision.models import CaseStep
from supervision.queries import active_sanction


@dataclass
class Condition:
    code: str
    description: str
    passed: bool
    reason: str
    legal_source: str
    version: str
    unverified: bool


@dataclass
class Verdict:
    ormas_id: int
    on: dt.date
    window_id: int | None
    conditions: list[Condition] = field(default_factory=list)

    @property
    def eligible(self) -> bool:
        return all(condition.passed for condition in self.conditions)

    @property
    def failing(self) -> list[Condition]:
        return [condition for condition in self.conditions if not condition.passed]

    def reasons(self) -> list[str]:
        return [f"{condition.description}: {condition.reason}" for condition in self.failing]

    def as_dict(self) -> dict[str, Any]:
        return {
            "ormas": self.ormas_id,
            "window": self.window_id,
            "on": self.on.isoformat(),
            "eligible": self.eligible,
            "conditions": [asdict(condition) for condition in self.conditions],
        }


Check = Callable[[Ormas, GrantWindow | None, dt.date, dict[str, Any]], tuple[bool, str]]


def _day(value: dt.date) -> str:
    return date_format(value, "j F Y")


def _registered(ormas: Ormas, window: GrantWindow | None, on: dt.date, params: dict[str, Any]) -> tuple[bool, str]:
    if ormas.legal_form in (Ormas.LegalForm.ASSOCIATION, Ormas.LegalForm.FOUNDATION):
        if ormas.ahu_number:
            return True, _("Legal entity with SK AHU %(number)s.") % {"number": ormas.ahu_number}
        return False, _("A legal-entity Ormas needs its SK AHU (Kemenkum) recorded.")
    if ormas.legal_form == Ormas.LegalForm.FOREIGN:
        return False, _("A foreign Ormas is not eligible for a regional grant.")
    if not ormas.skt_number:
        return False, _("No SKT is recorded.")
    if ormas.skt_expires_on and ormas.skt_expires_on < on:
        return False, _("The SKT expired on %(date)s.") % {"date": _day(ormas.skt_expires_on)}
    return True, _("Valid SKT %(number)s.") % {"number": ormas.skt_number}


def _scope_of(ormas: Ormas, window: GrantWindow | None, params: dict[str, Any]) -> str:
    """The region the Ormas must be present in: the window's office's, else the one the caller names (an offer's
    office), else the Ormas's province."""
    if window is not None:
        return window.office.region_id
    return str(params.get("_region") or ormas.province_code)


def _local_presence(ormas: Ormas, window: GrantWindow | None, on: dt.date, params: dict[str, Any]) -> tuple[bool, str]:
    scope = _scope_of(ormas, window, params)
    for chapter in ormas.chapters.filter(is_active=True).exclude(buku_induk_number=""):
        if within(chapter.region_id, scope):
            return True, _("%(chapter)s, Buku Induk %(number)s.") % {
                "chapter": chapter.name,
                "number": chapter.buku_induk_number,
            }
    return False, _("No active chapter with a Buku Induk number in this region.")


def _not_sanctioned(ormas: Ormas, window: GrantWindow | None, on: dt.date, params: dict[str, Any]) -> tuple[bool, str]:
    if ormas.status in (Ormas.Status.FROZEN, Ormas.Status.REVOKED, Ormas.Status.DISSOLVED):
        return False, _("Registry status: %(status)s.") % {"status": ormas.get_status_display()}
    sanction = active_sanction(ormas, today=on)
    if sanction is not None and sanction.kind in CaseStep.SANCTIONS:
        return False, _("Sanction in force: %(kind)s since %(date)s.") % {
            "kind": sanction.get_kind_display(),
            "date": _day(sanction.decided_on),
        }
    return True, _("No halt, revocation or dissolution in force.")


def _no_overdue_lpj(ormas: Ormas, window: GrantWindow | None, on: dt.date, params: dict[str, Any]) -> tuple[bool, str]:
    overdue = Proposal.objects.filter(ormas=ormas, status=Proposal.Status.DISBURSED, lpj_due__lt=on).first()
    if overdue is not None and overdue.lpj_due is not None:
        return False, _("The LPJ of grant %(reference)s was due on %(date)s and has not been received.") % {
            "reference": overdue.reference,
            "date": _day(overdue.lpj_due),
        }
    return True, _("No accountability report (LPJ) is overdue.")


def _activity_report(ormas: Ormas, window: GrantWindow | None, on: dt.date, params: dict[str, Any]) -> tuple[bool, str]:
    year = (window.budget_year if window else on.year) - 1
    code = params.get("service_code", "activity-report")
    filed = Application.objects.filter(ormas=ormas, service_type__code=code, submitted_at__year__gte=year).exclude(
        status__in=(Application.Status.DRAFT, Application.Status.WITHDRAWN, Application.Status.REJECTED)
    )
    if filed.exists():
        return True, _("An annual activity report was filed in %(year)s or later.") % {"year": year}
    return False, _("No annual activity report filed since %(year)s.") % {"year": year}


def _non_recurring(ormas: Ormas, window: GrantWindow | None, on: dt.date, params: dict[str, Any]) -> tuple[bool, str]:
    exceptions = [str(name).casefold() for name in params.get("exceptions", [])]
    names = {ormas.name.casefold(), ormas.abbreviation.casefold()} - {""}
    if any(exception in name for exception in exceptions for name in names):
        return True, _("A named exception to the non-recurring rule.")
    year = window.budget_year if window else on.year
    gap = int(params.get("gap_years", 1))
    earlier = Proposal.objects.filter(
        ormas=ormas, status__in=Proposal.GRANTED, window__budget_year__gte=year - gap, window__budget_year__lt=year
    ).first()
    if earlier is not None:
        return False, _("Already granted in budget year %(year)s (%(reference)s).") % {
            "year": earlier.window.budget_year,
            "reference": earlier.reference,
        }
    return True, _("No grant in the previous %(years)d budget year(s).") % {"years": gap}


def _min_age(ormas: Ormas, window: GrantWindow | None, on: dt.date, params: dict[str, Any]) -> tuple[bool, str]:
    years = int(params.get("years", 1))
    since = ormas.ahu_date or ormas.skt_issued_on
    if since is None:
        return False, _("No registration date is recorded.")
    try:
        limit = on.replace(year=on.year - years)
    except ValueError:  # 29 February
        limit = on.replace(year=on.year - years, day=28)
    if since > limit:
        return False, _("Registered on %(date)s, less than %(years)d year(s) ago.") % {
            "date": _day(since),
            "years": years,
        }
    return True, _("Registered since %(date)s.") % {"date": _day(since)}


CHECKS: dict[str, Check] = {
    "registered": _registered,
    "local_presence": _local_presence,
    "not_sanctioned": _not_sanctioned,
    "no_overdue_lpj": _no_overdue_lpj,
    "activity_report": _activity_report,
    "non_recurring": _non_recurring,
    "min_age": _min_age,
}


def check(
    ormas: Ormas,
    *,
    window: GrantWindow | None = None,
    on: dt.date | None = None,
    region: str | None = None,
    codes: Collection[str] | None = None,
) -> Verdict:
    """Every enabled condition for `ormas` (in `window` if given) on day `on`, each with pass/fail and reason.

    Without a window, `region` names the region of local presence (an offer's office; default: the province) and
    `codes` limits the answer to those rules (an offer that applies only some of the gate's conditions)."""
    on = on or timezone.localdate()
    verdict = Verdict(ormas_id=ormas.pk, on=on, window_id=window.pk if window else None)
    rules = EligibilityRule.objects.filter(enabled=True)
    if codes is not None:
        rules = rules.filter(code__in=list(codes))
    for rule in rules:
        function = CHECKS.get(rule.code)
        if function is None:
            passed, reason = False, _("No check is defined for this rule; ask the system administrator.")
        else:
            params = dict(rule.parameters or {})
            if region:
                params["_region"] = region
            passed, reason = function(ormas, window, on, params)
        verdict.conditions.append(
            Condition(
                code=rule.code,
                description=rule.label,
                passed=passed,
                reason=str(reason),
                legal_source=rule.legal_source,
                version=rule.version,
                unverified=rule.is_unverified,
            )
        )
    if window is not None:
        verdict.conditions.extend(_window_conditions(ormas, window))
    return verdict


def _window_conditions(ormas: Ormas, window: GrantWindow) -> list[Condition]:
    """The window's own conditions: its bidang and its regions (none listed = any)."""
    result = []
    fields = set(window.eligible_fields.values_list("pk", flat=True))
    if fields:
        passed = bool(fields & set(ormas.fields_of_activity.values_list("pk", flat=True)))
        result.append(
            Condition(
                code="window_field",
                description=_("Field of activity named by the window"),
                passed=passed,
                reason=_("The Ormas works in an eligible field.") if passed else _("No eligible field of activity."),
                legal_source="",
                version="",
                unverified=False,
            )
        )
    regions = list(window.eligible_regions.values_list("pk", flat=True))
    if regions:
        passed = any(within(ormas.region_id, code) for code in regions)
        result.append(
            Condition(
                code="window_region",
                description=_("Region named by the window"),
                passed=passed,
                reason=_("The secretariat lies in an eligible region.")
                if passed
                else _("The secretariat lies outside the window's regions."),
                legal_source="",
                version="",
                unverified=False,
            )
        )
    return result
