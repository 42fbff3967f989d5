"""Checking an uploaded spreadsheet and reading its cells, whatever shape the office keeps it in.

Everything here raises ValidationError with a message for the officer; nothing is written to the
database. Types are sniffed from the bytes, never trusted from the file name.
"""

import csv
import io
import re
import struct
import zipfile
from collections.abc import Iterator
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 100
# Below this uncompressed size the ratio does not matter: small XML compresses very well.
RATIO_FLOOR = 20 * 1024 * 1024
MAX_ROWS = 50_000
# Rows read per sheet: the list plus title rows above it and a footer below.
READ_ROWS = MAX_ROWS + 100
MAX_COLUMNS = 100
# Filled cells over the whole workbook (50,000 Ormas × 30 columns).
MAX_CELLS = 1_500_000
# A CSV cell longer than this is not an Ormas field; Python's csv module refuses fields over 131,072 by default.
MAX_CSV_FIELD = 32_768


def _bad_type() -> ValidationError:
    return ValidationError(
        _("This file is not a spreadsheet. Upload an Excel workbook (.xlsx, .xls), an .ods file or a CSV file."),
        code="file_type",
    )


def sniff_kind(head: bytes, name: str) -> str:
    """xlsx, ods, xls or csv from the first bytes of the file; ValidationError for anything else."""
    if head.startswith(ZIP_MAGIC):
        return "zip"  # xlsx or ods, decided by check_zip()
    if head.startswith(OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in head or "EncryptionInfo".encode("utf-16-le") in head:
            raise _encrypted()
        return "xls"
    if b"\x00" in head[:4096]:
        raise _bad_type()
    if name.lower().endswith((".csv", ".txt")) or b"," in head or b";" in head or b"\t" in head:
        return "csv"
    raise _bad_type()


def _encrypted() -> ValidationError:
    return ValidationError(
        _(
            "This workbook is protected with a password. Open it in Excel, remove the password, save it and upload it again."
        ),
        code="encrypted",
    )


def check_zip(data: IO[bytes]) -> str:
    """Refuse zip bombs and zips that are not workbooks; return "xlsx" or "ods"."""
    try:
        with zipfile.ZipFile(data) as archive:
            members = archive.infolist()
            uncompressed = sum(m.file_size for m in members)
            compressed = sum(m.compress_size for m in members) or 1
            if uncompressed > MAX_UNCOMPRESSED or (
                uncompressed > RATIO_FLOOR and uncompressed / compressed > MAX_RATIO
            ):
                raise ValidationError(
                    _("This workbook unpacks to %(size)d MB, which is too large to read safely.")
                    % {"size": uncompressed // (1024 * 1024)},
                    code="zip_bomb",
                )
            names = {m.filename for m in members}
            if "xl/workbook.xml" in names:
                return "xlsx"
            if "mimetype" in names and b"spreadsheet" in archive.read("mimetype"):
                return "ods"
    except zipfile.BadZipFile:
        raise ValidationError(_("The workbook is damaged and cannot be read."), code="damaged") from None
    finally:
        data.seek(0)
    raise _bad_type()


def check_upload(upload: Any) -> str:
    """Check size and real type of an uploaded file; return its kind (xlsx, xls, ods, csv)."""
    size = upload.size or 0
    limit = settings.WADAH_MAX_IMPORT_MB
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if size > limit * 1024 * 1024:
        raise ValidationError(
            _("The file is %(size).1f MB; the limit is %(limit)d MB.") % {"size": size / 1048576, "limit": limit},
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(65536)
    upload.seek(0)
    kind = sniff_kind(head, upload.name or "")
    if kind == "zip":
        kind = check_zip(upload)
    return kind


def decode_text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def read_csv(data: bytes) -> list[list[Any]]:
    text = decode_text(data)
    sample = text[:20000]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    rows = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), dialect):
            if any(len(cell) > MAX_CSV_FIELD for cell in row):
                raise csv.Error("field larger than field limit")
            rows.append(row)
            if len(rows) > READ_ROWS:
                break
    except csv.Error:
        raise ValidationError(
            _(
                "Row %(row)d of the CSV file has a cell longer than %(max)d characters, or a quotation mark that is "
                "never closed. Check the file in a spreadsheet program and save it again as CSV."
            )
            % {"row": len(rows) + 1, "max": MAX_CSV_FIELD},
            code="csv_field",
        ) from None
    return rows


def _too_big(rows: int, columns: int) -> ValidationError:
    return ValidationError(
        _(
            "The sheet has cells as far as row %(rows)d and column %(columns)d; at most %(max_rows)d rows and "
            "%(max_columns)d columns can be read. Delete the empty rows and columns after the list (or copy the list "
            "into a new workbook) and upload it again."
        )
        % {"rows": rows, "columns": columns, "max_rows": MAX_ROWS, "max_columns": MAX_COLUMNS},
        code="too_big",
    )


def _too_many_cells() -> ValidationError:
    return ValidationError(
        _("The workbook has more than %(max)d filled cells, which is too many to read at once. Split the file.")
        % {"max": MAX_CELLS},
        code="too_many_cells",
    )


# The start tag of a worksheet cell (unprefixed, or "x:" as some generators write it), and its reference.
_CELL = re.compile(rb"<(?:x:)?c\b([^>]*)>")
_REF = re.compile(rb"""\br\s*=\s*["']([A-Z]{1,3})([0-9]{1,7})["']""")


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _xml_chunks(archive: zipfile.ZipFile, name: str) -> Iterator[bytes]:
    """The member's bytes in pieces that never split a tag (each piece ends after a ">")."""
    tail = b""
    with archive.open(name) as member:
        while chunk := member.read(1 << 20):
            chunk = tail + chunk
            cut = chunk.rfind(b">") + 1
            tail = chunk[cut:]
            yield chunk[:cut]
    if tail:
        yield tail


def xlsx_extent(data: bytes) -> tuple[int, int, int] | None:
    """(last row, last column, filled cells) over every worksheet, from the cells themselves — never from the
    <dimension> the file declares. None when some cell carries no reference (its place is implied), so the extent
    cannot be known without parsing.

    calamine allocates the rectangle from the first to the last cell at once, so one cell at XFD1048576 in a
    1.5 KB file asks for 17 billion cells and aborts the process; this scan is what keeps that from happening."""
    rows = columns = cells = 0
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if not (name.startswith("xl/") and name.endswith(".xml")) or name.startswith(
                ("xl/drawings/", "xl/charts/")
            ):
                continue
            for chunk in _xml_chunks(archive, name):
                for match in _CELL.finditer(chunk):
                    attributes = match.group(1)
                    if attributes.endswith(b"/"):
                        continue  # an empty, only formatted cell: no reader keeps it
                    ref = _REF.search(attributes)
                    if ref is None:
                        return None
                    cells += 1
                    rows = max(rows, int(ref.group(2)))
                    columns = max(columns, _column_number(ref.group(1)))
                if cells > MAX_CELLS:
                    raise _too_many_cells()
    return rows, columns, cells


_ODS_TAG = re.compile(rb"<(/?)table:(table-row|table-cell|covered-table-cell|table)\b([^>]*)>")
_ROWS_REPEATED = re.compile(rb"""number-rows-repeated\s*=\s*["'](\d+)["']""")
_COLUMNS_REPEATED = re.compile(rb"""number-columns-repeated\s*=\s*["'](\d+)["']""")


def ods_extent(data: bytes) -> tuple[int, int, int]:
    """(last row, last column, filled cells) of the largest table in an .ods file, counting repeated rows and
    cells as the reader will expand them (a 2 KB file can repeat one filled cell across a million rows)."""
    rows = columns = cells = 0
    row = column = row_repeat = row_cells = 0
    row_filled = False
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for chunk in _xml_chunks(archive, "content.xml"):
            for match in _ODS_TAG.finditer(chunk):
                closing, tag, attributes = match.groups()
                if tag == b"table":
                    row = 0
                elif tag == b"table-row" and not closing:
                    found = _ROWS_REPEATED.search(attributes)
                    row_repeat, column, row_cells, row_filled = int(found.group(1)) if found else 1, 0, 0, False
                elif tag == b"table-row":
                    if row_filled:
                        rows = max(rows, row + row_repeat)
                        cells += row_cells * row_repeat
                    row += row_repeat
                elif not closing:
                    found = _COLUMNS_REPEATED.search(attributes)
                    repeat = int(found.group(1)) if found else 1
                    column += repeat
                    if not attributes.endswith(b"/"):
                        row_filled = True
                        row_cells += repeat
                        columns = max(columns, column)
            if cells > MAX_CELLS:
                raise _too_many_cells()
    return rows, columns, cells


# --- legacy .xls (BIFF in an OLE compound file) ---------------------------------------------------------------------

_FREE, _END_OF_CHAIN = 0xFFFFFFFF, 0xFFFFFFFE
# BIFF cell records (row and column in their first 4 bytes): FORMULA, RSTRING, LABELSST, BLANK, NUMBER, LABEL,
# BOOLERR, RK; and the two that hold several cells of one row: MULRK and MULBLANK (last column in their last 2 bytes).
_CELL_RECORDS = frozenset({0x0006, 0x00D6, 0x00FD, 0x0201, 0x0203, 0x0204, 0x0205, 0x027E})
_MULTI_RECORDS = frozenset({0x00BD, 0x00BE})
_BLANK_RECORDS = frozenset({0x0201, 0x00BE})


class _Damaged(Exception):
    pass


def _ole_stream(data: bytes, names: tuple[str, ...]) -> bytes | None:
    """The bytes of the first stream with one of these names in an OLE compound file (the container of .xls), read
    with every chain bounded by the file's own size; None when there is no such stream. _Damaged when the
    container does not hold together."""
    if len(data) < 512 or not data.startswith(OLE_MAGIC):
        raise _Damaged
    sector = 1 << struct.unpack_from("<H", data, 0x1E)[0]
    mini_sector = 1 << struct.unpack_from("<H", data, 0x20)[0]
    if sector not in (512, 4096) or mini_sector != 64:
        raise _Damaged
    (first_directory,) = struct.unpack_from("<I", data, 0x30)
    cutoff, first_minifat, _minifat_count, first_difat, difat_count = struct.unpack_from("<IIIII", data, 0x38)
    sectors = (len(data) - sector) // sector + 1
    per_sector = sector // 4

    def read_sector(number: int) -> bytes:
        if number >= sectors:
            raise _Damaged
        start = (number + 1) * sector
        return data[start : start + sector]

    fat_sectors = [n for n in struct.unpack_from("<109I", data, 0x4C) if n not in (_FREE, _END_OF_CHAIN)]
    next_difat, seen = first_difat, 0
    while next_difat not in (_FREE, _END_OF_CHAIN) and seen <= difat_count:
        difat = struct.unpack(f"<{per_sector}I", read_sector(next_difat))
        fat_sectors += [n for n in difat[:-1] if n not in (_FREE, _END_OF_CHAIN)]
        next_difat, seen = difat[-1], seen + 1
    if len(fat_sectors) > sectors:
        raise _Damaged
    fat = [n for number in fat_sectors for n in struct.unpack(f"<{per_sector}I", read_sector(number))]

    def chain(start: int, table: list[int], limit: int) -> Iterator[int]:
        current, steps = start, 0
        while current not in (_FREE, _END_OF_CHAIN):
            if current >= len(table) or steps > limit:
                raise _Damaged  # out of the table, or a loop
            yield current
            current, steps = table[current], steps + 1

    directory = b"".join(read_sector(n) for n in chain(first_directory, fat, sectors))
    entries: list[tuple[str, int, int, int]] = []
    for offset in range(0, len(directory) - 127, 128):
        length = min(struct.unpack_from("<H", directory, offset + 64)[0], 64)
        name = directory[offset : offset + max(length - 2, 0)].decode("utf-16-le", "replace")
        kind = directory[offset + 66]
        start, size = struct.unpack_from("<IQ", directory, offset + 116)
        entries.append((name, kind, start, size if sector == 4096 else size & 0xFFFFFFFF))
    if not entries:
        raise _Damaged
    for name, kind, start, size in entries:
        if kind != 2 or name not in names:
            continue
        if size > len(data):
            raise _Damaged
        if size >= cutoff:
            return b"".join(read_sector(n) for n in chain(start, fat, sectors))[:size]
        # A small stream lives in the mini stream (held by the root entry), in 64-byte pieces.
        _root, _kind, root_start, root_size = entries[0]
        mini = b"".join(read_sector(n) for n in chain(root_start, fat, sectors))[:root_size]
        minifat_bytes = b"".join(read_sector(n) for n in chain(first_minifat, fat, sectors))
        minifat = list(struct.unpack(f"<{len(minifat_bytes) // 4}I", minifat_bytes))
        pieces = [mini[n * mini_sector : (n + 1) * mini_sector] for n in chain(start, minifat, len(mini) // 64 + 1)]
        return b"".join(pieces)[:size]
    return None


def xls_extent(data: bytes) -> tuple[int, int, int]:
    """(last row, last column, filled cells) over every sheet of a legacy .xls workbook, from its cell records —
    never from the DIMENSIONS record it declares — before any reader allocates the sheets.

    Like calamine with .xlsx, a reader sizes a sheet from its first to its last cell: a 1 KB file with one cell at
    row 65,536 and column 256 would ask for 16 million cells per sheet. The scan reads only the record headers."""
    try:
        stream = _ole_stream(data, ("Workbook", "Book", "WORKBOOK", "BOOK"))
    except (_Damaged, struct.error):
        raise ValidationError(_("The workbook is damaged and cannot be read."), code="damaged") from None
    if stream is None:
        raise _bad_type()
    rows = columns = cells = 0
    position, end = 0, len(stream) - 4
    unpack = struct.unpack_from
    while position <= end:
        record, length = unpack("<HH", stream, position)
        body = position + 4
        if record in _CELL_RECORDS and length >= 4 and body + 4 <= len(stream):
            row, column = unpack("<HH", stream, body)
            if record not in _BLANK_RECORDS:
                cells += 1
                rows, columns = max(rows, row + 1), max(columns, column + 1)
        elif record in _MULTI_RECORDS and length >= 6 and body + length <= len(stream):
            (row,) = unpack("<H", stream, body)
            (last,) = unpack("<H", stream, body + length - 2)
            if record not in _BLANK_RECORDS:
                cells += max((length - 6) // 6, 1)
                rows, columns = max(rows, row + 1), max(columns, last + 1)
        if cells > MAX_CELLS:
            raise _too_many_cells()
        position = body + length
    return rows, columns, cells


def _read_xlsx_streaming(data: bytes) -> list[tuple[str, list[list[Any]]]]:
    """The slow, careful reader for workbooks whose cells carry no reference: openpyxl in read-only mode, row by row,
    dimension ignored, stopping at the caps."""
    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    sheets, cells = [], 0
    try:
        for sheet in workbook.worksheets:
            sheet.reset_dimensions()  # type: ignore[union-attr]  # the declared dimension is not to be trusted
            rows: list[list[Any]] = []
            for values in sheet.iter_rows(values_only=True):
                row = list(values)
                while row and row[-1] is None:
                    row.pop()
                if len(row) > MAX_COLUMNS:
                    raise _too_big(len(rows) + 1, len(row))
                cells += sum(1 for v in row if v is not None)
                if cells > MAX_CELLS:
                    raise _too_many_cells()
                rows.append(row)
                if len(rows) >= READ_ROWS:
                    break
            sheets.append((sheet.title, rows))
    finally:
        workbook.close()
    return sheets


def read_sheets(data: bytes, kind: str) -> list[tuple[str, list[list[Any]]]]:
    """[(sheet name, rows of cell values)] for every sheet; CSV gives one sheet named ""."""
    if kind == "csv":
        return [("", read_csv(data))]
    try:
        if kind == "xlsx":
            extent = xlsx_extent(data)
            if extent is None:
                return _read_xlsx_streaming(data)
            if extent[0] > READ_ROWS or extent[1] > MAX_COLUMNS:
                raise _too_big(extent[0], extent[1])
        elif kind == "xls":
            last_row, last_column, _cells = xls_extent(data)
            if last_row > READ_ROWS or last_column > MAX_COLUMNS:
                raise _too_big(last_row, last_column)
        elif kind == "ods":
            last_row, last_column, _cells = ods_extent(data)
            if last_row > READ_ROWS or last_column > MAX_COLUMNS:
                raise _too_big(last_row, last_column)
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = []
        for name in workbook.sheet_names:
            sheet = workbook.get_sheet_by_name(name)
            rows = sheet.to_python(skip_empty_area=False, nrows=READ_ROWS)
            sheets.append((name, rows))
        return sheets
    except ValidationError:
        raise
    except Exception as error:  # calamine raises its own errors for damaged or protected files
        if "password" in str(error).lower() or "encrypt" in str(error).lower():
            raise _encrypted() from None
        raise ValidationError(_("The workbook is damaged and cannot be read."), code="damaged") from None
