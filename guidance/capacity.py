"""Read models of the capacity pathway: the change between two assessments of an Ormas, the aggregates per
programme (participants vs. non-participants) and per kab/kota, and invitation suggestions from the weakest
dimensions. Only validated assessments count; every query starts from what the viewer may see.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Max, Min

from accounts.models import User
from guidance.models import Assessment, Dimension, Event, Instrument, Programme
from regions.models import Region
from registry.models import Ormas

# Below this (0–100) a dimension counts as a gap worth a programme on it.
GAP_THRESHOLD = 50


def dimension_names() -> dict[str, str]:
    """code → name, the current instrument's names winning over older versions'."""
    names: dict[str, str] = {}
    for code, name in Dimension.objects.order_by("instrument__version", "order").values_list("code", "name"):
        names[code] = name
    return names


def dimension_order() -> list[str]:
    instrument = Instrument.current()
    if instrument is None:
        return list(dimension_names())
    return list(instrument.dimensions.values_list("code", flat=True))


@dataclass
class Comparison:
    before: Assessment | None
    after: Assessment | None
    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def change(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return round(float(self.after.total) - float(self.before.total), 1)

    def chart_data(self) -> dict[str, Any]:
        """What static/guidance/radar.js draws (ECharts radar): the indicators and one series per assessment."""
        series = []
        for key, assessment in (("before", self.before), ("after", self.after)):
            if assessment is not None:
                series.append({"name": assessment.assessed_on.isoformat(), "value": [r[key] or 0 for r in self.rows]})
        return {"indicators": [{"name": r["name"], "max": 100} for r in self.rows], "series": series}


def compare(ormas: Ormas, *, before: Assessment | None = None, after: Assessment | None = None) -> Comparison:
    """The last two validated assessments of the Ormas (or the two given), dimension by dimension."""
    if before is None and after is None:
        latest = list(Assessment.objects.validated().filter(ormas=ormas).order_by("-assessed_on", "-pk")[:2])
        after = latest[0] if latest else None
        before = latest[1] if len(latest) > 1 else None
    names = dimension_names()
    codes = dimension_order() or sorted(names)
    comparison = Comparison(before=before, after=after)
    for code in codes:
        old = before.scores.get(code) if before else None
        new = after.scores.get(code) if after else None
        comparison.rows.append(
            {
                "code": code,
                "name": names.get(code, code),
                "before": old,
                "after": new,
                "change": round(new - old, 1) if old is not None and new is not None else None,
            }
        )
    return comparison


def latest_scores(ormas_ids: list[int]) -> dict[int, Assessment]:
    """The latest validated assessment of each Ormas."""
    result: dict[int, Assessment] = {}
    for assessment in (
        Assessment.objects.validated().filter(ormas_id__in=ormas_ids).order_by("ormas_id", "-assessed_on", "-pk")
    ):
        result.setdefault(assessment.ormas_id, assessment)
    return result


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def _changes(ormas_ids: set[int], start: Any, end: Any) -> dict[int, dict[str, float]]:
    """Per Ormas: follow-up minus baseline per dimension (and "total"), where baseline is the last validated
    assessment before `start` and follow-up the latest on or after `end`."""
    by_ormas: dict[int, list[Assessment]] = defaultdict(list)
    for assessment in Assessment.objects.validated().filter(ormas_id__in=ormas_ids).order_by("assessed_on", "pk"):
        by_ormas[assessment.ormas_id].append(assessment)
    changes: dict[int, dict[str, float]] = {}
    for ormas_id, assessments in by_ormas.items():
        baseline = [a for a in assessments if a.assessed_on < start]
        follow = [a for a in assessments if a.assessed_on >= end]
        if not baseline or not follow:
            continue
        old, new = baseline[-1], follow[-1]
        delta = {code: new.scores[code] - old.scores[code] for code in new.scores if code in old.scores}
        delta["total"] = float(new.total - old.total)
        changes[ormas_id] = delta
    return changes


def programme_effect(programme: Programme, user: User) -> dict[str, Any]:
    """Mean change per dimension of Ormas that attended the programme's events vs. Ormas of its region that
    did not, between the last assessment before the first event and the latest after the last one."""
    span = programme.events.exclude(status=Event.Status.CANCELLED).aggregate(
        first=Min("starts_at"), last=Max("ends_at")
    )
    visible = Ormas.objects.visible_to(user).in_region(programme.region_id)
    attended = set(
        visible.filter(invitations__event__programme=programme, invitations__participants__checkin__isnull=False)
        .values_list("pk", flat=True)
        .distinct()
    )
    result: dict[str, Any] = {"attended": len(attended), "rows": [], "participants_n": 0, "others_n": 0}
    if span["first"] is None:
        return result
    start, end = span["first"].date(), span["last"].date()
    assessed = set(
        Assessment.objects.validated().filter(ormas__in=visible).values_list("ormas_id", flat=True).distinct()
    )
    changes = _changes(assessed, start, end)
    participants = [c for pk, c in changes.items() if pk in attended]
    others = [c for pk, c in changes.items() if pk not in attended]
    names = dimension_names()
    for code in [*dimension_order(), "total"]:
        result["rows"].append(
            {
                "code": code,
                "name": names.get(code, "") if code != "total" else "",
                "participants": _mean([c[code] for c in participants if code in c]),
                "others": _mean([c[code] for c in others if code in c]),
            }
        )
    result["participants_n"], result["others_n"] = len(participants), len(others)
    return result


def by_regency(user: User) -> list[dict[str, Any]]:
    """Per kab/kota in the viewer's scope: Ormas assessed, mean latest overall score, mean change between each
    Ormas's last two assessments."""
    scope = user.scope_code or ""
    visible = Ormas.objects.visible_to(user)
    per_ormas: dict[int, list[Assessment]] = defaultdict(list)
    regency_of: dict[int, str] = {}
    for assessment in (
        Assessment.objects.validated().filter(ormas__in=visible).select_related("ormas").order_by("-assessed_on", "-pk")
    ):
        if len(per_ormas[assessment.ormas_id]) < 2:
            per_ormas[assessment.ormas_id].append(assessment)
        regency_of[assessment.ormas_id] = assessment.ormas.regency_code
    rows = []
    for regency in Region.objects.regencies().within(scope[:2]).filter(code__startswith=scope):
        ids = [pk for pk, code in regency_of.items() if code == regency.code]
        latest = [float(per_ormas[pk][0].total) for pk in ids]
        change = [float(per_ormas[pk][0].total - per_ormas[pk][1].total) for pk in ids if len(per_ormas[pk]) == 2]
        rows.append(
            {
                "code": regency.code,
                "name": regency.name,
                "assessed": len(ids),
                "score": _mean(latest),
                "change": _mean(change),
                "reassessed": len(change),
            }
        )
    return rows


