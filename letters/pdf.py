"""The letter as a PDF: typst compiles letters/templates_typst/letter.typ with the letter's text as inputs.

All variable text goes in through sys_inputs (one JSON object plus the QR's SVG), so nothing a user typed is
ever read as typst markup. Typical compile time is a few tens of milliseconds.
"""

import datetime as dt
import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import segno
import typst
from django.utils import formats, translation

from regions.models import Region

if TYPE_CHECKING:
    from accounts.models import Office
    from letters.models import Letter

TEMPLATE = Path(__file__).resolve().parent / "templates_typst" / "letter.typ"


@cache
def _template() -> bytes:
    return TEMPLATE.read_bytes()


def indonesian_date(value: dt.date) -> str:
    """ "29 November 2026", whatever language the request is in."""
    with translation.override("id"):
        return formats.date_format(value, "j F Y")


def letterhead(office: "Office") -> tuple[str, str, str]:
    """(government, agency, contact line) for the kop surat, from the office's region and contact fields."""
    region = office.region
    if office.is_province:
        government = f"PEMERINTAH PROVINSI {region.name}"
    elif region.name.lower().startswith(("kabupaten ", "kota ")):
        government = f"PEMERINTAH {region.name}"
    else:
        kind = "KOTA" if region.level == Region.Level.KOTA else "KABUPATEN"
        government = f"PEMERINTAH {kind} {region.name}"
    contact = " · ".join(
        part
        for part in (
            office.address,
            f"Telepon {office.phone}" if office.phone else "",
            f"E-mail {office.email}" if office.email else "",
        )
        if part
    )
    return government.upper(), "BADAN KESATUAN BANGSA DAN POLITIK", contact


def place_of_issue(office: "Office", configured: str = "") -> str:
    """Where the letter is dated: the format's configured place, else the region's name without its prefix."""
    if configured:
        return configured
    return office.region.name.removeprefix("Kabupaten ").removeprefix("Kota ")


def qr_svg(url: str) -> str:
    return segno.make(url, error="m").svg_inline(scale=4, border=2)


def letter_inputs(letter: "Letter") -> dict[str, str]:
    from letters.models import LetterFormat

    government, agency, contact = letterhead(letter.office)
    letter_format = LetterFormat.for_office(letter.office)
    content = letter.content or {}
    fields = [[str(label), str(value)] for label, value in content.get("fields", [])]
    data = {
        "government": government,
        "agency": agency,
        "contact": contact,
        "number": letter.number,
        "title": letter.title,
        "subject": letter.subject,
        "attachment": letter.attachment_note or "-",
        "addressee": letter.addressee.strip(),
        "paragraphs": letter.paragraphs,
        "fields": fields,
        "place_date": f"{place_of_issue(letter.office, letter_format.place)}, {indonesian_date(letter.issued_on)}",
        "position": letter.signatory_position,
        "signatory": letter.signatory_name,
        "nip": letter.signatory_nip,
        "valid_until": indonesian_date(letter.valid_until) if letter.valid_until else "",
        "verify_url": letter.verify_url,
        "check_code": letter.check_code,
    }
    return {"data": json.dumps(data, ensure_ascii=False), "qr": qr_svg(letter.verify_url)}


def render_letter_pdf(letter: "Letter") -> bytes:
    return typst.compile(_template(), format="pdf", sys_inputs=letter_inputs(letter))
