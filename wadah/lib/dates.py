"""Reading dates the way Indonesian offices write them in spreadsheets.

parse_indonesian_date() accepts "12 Januari 2025", "12 Jan 2025", "12-Agt-2025", "12-01-2025",
"12/01/2025", "12.01.25", "2025-01-12", Excel serial numbers (45669 or "45669") and real
date/datetime cells. Day comes before month, as in Indonesia. Blank → None; anything else that
is not a date raises ValueError.
"""

import datetime as dt
import re
from typing import Any

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("januari", "jan", "january"),
        ("februari", "pebruari", "feb", "peb", "february"),
        ("maret", "mar", "march", "mrt"),
        ("april", "apr"),
        ("mei", "may"),
        ("juni", "jun", "june"),
        ("juli", "jul", "july"),
        ("agustus", "agu", "agt", "ags", "agst", "aug", "august"),
        ("september", "sep", "sept", "spt"),
        ("oktober", "okt", "oct", "october"),
        ("november", "nov", "nop", "nopember"),
        ("desember", "des", "dec", "december", "des"),
    ),
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _number

# Excel's day 0 is 1899-12-30 once its fictitious 29 February 1900 is accounted for.
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_MIN_SERIAL, _MAX_SERIAL = 1, 2_958_465  # 1900-01-01 … 9999-12-31

_NUMERIC = re.compile(r"^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_NAMED = re.compile(r"^(\d{1,2})\s*[-/. ]\s*([a-z]+)\.?\s*[-/. ,]\s*(\d{2}|\d{4})$")
_NAMED_US = re.compile(r"^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")
# Serials written as text must have 5 digits (1927–2173), so that "2025" is not read as 1905.
_SERIAL = re.compile(r"^\d{5}(?:\.0+)?$")
_WEEKDAY = re.compile(r"^(senin|selasa|rabu|kamis|jumat|jum at|sabtu|minggu|ahad)\s*,?\s*")


def _year(text: str, *, today: dt.date | None = None) -> int:
    year = int(text)
    if len(text) == 2:  # 25 → 2025, 98 → 1998: the nearest year not more than 10 years ahead
        today = today or dt.datetime.now(dt.UTC).date()
        year += 2000 if 2000 + year <= today.year + 10 else 1900
    return year


def _make(year: int, month: int, day: int, original: Any) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"not a valid date: {original!r}") from None


def from_excel_serial(serial: float) -> dt.date:
    if not _MIN_SERIAL <= serial <= _MAX_SERIAL:
        raise ValueError(f"not an Excel date serial: {serial!r}")
    return _EXCEL_EPOCH + dt.timedelta(days=int(serial))


def parse_indonesian_date(value: Any, *, today: dt.date | None = None) -> dt.date | None:
    """The date in value, None if value is blank; ValueError if it is not a date."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise ValueError(f"not a date: {value!r}")
    if isinstance(value, int | float):
        return from_excel_serial(value)
    text = " ".join(str(value).strip().lower().split())
    if not text or text in {"-", "--", "—"}:
        return None
    text = _WEEKDAY.sub("", text.replace("'", " "))
    if _SERIAL.match(text):
        return from_excel_serial(float(text))
    if match := _ISO.match(text):
        return _make(int(match[1]), int(match[2]), int(match[3]), value)
    if match := _NUMERIC.match(text):
        return _make(_year(match[3], today=today), int(match[2]), int(match[1]), value)
    if match := _NAMED.match(text):
        month = MONTHS.get(match[2])
        if month:
            return _make(_year(match[3], today=today), month, int(match[1]), value)
    if match := _NAMED_US.match(text):
        month = MONTHS.get(match[1])
        if month:
            return _make(int(match[3]), month, int(match[2]), value)
    raise ValueError(f"not a date: {value!r}")
