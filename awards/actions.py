"""Every change to an award round, one function per move in AwardRound.TRANSITIONS (and the criteria while the
round is a draft), audited inside. Refusals are ValidationError or PermissionDenied; nothing changes on a refusal."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role, User
from audit.log import record
from awards import criteria
from awards.models import AwardCriterion, AwardRound, Candidate
from registry.models import Ormas
from wadah.lib.workflow import check_move

S = AwardRound.Status


def _move_refused() -> str:
    return _("An award round that is “%(old)s” cannot become “%(new)s”.")


def _require_officer(by: User, round_: AwardRound) -> None:
    if by.role not in (Role.OFFICER, Role.LEADER) or not by.in_scope(round_.office.region_id):
        raise PermissionDenied(_("Only an officer of the round's office may do this."))


def _move(round_: AwardRound, to: str, action: str, *, by: User, **data: Any) -> None:
    check_move(round_, to, _move_refused())
    old = round_.status
    round_.status = to
    round_.save()
    record(round_, action, by=by, changes={"status": [old, to]}, data={k: str(v) for k, v in data.items()})


@transaction.atomic
def create_round(*, by: User, title: str, year: int, shortlist_size: int = 10, description: str = "") -> AwardRound:
    """A round of the officer's own office, with every registered kind of criterion at its default weight."""
    if by.role not in (Role.OFFICER, Role.LEADER) or by.office is None:
        raise PermissionDenied(_("Only a Kesbangpol officer may open an award round."))
    if not title.strip():
        raise ValidationError(_("Give the award a title."))
    if not 2000 <= year <= 2100:
        raise ValidationError(_("Enter the year of the award."))
    if not 1 <= shortlist_size <= 100:
        raise ValidationError(_("A shortlist holds from 1 to 100 Ormas."))
    round_ = AwardRound.objects.create(
        office=by.office,
        title=title.strip(),
        year=year,
        shortlist_size=shortlist_size,
        description=description,
        created_by=by,
    )
    for order, kind in enumerate(criteria.KINDS.values()):
        AwardCriterion.objects.create(
            round=round_,
            kind=kind.code,
            weight=kind.default_weight,
            required=kind.default_required,
            source=kind.source,
            parameters=dict(kind.default_parameters),
            order=(order + 1) * 10,
        )
    record(round_, "award_round.created", by=by, data={"title": round_.title, "year": year})
    return round_


@transaction.atomic
def set_criteria(round_: AwardRound, *, by: User, weights: dict[int, int], required: set[int]) -> AwardRound:
    """Weights (0–10; 0 leaves a criterion out) and the required flags, while the round is a draft."""
    _require_officer(by, round_)
    if round_.status != S.DRAFT:
        raise ValidationError(_("Reopen the round to change its criteria."))
    changes = {}
    rows = list(round_.criteria.all())
    if any(not 0 <= weights.get(c.pk, c.weight) <= 10 for c in rows):
        raise ValidationError(_("A weight lies between 0 and 10."))
    if not any(weights.get(c.pk, c.weight) for c in rows):
        raise ValidationError(_("Give at least one criterion a weight."))
    for criterion in rows:
        weight, is_required = weights.get(criterion.pk, criterion.weight), criterion.pk in required
        if (weight, is_required) != (criterion.weight, criterion.required):
            changes[criterion.kind] = [f"{criterion.weight}/{criterion.required}", f"{weight}/{is_required}"]
            criterion.weight, criterion.required = weight, is_required
            criterion.save(update_fields=["weight", "required"])
    record(round_, "award_round.criteria_set", by=by, changes=changes)
    return round_


@transaction.atomic
def compute_shortlist(round_: AwardRound, *, by: User) -> list[Candidate]:
    """Score every active Ormas of the office's region and keep the best `shortlist_size` (score above 0, no
    required criterion failed) with their reasons."""
    _require_officer(by, round_)
    check_move(round_, S.SHORTLISTED, _move_refused())
    round_.criteria.filter(weight=0).delete()
    ids = list(
        Ormas.objects.in_region(round_.office.region_id)
        .filter(status=Ormas.Status.ACTIVE)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    scored = [s for s in criteria.score_all(round_, ids) if not s.excluded and s.score > 0]
    scored.sort(key=lambda s: (-s.score, s.ormas_id))
    round_.candidates.all().delete()
    candidates = Candidate.objects.bulk_create(
        Candidate(round=round_, ormas_id=s.ormas_id, rank=rank, score=Decimal(str(s.score)), reasons=s.reasons)
        for rank, s in enumerate(scored[: round_.shortlist_size], start=1)
    )
    round_.computed_at, round_.considered = timezone.now(), len(ids)
    _move(round_, S.SHORTLISTED, "award_round.shortlisted", by=by, considered=len(ids), shortlisted=len(candidates))
    return candidates


@transaction.atomic
def reopen(round_: AwardRound, *, by: User) -> AwardRound:
    _require_officer(by, round_)
    check_move(round_, S.DRAFT, _move_refused())
    round_.candidates.all().delete()
    round_.computed_at = None
    _move(round_, S.DRAFT, "award_round.reopened", by=by)
    return round_


@transaction.atomic
def decide(
    round_: AwardRound,
    *,
    by: User,
    winners: dict[int, str],
    decision_number: str,
    decision_date: dt.date,
    note: str = "",
) -> AwardRound:
    """The Pimpinan of the round's office names the awarded Ormas (candidate id → the award's name) with the SK."""
    if by.role != Role.LEADER or by.office_id != round_.office_id:
        raise PermissionDenied(_("Only the Pimpinan of the round's office decides the award."))
    check_move(
        round_, S.DECIDED, _("This award round is already decided.") if round_.status == S.DECIDED else _move_refused()
    )
    if not decision_number.strip():
        raise ValidationError(_("Enter the number of the decision letter (SK)."))
    if decision_date is None or decision_date > timezone.localdate():
        raise ValidationError(_("Enter the date of the decision letter; it cannot be in the future."))
    shortlisted = {c.pk: c for c in round_.candidates.select_related("ormas")}
    if not winners:
        raise ValidationError(_("Choose at least one Ormas from the shortlist."))
    if set(winners) - set(shortlisted):
        raise ValidationError(_("Only Ormas on the shortlist can be awarded."))
    for pk, citation in winners.items():
        candidate = shortlisted[pk]
        candidate.awarded, candidate.citation = True, citation.strip()[:200] or round_.title
        candidate.save(update_fields=["awarded", "citation"])
        record(
            round_,
            "award.granted",
            by=by,
            ormas=candidate.ormas,
            data={"round": str(round_), "award": candidate.citation, "sk": decision_number.strip()},
        )
    round_.decision_number, round_.decision_date = decision_number.strip(), decision_date
    round_.decision_note, round_.decided_by, round_.decided_at = note, by, timezone.now()
    _move(round_, S.DECIDED, "award_round.decided", by=by, sk=decision_number.strip(), awarded=len(winners))
    return round_
