"""Issue 9: a list as a kab/kota office really keeps it — abbreviated headings, a KET column holding the status,
dash placeholders, villages only in the address text, numbers that lost their leading 0, rows without SKT, and a
totals line, a place-and-date line and a signature block under the list."""

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import Workbook

from audit.models import Entry
from imports.analysis import is_footer, is_placeholder
from imports.columns import guess_mapping, load_synonyms
from imports.matching import RegionMatcher, address_parts
from imports.models import HeadingSynonym, ImportBatch, ImportRow
from registry.models import Ormas
from wadah.testing import make_ormas

pytestmark = pytest.mark.django_db

HEADINGS = ["NO.", "NAMA ORMAS", "ALAMAT SEKRETARIAT", "NO. SKT", "TGL. TERBIT", "NO. TELP", "KET."]


def _messy_sheet() -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.append(["DAFTAR ORMAS TERDAFTAR"])
    ws.append(["BADAN KESBANGPOL KOTA PALANGKA RAYA"])
    ws.append([])
    ws.append(HEADINGS)
    ws.append([1, "Ikatan Pemuda Kahayan", "Jl. Tjilik Riwut Km 5, Kel. Langkai, Kec. Pahandut",
               "220/001/SKT/2021", "12-03-2021", 81234567890, "Aktif"])  # fmt: skip
    ws.append([2, "Persatuan Tani Tangkiling", "Jl. Tangkiling Km 34, Tangkiling", "-", "-", "-", "Tidak Aktif"])
    ws.append([3, "Lembaga Adat Marang", "Desa Marrang, Bukit Batu", "221/002/SKT/2019", "5 Mei 2019",
               "0536-3221234", "bubar"])  # fmt: skip
    ws.append([4, "Forum Warga Sejahtera", "—", "belum ada", "n/a", "", ""])
    ws.append([5, "Ikatan Pemuda Tepian Kahayan", "Jl. Tjilik Riwut No. 1, Pahandut", "01-00-00/123/VII/2022",
               "1 Juli 2022", "", "aktif"])  # fmt: skip
    ws.append([6, "IKATAN PEMUDA KAHAYAN", "Jl. Lain, Kel. Langkai", "220/009/SKT/2021", "", "", ""])
    ws.append([])
    ws.append(["", "JUMLAH", "6 ORMAS"])
    ws.append([])
    ws.append(["", "", "", "", "Palangka Raya, 20 Januari 2025"])
    ws.append(["", "", "", "", "Kepala Badan Kesbangpol"])
    ws.append([])
    ws.append(["", "", "", "", "Drs. NAMA PEJABAT"])
    ws.append(["", "", "", "", "NIP. 19700101 199001 1 001"])
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def _rows(batch):
    return {int(row.raw[0]): row for row in batch.rows.all()}


def test_a_messy_office_list_imports_with_the_right_rows_dates_statuses_and_villages(
    city_officer, run_import, commit, client
):
    registered = make_ormas()
    batch = run_import(city_officer, data=_messy_sheet(), default_region="62.71.01.1002")  # Panarung
    assert batch.mapping == {"1": "name", "2": "address", "3": "skt_number", "4": "skt_issued_on", "5": "phone",
                             "6": "status"}  # fmt: skip
    assert batch.total == 6  # the totals line, the place-and-date line and the signature block are not Ormas
    got = _rows(batch)

    first = got[1]
    assert first.state == ImportRow.State.OK
    assert first.values["region"] == "62.71.01.1003" and first.values["region_guessed"]  # Kel. Langkai
    assert any("guessed from the address" in w for w in first.warnings)
    assert first.values["skt_issued_on"] == "2021-03-12" and first.values["status"] == Ormas.Status.ACTIVE
    assert first.values["phone"] == "0812-3456-7890" and any("leading 0" in w for w in first.warnings)

    second = got[2]  # no prefixes in the address; "-" everywhere; KET says inactive
    assert second.values["region"] == "62.71.02.1004" and second.values["skt_number"] == ""
    assert second.values["skt_issued_on"] is None and second.values["phone"] == ""
    assert second.values["status"] == Ormas.Status.INACTIVE and second.state == ImportRow.State.OK

    third = got[3]  # "Marrang" is Marang in Bukit Batu; "bubar" needs the recorded decision, never a sheet's word
    assert third.values["region"] == "62.71.02.1001" and third.values["sheet_status"] == Ormas.Status.DISSOLVED
    assert third.state == ImportRow.State.ERROR and "recorded decision" in " ".join(third.errors)
    assert third.values["skt_issued_on"] == "2019-05-05" and third.values["phone"] == "(0536) 3221234"

    fourth = got[4]  # nothing but a name: terdata, in the default village, the village standing for the address
    assert fourth.values["status"] == Ormas.Status.TERDATA and fourth.values["default_region"]
    assert fourth.values["region"] == "62.71.01.1002" and fourth.values["address"] == "Panarung, Kec. Pahandut"
    assert fourth.state == ImportRow.State.OK

    assert got[5].state == ImportRow.State.DUPLICATE and got[5].matches[0]["id"] == registered.pk
    assert got[6].state == ImportRow.State.ERROR and "row 5" in " ".join(got[6].errors)  # row 5 of the sheet = No 1

    page = client.get(reverse("imports:batch", args=[batch.public_id]))
    summary = page.context["summary"]
    assert summary["duplicates"] == 2 and summary["errors"] == 2  # what it flagged, counted
    assert page.context["page"].paginator.count == 6

    client.post(reverse("imports:skip-errors", args=[batch.public_id]))
    commit(batch)
    assert batch.status == ImportBatch.Status.DONE, batch.error
    assert batch.created_count == 3 and batch.skipped_count == 3
    created = {o.name: o for o in Ormas.objects.exclude(pk=registered.pk)}
    assert created["Forum Warga Sejahtera"].status == Ormas.Status.TERDATA
    assert "Lembaga Adat Marang" not in created
    assert created["Persatuan Tani Tangkiling"].region_id == "62.71.02.1004"
    assert created["Ikatan Pemuda Kahayan"].phone == "0812-3456-7890"
    assert Entry.objects.filter(action="ormas.created", actor=city_officer).count() == 3
    assert Entry.objects.get(action="ormas.imported").data["created"] == 3


