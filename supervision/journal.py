"""What every supervision action shares: the status gate, the audit entry (about the case or, for compartmented
items, about the item itself so audit/visibility.py applies that item's reading rule), the officers' e-mail after
the commit, and the "this text is required" check. Kept apart so that actions.py and casefile.py both use it."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from audit.log import record
from letters.actions import issue_letter
from letters.models import Letter
from registry import actions as registry_actions
from registry.models import Ormas
from supervision import rules, tasks, wording
from supervision.models import (
    Case,
    CaseDocument,
    CaseNote,
    CaseStep,
    ClarificationMeeting,
    MediationSession,
    new_reference,
)
from wadah.lib.workflow import check_move


def _check(case: Case, new: str) -> None:
    """The one gate every status change passes: refuse what TRANSITIONS does not list."""
    check_move(case, new, _("A case with status “%(old)s” cannot become “%(new)s”."))


def _move(case: Case, new: str) -> str:
    _check(case, new)
    old = case.status
    case.status = new
    if new in Case.FINAL:
        case.closed_at = timezone.now()
    case.save(update_fields=["status", "closed_at"])
    return old


# Entries about a compartmented item are read by who may read that item (audit/visibility.py), not by every reader
# of the case or the Ormas: code → (key of the item's id in data, its model).
COMPARTMENTED_ENTRIES: dict[str, tuple[str, type[Any]]] = {
    "case.note_added": ("note", CaseNote),
    "case.document_added": ("document", CaseDocument),
    "case.meeting_recorded": ("meeting", ClarificationMeeting),
    "case.mediation_recorded": ("session", MediationSession),
}


def _log(case: Case, action: str, *, by: User | None, old: str | None = None, **data: Any) -> None:
    changes = {"status": [old, case.status]} if old is not None and old != case.status else None
    about: Any = case
    if action in COMPARTMENTED_ENTRIES:
        key, model = COMPARTMENTED_ENTRIES[action]
        about = model(pk=data[key])
    record(case, action, by=by, ormas=case.ormas, changes=changes, data=data, about=about)


def _notify(case: Case, event: str, label: str = "") -> None:
    case_id = case.pk
    transaction.on_commit(lambda: tasks.notify_officers.enqueue(case_id, event, label))


def _require_text(value: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError(message)
    return value


def _step(
    case: Case,
    kind: str,
    *,
    by: User | None,
    legal_basis: str = "",
    decision: str = "",
    decided_on: dt.date | None = None,
    letter: Letter | None = None,
    deadline: dt.date | None = None,
    rules: dict[str, Any] | None = None,
    decree_number: str = "",
    decree_date: dt.date | None = None,
) -> CaseStep:
    return CaseStep.objects.create(
        case=case,
        kind=kind,
        legal_basis=legal_basis.strip(),
        decision=decision.strip(),
        decided_by=by if getattr(by, "pk", None) else None,
        decided_on=decided_on or timezone.localdate(),
        letter=letter,
        deadline=deadline,
        rules={"recorded_at": timezone.now().isoformat(), **(rules or {})},
        decree_number=decree_number.strip(),
        decree_date=decree_date,
    )


def _letter(
    case: Case,
    *,
    kind: str,
    title: str,
    subject: str,
    body: str,
    by: User,
    addressee: str,
    issued_on: dt.date | None = None,
    on_behalf_of_head: bool = False,
) -> Letter:
    """A letter of the handling office about this case. Official wording is Indonesian (see wording.py).

    A sanction letter (on_behalf_of_head) is issued a.n. the head of government whose decision it is, and cites
    the delegation (rules.head_of_government)."""
    name, position = wording.signatory(by, case.office)
    if on_behalf_of_head:
        head, instrument = rules.head_of_government(case.office)
        position = wording.on_behalf_position(head, case.office)
        body = body + wording.delegation_line(head, instrument)
    return issue_letter(
        office=case.office,
        kind=kind,
        title=title,
        subject=subject,
        body=body,
        by=by,
        signatory_name=name,
        signatory_position=position,
        signatory_nip=by.nip,
        ormas=case.ormas,
        addressee=addressee,
        issued_on=issued_on,
        source=case,
    )


def _set_ormas_status(
    case: Case,
    status: str,
    *,
    by: User,
    reason: str,
    legal_basis: str,
    decree_number: str = "",
    decree_date: dt.date | None = None,
) -> None:
    ormas = case.ormas
    if ormas is None:
        return
    ormas = Ormas.objects.select_for_update().get(pk=ormas.pk)
    if ormas.status == status:
        return
    registry_actions.change_ormas_status(
        ormas,
        status,
        by=by,
        reason=f"{case.reference}: {reason}",
        legal_basis=legal_basis,
        decision=registry_actions.Decision(
            number=decree_number or case.reference,
            date=decree_date or timezone.localdate(),
            basis=legal_basis,
            source=f"case {case.reference}",
        ),
    )
    case.ormas = ormas


# ---------------------------------------------------------------- opening, members, file contents


def _new_reference() -> str:
    year = timezone.localdate().year
    while True:
        reference = new_reference(year)
        if not Case.objects.filter(reference=reference).exists():
            return reference


def _require_articles(case: Case) -> None:
    if not case.articles.exists():
        raise ValidationError(_("Record the article(s) found breached before a sanction step."))
