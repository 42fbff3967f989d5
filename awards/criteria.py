"""The kinds of award criteria: each computes, for many Ormas at once, points from 0 to 1 and the reason.

A round's criteria (AwardCriterion rows: kind, weight, required, source, parameters) are data; the kinds are code,
kept in one registry so that another app can add one without this module naming it. The partnerships app (being
built on another branch) registers its kind from its AppConfig.ready():

    from awards import criteria
    criteria.register(criteria.Kind("partnerships", _("Partnerships recorded"), compute, source="…"))

where compute(ormas_ids, round, parameters) returns {ormas_id: (points, reason)} for every id it was given. An
Ormas missing from the answer gets 0 points with "no data"; a criterion whose kind is not registered gives everyone
0 points with its reason (fail closed, visible on the page).
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from grants.models import Proposal
from guidance.models import Assessment, Participant
from services.models import Application
from supervision.models import CaseStep
from supervision.queries import active_sanction_q

Compute = Callable[[list[int], Any, dict[str, Any]], dict[int, tuple[float, str]]]


@dataclass(frozen=True)
class Kind:
    code: str
    label: Any
    compute: Compute
    source: str = ""
    default_weight: int = 1
    default_required: bool = False
    default_parameters: dict[str, Any] = field(default_factory=dict)


KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> None:
    """Make `kind` available to award rounds (registering the same code again replaces it)."""
    KINDS[kind.code] = kind


def _years(round_: Any, params: dict[str, Any]) -> list[int]:
    count = max(1, min(int(params.get("years", 3)), 10))
    return list(range(round_.year - count, round_.year))


def _reports_on_time(ids: list[int], round_: Any, params: dict[str, Any]) -> dict[int, tuple[float, str]]:
    years = _years(round_, params)
    code = str(params.get("service_code", "activity-report"))
    filed: dict[int, set[int]] = defaultdict(set)
    rows = (
        Application.objects.filter(
            ormas_id__in=ids,
            service_type__code=code,
            submitted_at__year__gte=years[0],
            submitted_at__year__lte=years[-1],
        )
        .exclude(status__in=(Application.Status.DRAFT, Application.Status.WITHDRAWN, Application.Status.REJECTED))
        .values_list("ormas_id", "submitted_at")
    )
    for ormas_id, submitted_at in rows:
        if submitted_at is not None:
            filed[ormas_id].add(timezone.localtime(submitted_at).year)
    result = {}
    for ormas_id in ids:
        got = sorted(filed.get(ormas_id, set()) & set(years))
        missing = [year for year in years if year not in got]
        reason = _("Filed in %(years)s.") % {"years": ", ".join(map(str, got))} if got else _("None filed.")
        if got and missing:
            reason += " " + _("None in %(years)s.") % {"years": ", ".join(map(str, missing))}
        result[ormas_id] = (len(got) / len(years), reason)
    return result


def _guidance_completed(ids: list[int], round_: Any, params: dict[str, Any]) -> dict[int, tuple[float, str]]:
    target = max(1, int(params.get("target", 3)))
    counts = dict(
        Participant.objects.filter(ormas_id__in=ids, checkin__isnull=False, event__starts_at__year=round_.year)
        .values("ormas_id")
        .annotate(events=Count("event", distinct=True))
        .values_list("ormas_id", "events")
    )
    result = {}
    for ormas_id in ids:
        events = counts.get(ormas_id, 0)
        result[ormas_id] = (
            min(1.0, events / target),
            _("Attended %(count)d guidance event(s) in %(year)d (full points at %(target)d).")
            % {"count": events, "year": round_.year, "target": target},
        )
    return result


def _capacity_gain(ids: list[int], round_: Any, params: dict[str, Any]) -> dict[int, tuple[float, str]]:
    full_at = float(params.get("full_at", 20))
    latest: dict[int, list[Assessment]] = defaultdict(list)
    until = dt.date(round_.year, 12, 31)
    for assessment in (
        Assessment.objects.validated()
        .filter(ormas_id__in=ids, assessed_on__lte=until)
        .order_by("ormas_id", "-assessed_on", "-pk")
        .only("ormas_id", "assessed_on", "total")
    ):
        if len(latest[assessment.ormas_id]) < 2:
            latest[assessment.ormas_id].append(assessment)
    result = {}
    for ormas_id in ids:
        pair = latest.get(ormas_id, [])
        if len(pair) < 2:
            result[ormas_id] = (0.0, _("Fewer than two validated capacity assessments."))
            continue
        after, before = pair
        change = float(after.total - before.total)
        result[ormas_id] = (
            max(0.0, min(1.0, change / full_at)),
            _("Capacity %(before)s → %(after)s (%(change)+.1f) between %(from)s and %(to)s.")
            % {
                "before": before.total,
                "after": after.total,
                "change": change,
                "from": before.assessed_on.strftime("%d-%m-%Y"),
                "to": after.assessed_on.strftime("%d-%m-%Y"),
            },
        )
    return result


def _grants_accounted(ids: list[int], round_: Any, params: dict[str, Any]) -> dict[int, tuple[float, str]]:
    today = timezone.localdate()
    verified = dict(
        Proposal.objects.filter(ormas_id__in=ids, status=Proposal.Status.LPJ_VERIFIED)
        .values("ormas_id")
        .annotate(n=Count("pk"))
        .values_list("ormas_id", "n")
    )
    overdue = set(
        Proposal.objects.filter(ormas_id__in=ids, status=Proposal.Status.DISBURSED, lpj_due__lt=today).values_list(
            "ormas_id", flat=True
        )
    )
    result = {}
    for ormas_id in ids:
        if ormas_id in overdue:
            result[ormas_id] = (0.0, _("A grant's accountability report (LPJ) is overdue."))
        elif verified.get(ormas_id):
            result[ormas_id] = (
                1.0,
                _("%(count)d grant(s) accounted for with a verified LPJ.") % {"count": verified[ormas_id]},
            )
        else:
            result[ormas_id] = (0.0, _("No grant with a verified LPJ."))
    return result


def _no_sanctions(ids: list[int], round_: Any, params: dict[str, Any]) -> dict[int, tuple[float, str]]:
    since = dt.date(round_.year - max(0, int(params.get("years", 2))), 1, 1)
    kinds = [*CaseStep.SANCTIONS, CaseStep.Kind.WRITTEN_WARNING]
    in_force = set(
        CaseStep.objects.filter(active_sanction_q(), case__ormas_id__in=ids).values_list("case__ormas_id", flat=True)
    )
    recent: dict[int, Any] = {}
    for ormas_id, kind, decided_on in (
        CaseStep.objects.filter(case__ormas_id__in=ids, kind__in=kinds, decided_on__gte=since)
        .order_by("decided_on")
        .values_list("case__ormas_id", "kind", "decided_on")
    ):
        recent[ormas_id] = (CaseStep.Kind(kind).label, decided_on)
    result = {}
    for ormas_id in ids:
        if ormas_id in in_force:
            result[ormas_id] = (0.0, _("A sanction is in force."))
        elif ormas_id in recent:
            label, day = recent[ormas_id]
            result[ormas_id] = (
                0.0,
                _("%(kind)s decided on %(date)s.") % {"kind": label, "date": day.strftime("%d-%m-%Y")},
            )
        else:
            result[ormas_id] = (1.0, _("No warning or sanction since %(year)d.") % {"year": since.year})
    return result


for _kind in (
    Kind(
        "reports_on_time",
        gettext_lazy("Annual activity reports filed (each of the last years)"),
        _reports_on_time,
        source="UU 17/2013 Pasal 21; Wadah: services (laporan kegiatan)",
        default_weight=3,
        default_parameters={"years": 3},
    ),
    Kind(
        "guidance_completed",
        gettext_lazy("Guidance programme events attended in the year"),
        _guidance_completed,
        source="Wadah: guidance (daftar hadir)",
        default_weight=2,
        default_parameters={"target": 3},
    ),
    Kind(
        "capacity_gain",
        gettext_lazy("Capacity gain between the last two assessments"),
        _capacity_gain,
        source="Wadah: guidance (penilaian kapasitas)",
        default_weight=2,
        default_parameters={"full_at": 20},
    ),
    Kind(
        "grants_accounted",
        gettext_lazy("Grants accounted for (verified LPJ, none overdue)"),
        _grants_accounted,
        source="Wadah: grants (LPJ hibah)",
        default_weight=1,
    ),
    Kind(
        "no_sanctions",
        gettext_lazy("No warning or sanction in the last years"),
        _no_sanctions,
        source="UU 17/2013 jo. UU 16/2017 Pasal 60–62; Wadah: supervision",
        default_weight=2,
        default_required=True,
        default_parameters={"years": 2},
    ),
):
    register(_kind)


@dataclass
class Scored:
    ormas_id: int
    score: float
    reasons: list[dict[str, Any]]
    excluded: bool


def score_all(round_: Any, ids: list[int]) -> list[Scored]:
    """Every Ormas of `ids` scored by the round's criteria: a weighted mean of the points, 0–100, with reasons."""
    criteria = list(round_.criteria.all())
    total_weight = sum(c.weight for c in criteria) or 1
    answers: dict[str, dict[int, tuple[float, str]]] = {}
    for criterion in criteria:
        kind = KINDS.get(criterion.kind)
        answers[criterion.kind] = kind.compute(ids, round_, criterion.parameters or {}) if kind else {}
    result = []
    for ormas_id in ids:
        reasons, score, excluded = [], 0.0, False
        for criterion in criteria:
            kind = KINDS.get(criterion.kind)
            if kind is None:
                points, reason = (
                    0.0,
                    _("This kind of criterion is not available (%(kind)s).") % {"kind": criterion.kind},
                )
            else:
                points, reason = answers[criterion.kind].get(ormas_id, (0.0, _("No data.")))
            points = max(0.0, min(1.0, float(points)))
            if criterion.required and points <= 0:
                excluded = True
            score += criterion.weight * points
            reasons.append(
                {
                    "kind": criterion.kind,
                    "label": str(kind.label) if kind else criterion.kind,
                    "weight": criterion.weight,
                    "points": round(points, 2),
                    "reason": str(reason),
                    "source": criterion.source,
                }
            )
        result.append(Scored(ormas_id, round(100 * score / total_weight, 1), reasons, excluded))
    return result
