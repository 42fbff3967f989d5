"""Spreadsheet export that a spreadsheet program cannot turn into a formula (CSV/formula injection)."""

import datetime as dt
from collections.abc import Iterable, Sequence
from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_SHEET_TITLE_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def safe_cell(value: Any) -> Any:
    """Return value, prefixing text that a spreadsheet would read as a formula with an apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)
    return value


def build_xlsx(title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """An .xlsx workbook with one sheet: a bold, frozen header row and the rows below it."""
    workbook = Workbook(write_only=False)
    sheet = workbook.active
    assert sheet is not None
    # Excel forbids []:*?/\ in sheet names ("Ormas by regency/city" would raise).
    sheet.title = title.translate(_SHEET_TITLE_FORBIDDEN)[:31] or "Sheet"
    sheet.append([safe_cell(h) for h in headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    widths = [len(h) for h in headers]
    for row in rows:
        values = [safe_cell(v) for v in row]
        sheet.append(values)
        for index, value in enumerate(values):
            widths[index] = min(60, max(widths[index], len(str(value)) if value is not None else 0))
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width + 2
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