@dataclass
class Suggestion:
    ormas: Ormas
    gaps: list[tuple[str, float]]
    assessed_on: Any

    @property
    def reason(self) -> str:
        parts = ", ".join(f"{name} {score:g}/100" for name, score in self.gaps)
        return f"{parts} ({self.assessed_on:%d-%m-%Y})"


def suggestions(event: Event, user: User, *, limit: int = 50, dimensions: list[str] | None = None) -> list[Suggestion]:
    """Ormas of the programme's region, not yet invited, whose latest assessment is weakest in the dimensions the
    programme addresses (all dimensions if it names none): the lowest scores first."""
    programme = event.programme
    focus = list(dimensions or programme.focus_dimensions or [])
    invited = event.invitations.values_list("ormas_id", flat=True)
    candidates = (
        Ormas.objects.visible_to(user)
        .in_region(programme.region_id)
        .exclude(status__in=(Ormas.Status.DISSOLVED, Ormas.Status.REVOKED))
        .exclude(pk__in=invited)
    )
    names = dimension_names()
    found = []
    latest: dict[int, Assessment] = {}
    for assessment in (
        Assessment.objects.validated()
        .filter(ormas__in=candidates)
        .select_related("ormas")
        .order_by("ormas_id", "-assessed_on", "-pk")
    ):
        latest.setdefault(assessment.ormas_id, assessment)
    for assessment in latest.values():
        codes = focus or list(assessment.scores)
        gaps = sorted(
            (
                (names.get(c, c), assessment.scores[c])
                for c in codes
                if c in assessment.scores and assessment.scores[c] < GAP_THRESHOLD
            ),
            key=lambda gap: gap[1],
        )
        if gaps:
            found.append(Suggestion(ormas=assessment.ormas, gaps=gaps[:3], assessed_on=assessment.assessed_on))
    found.sort(key=lambda s: (s.gaps[0][1], s.ormas.name_search))
    return found[:limit]
