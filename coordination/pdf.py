"""The minutes (notulen) and the attendance list as PDFs: typst, like letters (letters/pdf.py).

All variable text goes in through sys_inputs as one JSON object, so nothing a user typed is read as typst markup.
The PDF shows what the reader may read: agenda items about a case pass the compartment rule.
"""

import json
from pathlib import Path
from typing import Any

import typst
from django.utils import timezone

from coordination import access
from coordination.models import Meeting, Minutes
from letters.pdf import indonesian_date, letterhead

TEMPLATES = Path(__file__).resolve().parent / "templates_typst"


def _compile(name: str, data: dict[str, Any]) -> bytes:
    # A path, not bytes: the templates import _head.typ from their own folder.
    payload = json.dumps(data, ensure_ascii=False)
    return typst.compile(str(TEMPLATES / name), format="pdf", sys_inputs={"data": payload})


def _header(meeting: Meeting) -> dict[str, Any]:
    government, agency, contact = letterhead(meeting.team.office)
    when = indonesian_date(meeting.date) + (f", {meeting.start_time:%H.%M} WIB" if meeting.start_time else "")
    return {
        "government": government,
        "agency": agency,
        "contact": contact,
        "title": meeting.title,
        "kind": str(meeting.get_kind_display()),
        "team": str(meeting.team),
        "when": when,
        "venue": " / ".join(part for part in (meeting.venue, meeting.online_link) if part) or "-",
        "chair": str(meeting.chair),
    }


def minutes_pdf(meeting: Meeting, minutes: Minutes, user: Any) -> bytes:
    agenda = []
    for item in access.readable_agenda(user, meeting.agenda.all()):
        decisions = []
        for decision in item.decisions.all():
            actions = [
                {
                    "text": action.text,
                    "owner": str(action.owner_agency) + (f" ({action.owner_person})" if action.owner_person else ""),
                    "due": indonesian_date(action.due_on),
                }
                for action in decision.action_items.select_related("owner_agency")
            ]
            decisions.append({"text": decision.text, "actions": actions})
        agenda.append({"title": f"{item.order}. {item.title}", "decisions": decisions})
    if minutes.status == Minutes.Status.APPROVED and minutes.approved_at:
        approved = (
            f"Disetujui oleh {minutes.approved_by} pada {indonesian_date(timezone.localdate(minutes.approved_at))}"
        )
    else:
        approved = "DRAF — belum disetujui pimpinan rapat"
    data = {
        **_header(meeting),
        "version": str(minutes.number),
        "text": [p.strip() for p in minutes.text.replace("\r\n", "\n").split("\n\n") if p.strip()],
        "agenda": agenda,
        "approved": approved,
        "correction": minutes.correction_reason,
        "present": str(meeting.attendance.count()),
    }
    return _compile("minutes.typ", data)


def attendance_pdf(meeting: Meeting) -> bytes:
    rows = [
        [str(i), row.name, str(row.agency or row.organisation), row.position, "QR" if row.method == "qr" else ""]
        for i, row in enumerate(meeting.attendance.select_related("agency"), start=1)
    ]
    data = {**_header(meeting), "rows": rows}
    return _compile("attendance.typ", data)
