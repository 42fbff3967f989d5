"""The wording of a supervision case's letters: titles, subjects, addressees and the signature line here, the
bodies in templates/letters/bodies/ (rendered by letters.bodies.render_body).

Official wording is Indonesian whatever language the officer's screen uses (as in services), so nothing here
goes through gettext. The compliance period a letter quotes comes from the period data, never from the text.
"""

import datetime as dt
from typing import Any

from accounts.models import Office, Role, User
from letters.bodies import render_body
from supervision.models import Case, CaseStep
from workdays.models import Period, period_phrase

K = CaseStep.Kind
# The reason a drafted sanction letter gives when the warning's window passed without compliance.
PROPOSAL_REASON = "Sampai dengan batas waktu tersebut, tidak terdapat perbaikan yang memadai."


def signatory(by: User, office: Office) -> tuple[str, str]:
    """(name, position) under the letter: the head of the office signs himself, an officer on his behalf."""
    position = f"Kepala {office.name}" if by.role == Role.LEADER else f"a.n. Kepala {office.name}"
    return by.get_full_name() or by.username, position


def on_behalf_position(head: str, office: Office) -> str:
    """The signature line of a sanction letter: issued a.n. the head of government whose decision it is."""
    return f"a.n. {head}, Kepala {office.name}"[:200]


def delegation_line(head: str, instrument: str) -> str:
    """The closing sentence citing the delegation (PP 58/2016 Pasal 60: the decision is the head of government's)."""
    if instrument:
        return f"\n\nSurat ini ditandatangani atas nama {head} berdasarkan {instrument}."
    return f"\n\nSurat ini ditandatangani atas nama {head} sesuai kewenangannya menurut PP 58/2016 Pasal 60."


def foreign_measure_body(case: Case, reason: str, legal_basis: str, *, addressee: str) -> str:
    return _sanction_body("foreign-measure-recommendation", case, reason, legal_basis, addressee=addressee)


def revoked_thing(ministry: str) -> str:
    """What a revocation takes away: the legal status (Menkumham) or the SKT (Mendagri)."""
    return "status badan hukum" if ministry == "Menkumham" else "Surat Keterangan Terdaftar (SKT)"


def warning_letter(
    case: Case, *, findings: str, legal_basis: str, period: Period, issued_on: dt.date, deadline: dt.date
) -> tuple[str, str]:
    """(subject, body) of the single written warning."""
    body = render_body(
        "written-warning",
        {
            "case": case,
            "findings": findings,
            "legal_basis": legal_basis,
            "period": period.phrase,
            "issued_on": issued_on,
            "deadline": deadline,
        },
    )
    return f"Peringatan Tertulis — {case.subject}", body


def _warning_history(case: Case) -> dict[str, Any]:
    """The warning a sanction letter recalls, with the period that applied when it was issued."""
    warning = case.steps.filter(kind=K.WRITTEN_WARNING).select_related("letter").first()
    if warning is None or warning.letter is None:
        return {"warning": None}
    rule = (warning.rules or {}).get("period") or {}
    if "days" in rule:
        phrase = period_phrase(rule["days"], rule.get("unit", Period.Unit.WORKING_DAYS))
    else:
        period = Period.objects.filter(code=rule.get("code") or "written-warning-compliance").first()
        phrase = period.phrase if period else ""
    return {
        "warning": warning,
        "warning_period": phrase,
        "warning_deadline": warning.deadline or warning.decided_on,
    }


def _sanction_body(template: str, case: Case, reason: str, legal_basis: str, **extra: Any) -> str:
    context = {"case": case, "reason": reason, "legal_basis": legal_basis, **_warning_history(case), **extra}
    return render_body(template, context)


def halt_body(case: Case, reason: str, legal_basis: str, *, region: Any = None) -> str:
    """The office's own decision to halt activities (in the drafted proposal, with the region it covers)."""
    return _sanction_body("halt-of-activities", case, reason, legal_basis, region=region)


def halt_recommendation_body(case: Case, reason: str, legal_basis: str, *, addressee: str) -> str:
    return _sanction_body("halt-recommendation", case, reason, legal_basis, addressee=addressee)


def revocation_recommendation_body(case: Case, reason: str, legal_basis: str, *, addressee: str, ministry: str) -> str:
    return _sanction_body(
        "revocation-recommendation", case, reason, legal_basis, addressee=addressee, thing=revoked_thing(ministry)
    )


def referral_body(case: Case, reason: str, legal_basis: str) -> str:
    return render_body("referral-letter", {"case": case, "reason": reason, "legal_basis": legal_basis})
