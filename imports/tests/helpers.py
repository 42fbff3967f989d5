import csv
import datetime as dt
import io

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