def test_heading_synonyms_are_data_an_administrator_can_extend():
    assert HeadingSynonym.objects.filter(heading="tgl terbit", target="skt_issued_on").exists()  # the seed
    assert guess_mapping(["Nama Ormas", "Diterbitkan Pada"], load_synonyms()) == {"0": "name"}
    HeadingSynonym.objects.create(heading="diterbitkan pada", target="skt_issued_on")
    assert guess_mapping(["Nama Ormas", "Diterbitkan Pada"], load_synonyms()) == {
        "0": "name",
        "1": "skt_issued_on",
    }


@pytest.mark.parametrize(
    ("heading", "target"),
    [("TGL.", "skt_issued_on"), ("TANGGAL DIKELUARKAN", "skt_issued_on"), ("TERBIT", "skt_issued_on"),
     ("KET", "status"), ("KETERANGAN", "status"), ("No. SKT", "skt_number"), ("NOMOR SKT", "skt_number"),
     ("ALAMAT SEKRETARIAT", "address"), ("No. SK Kemenkumham", "ahu_number")],
)  # fmt: skip
def test_abbreviated_headings(heading, target):
    assert guess_mapping([heading], load_synonyms()) == {"0": target}


@pytest.mark.parametrize(
    "texts",
    [["JUMLAH", "12"], ["", "Total", "", "40"], ["", "", "Palangka Raya, 20 Januari 2025"], ["Sampit, 3-2-2025"],
     ["", "Mengetahui,"], ["Kepala Badan Kesbangpol"], ["", "NIP. 19700101 199001 1 001"], ["a.n. Kepala Badan"]],
)  # fmt: skip
def test_footer_rows(texts):
    assert is_footer(texts)


@pytest.mark.parametrize(
    "texts", [["1", "Ikatan Kepala Suku Dayak", "Jl. A", "Kotim"], ["2", "Jumlah Bersama", "Jl. B"]]
)
def test_rows_that_are_not_footers(texts):
    """A row of the list starts with its number; an Ormas whose name begins with "Kepala" is still a row."""
    assert not is_footer(texts)


@pytest.mark.parametrize("text", ["-", "—", "--", "n/a", "N/A", "Belum Ada", "tidak ada", " ", "..."])
def test_placeholders(text):
    assert is_placeholder(text)


def test_address_parts_and_villages():
    assert address_parts("Jl. A No. 5, Kel. Langkai, Kec. Pahandut") == ("Pahandut", "Langkai")
    assert address_parts("Desa Tangkiling Kecamatan Bukit Batu") == ("Bukit Batu", "Tangkiling")
    matcher = RegionMatcher()
    assert matcher.village_in_address("62.71", "Jl. Mahir Mahar, Kelurahan Tangkiling")[0] == "62.71.02.1004"
    assert matcher.village_in_address("62.71", "Jl. A, Palangka Raya")[0] is None
    assert matcher.village_in_address("62.71", "Jl. B, Tumbang Rungan")[0] == "62.71.01.1004"
