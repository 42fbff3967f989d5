"""Helpers for supervision tests: classify a case and have its written warning decided by a Pimpinan."""

import datetime as dt

from django.utils import timezone

from supervision import actions, rules
from supervision.models import BreachedArticle
from workdays.models import Period


def allow_dating_back_to(day: dt.date) -> None:
    """Tests walk fixed weeks in the past: widen the (admin-editable) backdating bound to reach them."""
    Period.objects.filter(code=rules.BACKDATING_PERIOD).update(days=max(0, (timezone.localdate() - day).days))


def classify(case, officer, *codes: str, spread: str | None = None):
    articles = BreachedArticle.objects.filter(code__in=codes or ("pasal-21",))
    return actions.classify_case(case, by=officer, articles=articles, spread=spread)


def warn(case, officer, pimpinan, issued_on: dt.date | None = None, *, codes=("pasal-21",), persuasion=True, **kw):
    """Clarification (and persuasion), the breach classified, and the warning decided by the Pimpinan."""
    actions.start_clarification(case, by=officer, decision="Panggil pengurus")
    if persuasion:
        actions.start_persuasion(case, by=officer, decision="Pembinaan tidak berhasil")
    classify(case, officer, *codes)
    reason = ""
    if issued_on is not None and issued_on != timezone.localdate():
        allow_dating_back_to(issued_on)
        reason = "Ditandatangani di atas kertas lebih dahulu"
    return actions.issue_written_warning(
        case,
        by=pimpinan,
        legal_basis=kw.pop("legal_basis", "UU 17/2013 jo. UU 16/2017 Pasal 62(1)"),
        findings=kw.pop("findings", "Pungutan liar"),
        issued_on=issued_on,
        backdate_reason=reason,
        **kw,
    )
