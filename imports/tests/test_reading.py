"""Header detection, column guesses, region matching and every kind of bad file."""

import io
import re
import struct
import tracemalloc
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from imports import reading
from imports.columns import find_header, guess_mapping
from imports.matching import RegionMatcher
from imports.models import ImportBatch
from imports.reading import OLE_MAGIC
from imports.tests.helpers import HEADERS, biff_workbook, csv_bytes, ole_file, ormas_row, upload, xlsx_bytes
from registry.models import Ormas


def test_header_found_below_title_rows():
    rows = [
        ["DAFTAR ORMAS"],
        [None],
        [None, "Nama Ormas", "Alamat", "Kab/Kota", "No. SKT"],
        [1, "X", "Jl", "Kotim", "1"],
    ]
    index, height, headings = find_header(rows)
    assert (index, height) == (2, 1)
    assert guess_mapping(headings) == {"1": "name", "2": "address", "3": "regency", "4": "skt_number"}


def test_merged_two_line_header_is_combined():
    rows = [
        ["No", "Nama Organisasi", "Alamat", "SKT", None, None, "Kabupaten/Kota"],
        [None, None, None, "Nomor", "Tanggal", "Masa Berlaku", None],
        [1, "Ikatan", "Jl. A", "123", "12 Januari 2025", "12-01-2030", "Kotim"],
    ]
    index, height, headings = find_header(rows)
    assert (index, height) == (0, 2)
    mapping = guess_mapping(headings)
    assert mapping["3"] == "skt_number" and mapping["4"] == "skt_issued_on" and mapping["5"] == "skt_expires_on"


@pytest.mark.parametrize(
    ("heading", "target"),
    [
        ("NAMA ORMAS", "name"),
        ("Alamat Sekretariat", "address"),
        ("Kab./Kota", "regency"),
        ("Desa / Kelurahan", "village"),
        ("No. SK AHU", "ahu_number"),
        ("Badan Hukum", "legal_form"),
        ("Bidang Kegiatan", "field_of_activity"),
        ("No. Telp/HP", "phone"),
        ("E-mail", "email"),
        ("Tgl. SKT", "skt_issued_on"),
        ("Berlaku s/d", "skt_expires_on"),
    ],
)
def test_heading_synonyms(heading, target):
    assert guess_mapping([heading]) == {"0": target}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Palangkaraya", "62.71"),
        ("Kota Palangka Raya", "62.71"),
        ("PALANGKA RAYA", "62.71"),
        ("Kab. Kotim", "62.02"),
        ("Kotawaringin Timur", "62.02"),
        ("Kabupaten Kotawaringin Timur", "62.02"),
        ("KAB. KAPUAS", "62.03"),
        ("Kobar", "62.01"),
        ("Barsel", "62.04"),
        ("Barut", "62.05"),
        ("Bartim", "62.13"),
        ("Mura", "62.12"),
        ("Kab Pulpis", "62.11"),
        ("Gumas", "62.10"),
        ("Kotawaringin Timor", "62.02"),
        ("62.06", "62.06"),
        ("Jakarta Selatan", None),
    ],
)
def test_regency_spellings(text, code):
    assert RegionMatcher().regency(text) == code


@pytest.mark.django_db
def test_village_matching():
    matcher = RegionMatcher()
    assert matcher.village("62.71", "", "Kel. Langkai") == ("62.71.01.1003", None)
    assert matcher.village("62.71", "Kec. Bukit Batu", "Tangkiling") == ("62.71.02.1004", "62.71.02")
    assert matcher.village("62.71", "", "Nowhere")[0] is None


def _post(client, user, content, name="daftar.xlsx"):
    client.force_login(user)
    return client.post(reverse("imports:start"), {"file": upload(content, name)})


def _codes(response) -> list[str]:
    return [error.code for error in response.context["form"].errors.as_data()["file"]]


def _zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (210 * 1024 * 1024))
    return out.getvalue()


PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 200
EXE = b"MZ\x90\x00\x03" + b"\0" * 200
ENCRYPTED = (
    OLE_MAGIC
    + b"\0" * 500
    + "EncryptionInfo".encode("utf-16-le")
    + b"\0" * 100
    + "EncryptedPackage".encode("utf-16-le")
)


