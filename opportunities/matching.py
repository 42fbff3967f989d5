"""Does an Ormas qualify for an offer, and why: the gate's conditions the offer applies (grants.eligibility.check,
the same function the grant pages, actions and the API use) plus the offer's own — bidang, region and capacity
level (the latest validated capacity assessment, guidance). One answer for the board, the action and the pages."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from grants.eligibility import Condition, Verdict, check
from guidance.capacity import latest_scores
from opportunities.models import Offer
from regions.scope import within
from registry.models import Ormas


def _own(code: str, description: str, passed: bool, reason: str) -> Condition:
    return Condition(
        code=code, description=description, passed=passed, reason=reason, legal_source="", version="", unverified=False
    )


def qualifies(offer: Offer, ormas: Ormas, *, on: dt.date | None = None) -> Verdict:
    """Every condition of `offer` for `ormas` on day `on`, each with pass/fail and reason."""
    on = on or timezone.localdate()
    codes = [rule.code for rule in offer.gate_rules.all()]
    verdict = check(ormas, on=on, region=offer.office.region_id, codes=codes)
    verdict.conditions.extend(_offer_conditions(offer, ormas))
    return verdict


def _offer_conditions(offer: Offer, ormas: Ormas) -> list[Condition]:
    result = []
    regions = [region.pk for region in offer.regions.all()] or [offer.office.region_id]
    inside = any(within(ormas.region_id, code) for code in regions)
    result.append(
        _own(
            "offer_region",
            _("Region of the opportunity"),
            inside,
            _("The secretariat lies in the opportunity's region.")
            if inside
            else _("The secretariat lies outside the opportunity's region."),
        )
    )
    wanted = {field.pk: field.name for field in offer.fields.all()}
    if wanted:
        own = set(ormas.fields_of_activity.values_list("pk", flat=True))
        matching = sorted(name for pk, name in wanted.items() if pk in own)
        result.append(
            _own(
                "offer_field",
                _("Field of activity (bidang) named by the opportunity"),
                bool(matching),
                _("Works in %(fields)s.") % {"fields": ", ".join(matching)}
                if matching
                else _("Works in none of: %(fields)s.") % {"fields": ", ".join(sorted(wanted.values()))},
            )
        )
    if offer.min_capacity is not None or offer.max_capacity is not None:
        result.append(_capacity_condition(offer, ormas))
    return result


def _capacity_condition(offer: Offer, ormas: Ormas) -> Condition:
    description = _("Capacity level (latest validated capacity assessment, 0–100)")
    assessment = latest_scores([ormas.pk]).get(ormas.pk)
    if assessment is None:
        return _own("offer_capacity", description, False, _("No validated capacity assessment yet."))
    score = Decimal(assessment.total)
    low, high = offer.min_capacity, offer.max_capacity
    facts = {"score": score, "date": assessment.assessed_on.strftime("%d-%m-%Y"), "low": low, "high": high}
    if low is not None and score < low:
        return _own("offer_capacity", description, False, _("Score %(score)s (%(date)s) is below %(low)s.") % facts)
    if high is not None and score > high:
        return _own(
            "offer_capacity",
            description,
            False,
            _("Score %(score)s (%(date)s) is above %(high)s: this opportunity is for Ormas still building capacity.")
            % facts,
        )
    return _own("offer_capacity", description, True, _("Score %(score)s (%(date)s) is in range.") % facts)


def board(ormas: Ormas, *, on: dt.date | None = None) -> list[tuple[Offer, Verdict]]:
    """The published, still open offers of the Ormas's region, each with its verdict; qualifying ones first."""
    on = on or timezone.localdate()
    offers = (
        Offer.objects.published()
        .filter(apply_by__gte=on)
        .select_related("party", "office")
        .prefetch_related("gate_rules", "fields", "regions")
        .order_by("apply_by", "pk")
    )
    rows = [
        (offer, qualifies(offer, ormas, on=on)) for offer in offers if within(ormas.region_id, offer.office.region_id)
    ]
    rows.sort(key=lambda row: not row[1].eligible)
    return rows
