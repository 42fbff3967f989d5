"""Checking an uploaded spreadsheet and reading its cells, whatever shape the office keeps it in.

Everything here raises ValidationError with a message for the officer; nothing is written to the
database. Types are sniffed from the bytes, never trusted from the file name.
"""

import csv
import io
import zipfile
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from python_calamine import CalamineWorkbook

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 100
# Below this uncompressed size the ratio does not matter: small XML compresses very well.
RATIO_FLOOR = 20 * 1024 * 1024
MAX_ROWS = 50_000


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
    return list(csv.reader(io.StringIO(text, newline=""), dialect))


def read_sheets(data: bytes, kind: str) -> list[tuple[str, list[list[Any]]]]:
    """[(sheet name, rows of cell values)] for every sheet; CSV gives one sheet named ""."""
    if kind == "csv":
        return [("", read_csv(data))]
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = []
        for name in workbook.sheet_names:
            sheet = workbook.get_sheet_by_name(name)
            rows = sheet.to_python(skip_empty_area=False, nrows=MAX_ROWS + 50)
            sheets.append((name, rows))
        return sheets
    except ValidationError:
        raise
    except Exception as error:  # calamine raises its own errors for damaged or protected files
        if "password" in str(error).lower() or "encrypt" in str(error).lower():
            raise _encrypted() from None
        raise ValidationError(_("The workbook is damaged and cannot be read."), code="damaged") from None
