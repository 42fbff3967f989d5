"""Actions of the capacity pathway: an assessment by an officer (valid at once) or by the Ormas itself (waits for
an officer), and the officer's validation or return. Assessment.TRANSITIONS lists the moves; ACTION_FOR maps them.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role, User
from audit.log import record
from guidance.models import Answer, AnswerOption, Assessment, Instrument
from registry.models import Ormas

A = Assessment.Status


def _round(value: float) -> float:
    return float(Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def score_answers(instrument: Instrument, chosen: dict[int, AnswerOption]) -> tuple[dict[str, float], Decimal]:
    """Per dimension: the points scored as a share of the points possible, 0–100; and the mean over dimensions."""
    got: dict[str, int] = defaultdict(int)
    possible: dict[str, int] = defaultdict(int)
    for dimension in instrument.dimensions.prefetch_related("questions__options"):
        for question in dimension.questions.all():
            possible[dimension.code] += question.max_score()
            got[dimension.code] += chosen[question.pk].score
    scores = {code: _round(100 * got[code] / possible[code]) if possible[code] else 0.0 for code in possible}
    total = Decimal(str(_round(sum(scores.values()) / len(scores)))) if scores else Decimal(0)
    return scores, total


def clean_answers(instrument: Instrument, raw: dict[int, Any]) -> dict[int, AnswerOption]:
    """raw maps question id → the chosen option id. Every question answered, every answer on its own scale."""
    questions = {q.pk: q for d in instrument.dimensions.all() for q in d.questions.all()}
    options = {o.pk: o for o in AnswerOption.objects.filter(question__dimension__instrument=instrument)}
    missing = [q for pk, q in questions.items() if raw.get(pk) in (None, "")]
    if missing:
        raise ValidationError(
            _("Answer every question; %(count)s are not answered (first: “%(question)s”).")
            % {"count": len(missing), "question": missing[0].text}
        )
    chosen = {}
    for pk, value in raw.items():
        if pk not in questions:
            raise ValidationError(_("An answer refers to a question that is not in this instrument."))
        option = options.get(int(value)) if str(value).isdigit() else None
        if option is None or option.question_id != pk:
            raise ValidationError(
                _("The answer to “%(question)s” is not one of its scale's options.") % {"question": questions[pk].text}
            )
        chosen[pk] = option
    return chosen


def _may_assess(user: User, ormas: Ormas) -> str:
    if user.role == Role.ORMAS_ACCOUNT:
        if user.ormas_id != ormas.pk:
            raise PermissionDenied(_("An Ormas account may assess only its own Ormas."))
        return Assessment.Kind.SELF
    if user.can_edit_registry and Ormas.objects.visible_to(user).filter(pk=ormas.pk).exists():
        return Assessment.Kind.OFFICER
    raise PermissionDenied(_("Only an officer whose region covers this Ormas may assess it."))


@transaction.atomic
def record_assessment(
    ormas: Ormas,
    *,
    by: User,
    answers: dict[int, Any],
    evidence: dict[int, str] | None = None,
    assessed_on: dt.date | None = None,
    note: str = "",
    instrument: Instrument | None = None,
) -> Assessment:
    kind = _may_assess(by, ormas)
    instrument = instrument or Instrument.current()
    if instrument is None:
        raise ValidationError(_("No assessment instrument is in use; an administrator must activate one."))
    today = timezone.localdate()
    assessed_on = assessed_on or today
    if assessed_on > today:
        raise ValidationError(_("An assessment cannot be dated in the future."))
    chosen = clean_answers(instrument, answers)
    scores, total = score_answers(instrument, chosen)
    assessment = Assessment.objects.create(
        ormas=ormas,
        instrument=instrument,
        kind=kind,
        status=A.VALIDATED if kind == Assessment.Kind.OFFICER else A.SUBMITTED,
        assessed_on=assessed_on,
        assessed_by=by,
        validated_by=by if kind == Assessment.Kind.OFFICER else None,
        validated_at=timezone.now() if kind == Assessment.Kind.OFFICER else None,
        note=note.strip(),
        scores=scores,
        total=total,
    )
    evidence = evidence or {}
    Answer.objects.bulk_create(
        [
            Answer(
                assessment=assessment, question_id=pk, option=option, evidence=(evidence.get(pk) or "").strip()[:500]
            )
            for pk, option in chosen.items()
        ]
    )
    record(
        assessment,
        "assessment.recorded",
        by=by,
        ormas=ormas,
        data={"kind": kind, "instrument": instrument.version, "scores": scores, "total": str(total)},
    )
    return assessment


def _decide(assessment: Assessment, new: str, *, by: User, note: str) -> Assessment:
    assessment = Assessment.objects.select_for_update().select_related("ormas").get(pk=assessment.pk)
    if not (by.can_edit_registry and Ormas.objects.visible_to(by).filter(pk=assessment.ormas_id).exists()):
        raise PermissionDenied(_("Only an officer whose region covers this Ormas may validate its assessment."))
    if not assessment.can_move_to(new):
        raise ValidationError(
            _("This assessment is “%(status)s” and cannot be changed.") % {"status": assessment.get_status_display()}
        )
    old = assessment.status
    assessment.status = new
    assessment.validated_by = by
    assessment.validated_at = timezone.now()
    if note.strip():
        assessment.note = f"{assessment.note}\n{note.strip()}".strip()
    assessment.save(update_fields=["status", "validated_by", "validated_at", "note"])
    record(
        assessment,
        "assessment.validated" if new == A.VALIDATED else "assessment.returned",
        by=by,
        ormas=assessment.ormas,
        changes={"status": [old, new]},
        data={"note": note.strip()},
    )
    return assessment


@transaction.atomic
def validate_assessment(assessment: Assessment, *, by: User, note: str = "") -> Assessment:
    return _decide(assessment, A.VALIDATED, by=by, note=note)


@transaction.atomic
def return_assessment(assessment: Assessment, *, by: User, note: str) -> Assessment:
    if not note.strip():
        raise ValidationError(_("Say what the Ormas should check or prove before assessing itself again."))
    return _decide(assessment, A.REJECTED, by=by, note=note)


ACTION_FOR: dict[tuple[str, str], Callable[..., Any]] = {
    (A.SUBMITTED, A.VALIDATED): validate_assessment,
    (A.SUBMITTED, A.REJECTED): return_assessment,
}
