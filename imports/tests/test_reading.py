"""Header detection, column guesses, region matching and every kind of bad file."""

import io
import zipfile

import pytest
from django.urls import reverse

from imports.columns import find_header, guess_mapping
from imports.matching import RegionMatcher
from imports.models import ImportBatch
from imports.reading import OLE_MAGIC
from imports.tests.helpers import HEADERS, csv_bytes, ormas_row, upload, xlsx_bytes
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
