"""Read-only questions other parts of Wadah ask about supervision."""

from typing import Any

from django.db.models import Q
from django.utils import timezone

from supervision.models import Case, CaseStep, SanctionStep


def active_sanction_q(*, today: Any = None, prefix: str = "") -> Q:
    """The condition for "a sanction in force", on CaseStep (prefix "" ) or through a relation (prefix "steps__").

    What counts as active (documented in docs/supervision.md):
    * a halt of activities, a revocation of the SKT or of legal status (dissolution) that has not been lifted;
    * a written warning whose 7-working-day compliance window is still open (deadline today or later) while the
      case still waits for compliance (status written_warning).
    Recommendations to a ministry are not sanctions; a warning complied with or expired is no longer active
    (an expired one leads to the next step, which is what then counts).
    """
    today = today or timezone.localdate()
    p = prefix
    sanction = Q(**{f"{p}kind__in": list(CaseStep.SANCTIONS), f"{p}lifted_on__isnull": True})
    warning = Q(
        **{
            f"{p}kind": CaseStep.Kind.WRITTEN_WARNING,
            f"{p}deadline__gte": today,
            f"{p}case__status": Case.Status.WRITTEN_WARNING,
        }
    )
    return sanction | warning


def active_sanction(ormas: Any, *, today: Any = None) -> SanctionStep | None:
    """The sanction in force against `ormas` (the heaviest, then the latest), or None. One query."""
    if ormas is None or getattr(ormas, "pk", None) is None:
        return None
    weight: dict[str, int] = {CaseStep.Kind.DISSOLUTION: 4, CaseStep.Kind.REVOCATION: 3, CaseStep.Kind.HALT: 2}
    steps = list(
        CaseStep.objects.filter(active_sanction_q(today=today), case__ormas_id=ormas.pk)
        .select_related("case", "letter")
        .order_by("-decided_on", "-id")[:10]
    )
    if not steps:
        return None
    return max(steps, key=lambda step: (weight.get(step.kind, 1), step.decided_on, step.pk))
