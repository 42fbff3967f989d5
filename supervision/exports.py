"""A case file as an Excel workbook: the steps, and only the compartmented items the user may read."""

from typing import Any

from django.utils.translation import gettext as _

from supervision import compartments
from supervision.models import Case
from wadah.lib.excel import build_xlsx


def case_workbook(case: Case, user: Any) -> bytes:
    headers = [_("Date"), _("Kind"), _("Compartment"), _("By"), _("Legal basis"), _("Text"), _("Letter"), _("Deadline")]
    rows: list[list[Any]] = []
    for step in case.steps.select_related("decided_by", "letter"):
        rows.append(
            [
                step.decided_on,
                step.get_kind_display(),
                "",
                str(step.decided_by or ""),
                step.legal_basis,
                step.decision + (f"\n{_('Response')}: {step.response}" if step.response else ""),
                step.letter.number if step.letter else "",
                step.deadline,
            ]
        )
    for note in compartments.readable(user, case.notes.select_related("agency", "author")):
        rows.append([note.created_at, _("Note"), str(note.agency), str(note.author), "", note.text, "", None])
    for meeting in compartments.readable(user, case.meetings.select_related("agency", "author")):
        text = f"{meeting.attendees}\n{meeting.minutes}"
        rows.append(
            [meeting.held_on, _("Clarification meeting"), str(meeting.agency), str(meeting.author), "", text, "", None]
        )
    for session in compartments.readable(user, case.mediations.select_related("agency", "author")):
        text = f"{session.parties}\n{session.get_outcome_display()}\n{session.agreement}"
        rows.append([session.held_on, _("Mediation"), str(session.agency), str(session.author), "", text, "", None])
    for document in compartments.readable(user, case.documents.select_related("agency", "author")):
        rows.append(
            [
                document.created_at,
                _("Document"),
                str(document.agency),
                str(document.author),
                "",
                document.title,
                "",
                None,
            ]
        )
    return build_xlsx(case.reference, headers, rows)
