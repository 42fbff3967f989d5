import csv
import datetime as dt
import io
import struct

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

HEADERS = [
    "No", "Nama Organisasi", "Singkatan", "Alamat Sekretariat", "Kabupaten/Kota", "Kecamatan", "Desa/Kelurahan",
    "Bentuk", "Nomor SKT", "Tanggal SKT", "Masa Berlaku SKT", "Ketua", "Telepon/HP", "Email", "Status",
]  # fmt: skip


def ormas_row(n, name, regency="Kota Palangka Raya", *, abbreviation="", village="", district="", **extra):
    row = {
        "No": n,
        "Nama Organisasi": name,
        "Singkatan": abbreviation,
        "Alamat Sekretariat": extra.get("address", f"Jl. Contoh No. {n}"),
        "Kabupaten/Kota": regency,
        "Kecamatan": district,
        "Desa/Kelurahan": village,
        "Bentuk": extra.get("form", "Tidak Berbadan Hukum"),
        "Nomor SKT": extra.get("skt", f"220/{n:05d}/SKT/2023"),
        "Tanggal SKT": extra.get("issued", "12 Januari 2023"),
        "Masa Berlaku SKT": extra.get("expires", "12-01-2028"),
        "Ketua": extra.get("chair", "Budi"),
        "Telepon/HP": "0812 3456 789",
        "Email": extra.get("email", ""),
        "Status": extra.get("status", "Aktif"),
    }
    return [row[h] for h in HEADERS]


def xlsx_bytes(rows, *, title_rows=2, merged_header=False, headers=HEADERS):
    """A workbook as offices keep them: title rows, optionally a two-line header with merged cells."""
    wb = Workbook()
    ws = wb.active
    for i in range(title_rows):
        ws.append(["DAFTAR ORMAS KALIMANTAN TENGAH" if i == 0 else "KESBANGPOL TAHUN 2025"])
    if title_rows:
        ws.merge_cells(start_row=1, end_row=1, start_column=1, end_column=6)
    if merged_header:
        top = list(headers)
        bottom = [""] * len(headers)
        skt = headers.index("Nomor SKT")
        top[skt : skt + 3] = ["SKT", "", ""]
        bottom[skt : skt + 3] = ["Nomor", "Tanggal", "Masa Berlaku"]
        ws.append(top)
        ws.append(bottom)
        header_row = title_rows + 1
        ws.merge_cells(start_row=header_row, end_row=header_row, start_column=skt + 1, end_column=skt + 3)
        for col in range(1, len(headers) + 1):
            if col - 1 not in range(skt, skt + 3):
                ws.merge_cells(start_row=header_row, end_row=header_row + 1, start_column=col, end_column=col)
    else:
        ws.append(headers)
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def csv_bytes(rows, *, encoding="utf-8", delimiter=";", headers=HEADERS):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(headers)
    for row in rows:
        writer.writerow(["" if v is None else (v.strftime("%d/%m/%Y") if isinstance(v, dt.date) else v) for v in row])
    return out.getvalue().encode(encoding)


def upload(data, name="daftar.xlsx"):
    return SimpleUploadedFile(name, data)


# --- legacy .xls: a minimal BIFF8 workbook in an OLE compound file (no library in the project writes .xls) ---------


def _record(kind: int, body: bytes = b"") -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


def _short_text(text: str) -> bytes:
    raw = text.encode("latin-1")
    return struct.pack("<BB", len(raw), 0) + raw


def biff_workbook(rows, *, extra_cells=(), dimensions=None) -> bytes:
    """A BIFF8 workbook stream of one sheet: strings in an SST, numbers as NUMBER records. `extra_cells` are
    (record type, row, column) cells added as written (the hostile ones); `dimensions` overrides the declared size."""
    strings: list[str] = []
    cells = []
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value in (None, ""):
                continue
            if isinstance(value, int | float):
                cells.append(_record(0x0203, struct.pack("<HHHd", r, c, 0, float(value))))
            else:
                text = str(value)
                if text not in strings:
                    strings.append(text)
                cells.append(_record(0x00FD, struct.pack("<HHHI", r, c, 0, strings.index(text))))
    for kind, r, c in extra_cells:
        if kind == 0x0203:
            cells.append(_record(kind, struct.pack("<HHHd", r, c, 0, 1.0)))
        else:
            cells.append(_record(kind, struct.pack("<HHH", r, c, 0)))
    height = dimensions[0] if dimensions else len(rows)
    width = dimensions[1] if dimensions else max((len(r) for r in rows), default=0)
    sheet = (
        _record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0, 0, 0, 0))
        + _record(0x0200, struct.pack("<IIHHH", 0, height, 0, width, 0))
        + b"".join(cells)
        + _record(0x000A)
    )
    sst = struct.pack("<II", len(strings), len(strings)) + b"".join(
        struct.pack("<HB", len(s.encode("latin-1")), 0) + s.encode("latin-1") for s in strings
    )
    bof = _record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0, 0, 0, 0))
    codepage = _record(0x0042, struct.pack("<H", 1200))
    rest = _record(0x00FC, sst) + _record(0x000A)
    placeholder = _record(0x0085, struct.pack("<IH", 0, 0) + _short_text("Sheet1"))
    offset = len(bof) + len(codepage) + len(placeholder) + len(rest)  # where the sheet's BOF starts
    boundsheet = _record(0x0085, struct.pack("<IH", offset, 0) + _short_text("Sheet1"))
    return bof + codepage + boundsheet + rest + sheet


def ole_file(stream: bytes, name: str = "Workbook") -> bytes:
    """An OLE compound file (version 3, 512-byte sectors) holding one stream, padded out of the mini stream."""
    stream = stream + b"\0" * max(0, 4096 - len(stream))
    count = -(-len(stream) // 512)
    body = stream + b"\0" * (count * 512 - len(stream))
    free, end, fat_sector = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD

    def entry(title: str, kind: int, child: int, start: int, size: int) -> bytes:
        encoded = (title + "\0").encode("utf-16-le")
        return (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", free, free, child)
            + b"\0" * 16
            + b"\0" * 4
            + b"\0" * 16
            + struct.pack("<IQ", start, size)
        )

    directory = entry("Root Entry", 5, 1, end, 0) + entry(name, 2, free, 0, len(stream))
    directory = directory.ljust(512, b"\0")
    fat = [*range(1, count), end, end, fat_sector]
    fat_bytes = struct.pack(f"<{len(fat)}I", *fat).ljust(512, b"\xff")
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x003E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, 1, count, 0, 4096, end, 0, end, 0)
        + struct.pack("<109I", count + 1, *([free] * 108))
    )
    return header + body + directory + fat_bytes