@pytest.mark.parametrize(
    ("content", "name", "code"),
    [
        (b"", "daftar.xlsx", "empty"),
        (PNG, "daftar.xlsx", "file_type"),
        (EXE, "daftar.xlsx", "file_type"),
        (EXE, "daftar.exe", "file_type"),
        (ENCRYPTED, "daftar.xlsx", "encrypted"),
        (b"PK\x03\x04 not really a zip", "daftar.xlsx", "damaged"),
        (OLE_MAGIC + b"\0" * 600, "daftar.xls", "damaged"),
        (b"Laporan tahunan\nTidak ada tabel di sini\n", "catatan.csv", "no_header"),
        (xlsx_bytes([[1, 2, 3]], headers=["Foo", "Bar", "Baz"]), "daftar.xlsx", "no_header"),
    ],
    ids=["empty", "png", "exe-renamed", "exe", "encrypted", "bad-zip", "bad-ole", "csv-no-header", "xlsx-no-header"],
)
def test_bad_files_are_refused(client, province_officer, content, name, code):
    response = _post(client, province_officer, content, name)
    assert response.status_code == 200
    assert _codes(response) == [code]
    assert not ImportBatch.objects.exists()
    assert not Ormas.objects.exists()


def test_zip_bomb_refused(client, province_officer):
    response = _post(client, province_officer, _zip_bomb())
    assert _codes(response) == ["zip_bomb"]
    assert not ImportBatch.objects.exists()


def test_file_over_the_cap_refused(client, province_officer, settings):
    settings.WADAH_MAX_IMPORT_MB = 1
    response = _post(client, province_officer, b"a,b\n" * 300_000, "besar.csv")
    assert _codes(response) == ["too_large"]
    assert not ImportBatch.objects.exists()


def test_cp1252_csv_with_semicolons(province_officer, run_import):
    rows = [ormas_row(1, "Himpunan Pemuda Café Dayak", village="Langkai")]
    batch = run_import(province_officer, data=csv_bytes(rows, encoding="cp1252"), name="daftar.csv")
    row = batch.rows.get()
    assert row.values["name"] == "Himpunan Pemuda Café Dayak"
    assert row.state == "ok" and row.values["skt_issued_on"] == "2023-01-12"


def test_utf8_bom_csv_with_commas(province_officer, run_import):
    rows = [ormas_row(1, "Ikatan Sarjana Dayak", village="Langkai")]
    data = b"\xef\xbb\xbf" + csv_bytes(rows, delimiter=",")
    batch = run_import(province_officer, data=data, name="daftar.csv")
    assert batch.columns[0] == HEADERS[0]
    assert batch.rows.get().state == "ok"


