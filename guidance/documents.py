"""The attendance list (daftar hadir, with a signature column) and the certificates as PDF, compiled by typst
like the letters: every variable text goes in through sys_inputs as JSON, never read as typst markup."""

import json
from functools import cache
from pathlib import Path

import typst
from django.utils import timezone

from accounts.models import User
from guidance.models import Certificate, Event
from letters.pdf import indonesian_date, letterhead, place_of_issue, qr_svg
from wadah.lib import checkin

TEMPLATES = Path(__file__).resolve().parent / "templates_typst"


@cache
def _template(name: str) -> bytes:
    return (TEMPLATES / name).read_bytes()


def _place(event: Event) -> str:
    parts = [event.venue_name, event.venue_address]
    if event.venue_region_id:
        parts.append(event.venue_region.name)  # type: ignore[union-attr]
    if event.online_url:
        parts.append(f"daring ({event.online_url})")
    return ", ".join(p for p in parts if p) or "-"


def _signatory(by: User, event: Event) -> dict[str, str]:
    office = event.programme.office
    position = f"Kepala {office.name}" if by.role == "pimpinan" else f"a.n. Kepala {office.name}"
    return {
        "position": position,
        "signatory": by.get_full_name() or by.username,
        "nip": by.nip,
        "place_date": f"{place_of_issue(office)}, {indonesian_date(timezone.localdate())}",
    }


def attendance_pdf(event: Event, *, by: User) -> bytes:
    """Everyone confirmed or present, in name order; the time of check-in where there was one."""
    government, agency, _contact = letterhead(event.programme.office)
    rows = []
    for p in event.participants.select_related("ormas", "checkin", "invitation").order_by("name", "pk"):
        checkin = getattr(p, "checkin", None)
        if checkin is None and p.invitation and p.invitation.status != "accepted":
            continue
        time = timezone.localtime(checkin.checked_in_at).strftime("%H.%M") if checkin else ""
        rows.append([p.name, p.organisation, p.position, p.phone, time])
    data = {
        "government": government,
        "agency": agency,
        "title": event.title,
        "programme": event.programme.name,
        "date": indonesian_date(timezone.localtime(event.starts_at).date()),
        "place": _place(event),
        "rows": rows,
        **_signatory(by, event),
    }
    return typst.compile(
        _template("attendance.typ"), format="pdf", sys_inputs={"data": json.dumps(data, ensure_ascii=False)}
    )


def certificate_number(certificate: Certificate) -> str:
    event = certificate.participant.event
    return f"{event.pk:04d}/{certificate.pk:05d}/PEMBINAAN/{certificate.issued_on.year}"


def certificate_pdf(certificate: Certificate) -> bytes:
    participant = certificate.participant
    event = participant.event
    government, agency, _contact = letterhead(event.programme.office)
    data = {
        "government": government,
        "agency": agency,
        "number": certificate_number(certificate),
        "name": participant.name,
        "organisation": participant.organisation,
        "title": event.title,
        "programme": event.programme.name,
        "date": indonesian_date(timezone.localtime(event.starts_at).date()),
        "place": event.venue_region.name if event.venue_region else "daring",
        "verify_url": certificate.verify_url,
        **_signatory(certificate.issued_by, event),
    }
    data["place_date"] = f"{place_of_issue(event.programme.office)}, {indonesian_date(certificate.issued_on)}"
    inputs = {"data": json.dumps(data, ensure_ascii=False), "qr": qr_svg(certificate.verify_url)}
    return typst.compile(_template("certificate.typ"), format="pdf", sys_inputs=inputs)


# The check-in QR code as an SVG document (the Ormas account's page and the invitation show it).
participant_qr_svg = checkin.qr_svg