def _rewrite_sheet(data: bytes, change) -> bytes:
    """The workbook with its first sheet's XML passed through change(text)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = change(content.decode()).encode()
            target.writestr(item, content)
    return out.getvalue()


def _whole_sheet_dimension(text: str) -> str:
    return re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="A1:XFD1048576"/>', text)


def test_declared_dimension_of_the_whole_sheet_is_not_trusted(province_officer, run_import):
    """Issue 8: the <dimension> says A1:XFD1048576; the list is still read from its two real rows."""
    data = _rewrite_sheet(xlsx_bytes([ormas_row(1, "Ikatan Dimensi", village="Langkai")]), _whole_sheet_dimension)
    batch = run_import(province_officer, data=data)
    assert batch.total == 1 and batch.rows.get().state == "ok"


@pytest.mark.indonesian
def test_a_cell_at_the_last_row_and_column_is_refused_without_allocating(client, province_officer):
    """Issue 8: a 1.5 KB workbook whose one far cell spans A1:XFD1048576 aborted the process (calamine allocates
    the rectangle). It is now refused from a scan of the cells, with a message saying what to do."""
    far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    data = _rewrite_sheet(
        xlsx_bytes([ormas_row(1, "Ikatan Bom", village="Langkai")], title_rows=0),
        lambda text: _whole_sheet_dimension(text).replace("</sheetData>", far),
    )
    assert len(data) < 10_000
    tracemalloc.start()
    try:
        response = _post(client, province_officer, data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert _codes(response) == ["too_big"]
    assert "1048576" in response.content.decode() and "Hapus baris dan kolom kosong" in response.content.decode()
    assert peak < 50 * 1024 * 1024
    assert not ImportBatch.objects.exists()


def test_only_formatted_far_cells_do_not_count(province_officer, run_import):
    """An empty cell that only carries a format (as spreadsheet programs write) is not content."""
    data = _rewrite_sheet(
        xlsx_bytes([ormas_row(1, "Ikatan Format", village="Langkai")]),
        lambda text: text.replace("</sheetData>", '<row r="1048576"><c r="XFD1048576" s="0"/></row></sheetData>'),
    )
    assert run_import(province_officer, data=data).rows.get().state == "ok"


def test_cells_without_a_reference_are_read_row_by_row(province_officer, run_import):
    """Cells may leave out their reference; then the careful reader (openpyxl, read-only) reads the list."""
    data = _rewrite_sheet(
        xlsx_bytes([ormas_row(1, "Ikatan Tanpa Referensi", village="Langkai")]),
        lambda text: re.sub(r'(<c) r="[A-Z]+[0-9]+"', r"\1", text),
    )
    assert reading.xlsx_extent(data) is None
    row = run_import(province_officer, data=data).rows.get()
    assert row.values["name"] == "Ikatan Tanpa Referensi" and row.state == "ok"


def test_too_wide_a_row_is_refused_by_the_careful_reader(client, province_officer):
    wide = "".join(f"<c t='inlineStr'><is><t>{i}</t></is></c>" for i in range(reading.MAX_COLUMNS + 5))
    data = _rewrite_sheet(
        xlsx_bytes([ormas_row(1, "Ikatan Lebar", village="Langkai")]),
        lambda text: re.sub(r'(<c) r="[A-Z]+[0-9]+"', r"\1", text).replace(
            "</sheetData>", f"<row>{wide}</row></sheetData>"
        ),
    )
    assert _codes(_post(client, province_officer, data)) == ["too_big"]


def _ods(content: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        archive.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
            '<manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>",
        )
        archive.writestr(
            "content.xml",
            '<?xml version="1.0"?><office:document-content '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
            f'<office:body><office:spreadsheet><table:table table:name="S">{content}</table:table>'
            "</office:spreadsheet></office:body></office:document-content>",
        )
    return out.getvalue()


def _ods_cell(text: str, repeat: int = 1) -> str:
    extra = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    return f'<table:table-cell office:value-type="string"{extra}><text:p>{text}</text:p></table:table-cell>'


def test_repeated_cells_in_an_ods_are_refused(client, province_officer):
    """The .ods form of the same bomb: one filled cell repeated across every column of a million rows."""
    header = "".join(_ods_cell(h) for h in ("Nama Organisasi", "Alamat", "Kabupaten/Kota", "Nomor SKT"))
    tall = f'<table:table-row table:number-rows-repeated="1048570">{_ods_cell("x")}</table:table-row>'
    data = _ods(f"<table:table-row>{header}</table:table-row>{tall}")
    assert len(data) < 5_000
    assert _codes(_post(client, province_officer, data, "daftar.ods")) == ["too_big"]
    wide = f'<table:table-row table:number-rows-repeated="1048570">{_ods_cell("x", 16384)}</table:table-row>'
    data = _ods(f"<table:table-row>{header}</table:table-row>{wide}")
    assert _codes(_post(client, province_officer, data, "daftar.ods")) == ["too_many_cells"]


def test_an_ods_list_is_read(province_officer, run_import):
    cells = ("Nama Organisasi", "Alamat", "Kelurahan", "Nomor SKT")
    values = ("Ikatan ODS", "Jl. A", "Langkai", "123/SKT")
    rows = "".join(f"<table:table-row>{''.join(_ods_cell(v) for v in r)}</table:table-row>" for r in (cells, values))
    batch = run_import(
        province_officer,
        data=_ods(
            rows + '<table:table-row table:number-rows-repeated="1000000">'
            '<table:table-cell table:number-columns-repeated="1024"/>'
            "</table:table-row>"
        ),
        name="daftar.ods",
    )
    assert batch.rows.get().values["name"] == "Ikatan ODS"


@pytest.mark.indonesian
def test_a_csv_field_over_the_csv_module_limit_is_refused(client, province_officer):
    """Issue 8: a CSV field over 131,072 characters raised csv.Error inside the request (a 500)."""
    data = (f"Nama Organisasi;Alamat;Kabupaten/Kota;Nomor SKT\nIkatan;{'A' * 140_000};Kotim;1\n").encode()
    response = _post(client, province_officer, data, "daftar.csv")
    assert response.status_code == 200 and _codes(response) == ["csv_field"]
    assert "Baris 2" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_an_unclosed_quote_in_a_csv_is_refused(client, province_officer):
    data = ('Nama Organisasi;Alamat;Kabupaten/Kota;Nomor SKT\nIkatan;"Jl. A' + "x" * 200_000 + "\n").encode()
    assert _codes(_post(client, province_officer, data, "daftar.csv")) == ["csv_field"]


# --- legacy .xls ---------------------------------------------------------------------------------------------------


def _xls(rows=None, **options) -> bytes:
    rows = rows or [["DAFTAR ORMAS"], HEADERS, ormas_row(1, "Ikatan Lama", village="Langkai")]
    return ole_file(biff_workbook(rows, **options))


def test_a_legacy_xls_workbook_is_read(province_officer, run_import):
    data = _xls(dimensions=(65_536, 256))  # the declared DIMENSIONS are not what is checked
    assert reading.xls_extent(data)[:2] == (3, len(HEADERS))
    batch = run_import(province_officer, data=data, name="daftar.xls")
    row = batch.rows.get()
    assert batch.file_kind == "xls" and row.values["name"] == "Ikatan Lama" and row.state == "ok"


@pytest.mark.indonesian
def test_an_xls_cell_at_the_last_row_and_column_is_refused_before_reading(client, province_officer):
    """A 5 KB .xls whose one far cell (row 65,536, column 256) would make the reader size the sheet at 16 million
    cells: refused from a scan of the cell records, with a message in Indonesian, and nothing saved."""
    data = _xls(extra_cells=[(0x0203, 65_535, 255)])
    assert len(data) < 10_000
    tracemalloc.start()
    try:
        response = _post(client, province_officer, data, name="daftar.xls")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert _codes(response) == ["too_big"]
    page = response.content.decode()
    assert "65536" in page and "Hapus baris dan kolom kosong" in page
    assert peak < 50 * 1024 * 1024
    assert not ImportBatch.objects.exists()


def test_xls_blank_far_cells_and_too_many_cells(monkeypatch):
    # A formatted empty cell (BLANK) is not content, as with .xlsx; MULRK runs count each of their cells.
    assert reading.xls_extent(_xls(extra_cells=[(0x0201, 65_535, 255)]))[:2] == (3, len(HEADERS))
    monkeypatch.setattr(reading, "MAX_CELLS", 1000)
    stream = biff_workbook([["Nama"]])
    many = b"".join(
        struct.pack("<HHHH", 0x00BD, 6 + 6 * 50, row, 0) + b"\0" * (6 * 50) + struct.pack("<H", 49)
        for row in range(1000 // 50 + 1)
    )
    with pytest.raises(ValidationError) as refused:
        reading.xls_extent(ole_file(stream[:-4] + many + stream[-4:]))
    assert refused.value.code == "too_many_cells"


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:600],  # cut short
        lambda data: data[:0x30] + struct.pack("<I", 10**6) + data[0x34:],  # directory beyond the file
        lambda data: data[:0x4C] + struct.pack("<I", 0) + data[0x50:],  # the FAT is the stream itself
    ],
    ids=["truncated", "directory-outside", "fat-loop"],
)
def test_a_damaged_xls_container_is_refused(damage):
    with pytest.raises(ValidationError) as refused:
        reading.read_sheets(damage(_xls()), "xls")
    assert refused.value.code == "damaged"
