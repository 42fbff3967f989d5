"""The whole import: analysis, matching, decisions, the all-or-nothing commit, scope and audit."""

import time

from django.urls import reverse

from audit.models import Entry
from imports.models import ImportBatch, ImportRow
from imports.tests.helpers import ormas_row, xlsx_bytes
from registry import actions
from registry.models import FieldOfActivity, Ormas
from wadah.testing import make_ormas


def rows_by_number(batch):
    """Rows keyed by the file's own "No" column (blank rows by their spreadsheet row number)."""
    return {int(row.raw[0]) if row.raw and row.raw[0] else -row.number: row for row in batch.rows.all()}


def test_analysis_of_an_office_file(province_officer, run_import):
    rows = [
        ormas_row(1, "Ikatan Pemuda Dayak", "Palangkaraya", village="Langkai", issued="12/01/2023", expires=46764),
        ormas_row(2, "Persatuan Nelayan Mentaya", "Kab. Kotim", district="Kota Besi", village="Palangan"),
        [None] * 15,
        ormas_row(4, "IKATAN PEMUDA DAYAK", "KOTA PALANGKA RAYA", village="Langkai"),
        ormas_row(5, "Tanpa Desa", "KAB. KAPUAS"),
        ormas_row(6, "Yayasan Peduli", "Gumas", village="x", form="Yayasan", skt=""),
        ormas_row(7, "Tanggal Aneh", "Kota Palangka Raya", village="Langkai", issued="besok"),
    ]
    batch = run_import(province_officer, rows, merged_header=True)
    assert batch.status == ImportBatch.Status.READY
    assert (batch.header_row, batch.header_rows, batch.total) == (2, 2, 7)
    got = rows_by_number(batch)
    first = got[1]
    assert first.number == 5  # 2 title rows + 2 header rows: the first data row is row 5 in Excel
    assert first.state == ImportRow.State.OK and first.action == ImportRow.Action.CREATE
    assert first.values["region"] == "62.71.01.1003"
    assert first.values["skt_issued_on"] == "2023-01-12" and first.values["skt_expires_on"] == "2028-01-12"
    assert first.values["legal_form"] == Ormas.LegalForm.UNINCORPORATED
    assert got[2].values["region"] == "62.02.01.2003" and got[2].state == ImportRow.State.OK
    assert got[-7].state == ImportRow.State.BLANK
    assert got[4].state == ImportRow.State.ERROR and "row 5" in got[4].errors[0]
    assert got[5].state == ImportRow.State.ERROR and "could not be determined" in got[5].errors[0]
    # A yayasan without SKT or SK AHU is recorded as terdata (issue 9), not refused; its village is unknown.
    assert got[6].values["status"] == Ormas.Status.TERDATA and any("not found" in e for e in got[6].errors)
    assert any("not a date" in e for e in got[7].errors)
    assert got[4].action == ImportRow.Action.UNDECIDED


def test_default_village_applies_only_within_its_regency(province_officer, run_import):
    rows = [ormas_row(1, "Tanpa Desa Kapuas", "Kapuas"), ormas_row(2, "Tanpa Desa Kota", "Palangka Raya")]
    batch = run_import(province_officer, rows, default_region="62.71.02.1004")
    got = rows_by_number(batch)
    assert got[1].state == ImportRow.State.ERROR
    assert got[2].values["region"] == "62.71.02.1004" and got[2].values["default_region"] is True


def test_mapping_can_be_corrected(province_officer, run_import, client):
    rows = [ormas_row(1, "Ikatan A", village="Langkai", abbreviation="IKA")]
    batch = run_import(province_officer, rows)
    mapping = dict(batch.mapping)
    mapping.pop("2")  # ignore the Singkatan column
    batch = run_import(province_officer, rows, mapping=mapping)
    assert "2" not in batch.mapping and batch.rows.get().values["abbreviation"] == ""
    # Two columns for one field, or no name column, are refused.
    form = {f"col_{k}": v for k, v in mapping.items()} | {"col_2": "name"}
    response = client.post(reverse("imports:mapping", args=[batch.public_id]), form)
    assert response.status_code == 200 and response.context["form"].errors
    form = {f"col_{k}": v for k, v in mapping.items() if v != "name"}
    response = client.post(reverse("imports:mapping", args=[batch.public_id]), form)
    assert response.status_code == 200 and response.context["form"].non_field_errors()


def test_duplicates_of_existing_ormas(province_officer, run_import):
    existing = make_ormas()  # Ikatan Pemuda Tepian Kahayan (IPTK), Palangka Raya
    rows = [
        ormas_row(1, "IKATAN PEMUDA TEPIAN KAHAYAN", "Palangkaraya", village="Pahandut"),
        ormas_row(2, "Ikatan Pemuda Tepian Kahayan Kalteng", "Palangkaraya", village="Pahandut", abbreviation="IPTK"),
        ormas_row(3, "Ikatan Pemuda Tepian Kahayan", "Kab. Kotim", village="Palangan"),  # another kab/kota
        ormas_row(4, "Lembaga Adat Baru", "Palangkaraya", village="Pahandut"),
    ]
    got = rows_by_number(run_import(province_officer, rows))
    assert got[1].state == ImportRow.State.DUPLICATE and got[1].action == ImportRow.Action.SKIP
    assert got[1].matches[0] == {"id": existing.pk, "name": str(existing), "score": 100}
    assert got[2].matches and got[2].matches[0]["id"] == existing.pk and got[2].best_score >= 75
    assert got[3].matches == [] and got[3].action == ImportRow.Action.CREATE
    assert got[4].matches == [] and got[4].state == ImportRow.State.OK


def test_create_update_skip_with_audit(province_officer, run_import, commit, client):
    existing = make_ormas()
    FieldOfActivity.objects.get_or_create(name="Kepemudaan")
    rows = [
        ormas_row(1, "Ikatan Pemuda Tepian Kahayan", "Palangkaraya", village="Pahandut", email="iptk@example.org"),
        ormas_row(2, "Lembaga Adat Baru", "Palangkaraya", village="Langkai", status="Tidak Aktif"),
        ormas_row(3, "Dilewati Saja", "Palangkaraya", village="Langkai"),
    ]
    batch = run_import(province_officer, rows)
    got = rows_by_number(batch)
    response = client.post(
        reverse("imports:decide", args=[batch.public_id]),
        {f"row-{got[1].pk}": f"update:{existing.pk}", f"row-{got[2].pk}": "create", f"row-{got[3].pk}": "skip"},
    )
    assert response.status_code == 302
    response = commit(batch)
    assert batch.status == ImportBatch.Status.DONE, batch.error
    assert (batch.created_count, batch.updated_count, batch.skipped_count) == (1, 1, 1)
    existing.refresh_from_db()
    assert existing.email == "iptk@example.org"
    new = Ormas.objects.get(name="Lembaga Adat Baru")
    assert new.status == Ormas.Status.INACTIVE and new.region_id == "62.71.01.1003" and new.regency_code == "62.71"
    assert not Ormas.objects.filter(name="Dilewati Saja").exists()
    created_entry = Entry.objects.get(action="ormas.created", ormas=new, actor=province_officer)
    assert created_entry.changes["name"] == [None, new.name]  # the same before → after a hand-made record gets
    assert Entry.objects.filter(action="ormas.updated", ormas=existing, actor=province_officer).exists()
    imported = Entry.objects.get(action="ormas.imported")
    assert imported.data["created"] == 1 and imported.data["updated"] == 1
    page = client.get(reverse("imports:batch", args=[batch.public_id]))
    assert b"Lembaga Adat Baru" in page.content  # the done page lists the result


def test_update_keeps_status(province_officer, run_import, commit, client):
    existing = make_ormas()
    batch = run_import(
        province_officer, [ormas_row(1, existing.name, "Palangkaraya", village="Pahandut", status="Bubar")]
    )
    row = batch.rows.get()
    client.post(reverse("imports:decide", args=[batch.public_id]), {f"row-{row.pk}": f"update:{existing.pk}"})
    commit(batch)
    existing.refresh_from_db()
    assert batch.status == ImportBatch.Status.DONE and existing.status == Ormas.Status.ACTIVE
    assert any("recorded decision" in warning for warning in row.warnings)


def test_a_sheets_sanction_status_never_creates_a_sanctioned_ormas(province_officer, run_import):
    """Issue 11 item 4: dibekukan, dicabut and bubar come only from a recorded decision, not from an import."""
    batch = run_import(province_officer, [ormas_row(1, "Laskar Baru", village="Langkai", status="Dibekukan")])
    row = batch.rows.get()
    assert row.state == ImportRow.State.ERROR and "recorded decision" in " ".join(row.errors)
    assert not Ormas.objects.filter(status__in=Ormas.SANCTION_STATUSES).exists()


def test_errors_block_commit_until_skipped(province_officer, run_import, commit, client):
    rows = [ormas_row(1, "Baik", village="Langkai"), ormas_row(2, "", village="Langkai")]
    batch = run_import(province_officer, rows)
    response = commit(batch)
    assert batch.status == ImportBatch.Status.READY and not Ormas.objects.exists()
    assert response.context["summary"]["undecided"] == 1
    error_row = batch.rows.get(state=ImportRow.State.ERROR)
    # An error row cannot be set to "create".
    client.post(reverse("imports:decide", args=[batch.public_id]), {f"row-{error_row.pk}": "create"})
    error_row.refresh_from_db()
    assert error_row.action == ""
    client.post(reverse("imports:skip-errors", args=[batch.public_id]))
    commit(batch)
    assert batch.status == ImportBatch.Status.DONE and Ormas.objects.count() == 1


def test_failure_mid_commit_writes_nothing(province_officer, run_import, commit, monkeypatch):
    rows = [ormas_row(n, f"Ormas Nomor {n}", village="Langkai") for n in range(1, 6)]
    batch = run_import(province_officer, rows)
    real = actions.create_ormas_many
    calls = []

    def flaky(entries, **kwargs):
        # The Ormas are written, then the disk fills: the whole import must roll back.
        calls.append(real(entries, **kwargs))
        raise RuntimeError("disk full")

    monkeypatch.setattr(actions, "create_ormas_many", flaky)
    commit(batch)
    assert len(calls) == 1 and len(calls[0]) == 5
    assert batch.status == ImportBatch.Status.READY and "Nothing was imported" in batch.error
    assert not Ormas.objects.exists()
    assert not Entry.objects.filter(action__startswith="ormas.").exists()


def test_batches_of_another_office_are_404(client, province_officer, city_officer, kotim_officer, run_import):
    batch = run_import(city_officer, [ormas_row(1, "A", village="Langkai")])
    for name in ("batch", "mapping", "confirm", "progress"):
        client.force_login(kotim_officer)
        assert client.get(reverse(f"imports:{name}", args=[batch.public_id])).status_code == 404
    client.force_login(kotim_officer)
    assert client.post(reverse("imports:skip-errors", args=[batch.public_id])).status_code == 404
    client.force_login(province_officer)  # the province office oversees its kab/kota offices
    assert client.get(reverse("imports:batch", args=[batch.public_id])).status_code == 200
    own = run_import(province_officer, [ormas_row(1, "B", village="Langkai")])
    client.force_login(city_officer)
    assert client.get(reverse("imports:batch", args=[own.public_id])).status_code == 404


def test_only_editors_may_import(client, agency_member):
    client.force_login(agency_member)
    assert client.get(reverse("imports:start")).status_code == 403


def test_city_officer_cannot_import_other_regencies(city_officer, run_import, commit):
    rows = [
        ormas_row(1, "Milik Kota", "Palangkaraya", village="Langkai"),
        ormas_row(2, "Milik Kotim", "Kotim", village="Palangan"),
    ]
    got = rows_by_number(run_import(city_officer, rows))
    assert got[1].state == ImportRow.State.OK
    assert got[2].state == ImportRow.State.ERROR and "outside your office" in got[2].errors[0]


def test_city_officer_file_without_regency_column(city_officer, run_import):
    rows = [["Ikatan Tanpa Kolom Kab", "Jl. A", "Langkai", "123/SKT"]]
    data = xlsx_bytes(rows, headers=["Nama Ormas", "Alamat", "Kelurahan", "Nomor SKT"])
    row = run_import(city_officer, data=data).rows.get()
    assert row.state == ImportRow.State.OK and row.values["region"] == "62.71.01.1003"


def test_progress_fragment_and_pages(client, province_officer, run_import):
    batch = run_import(province_officer, [ormas_row(n, f"Ormas {n}", village="Langkai") for n in range(1, 60)])
    url = reverse("imports:progress", args=[batch.public_id])
    response = client.get(url, headers={"HX-Request": "true"})
    assert response.headers["HX-Redirect"] == reverse("imports:batch", args=[batch.public_id])
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.ANALYSING, processed=10)
    response = client.get(url, headers={"HX-Request": "true"})
    assert b"<progress" in response.content and b'hx-trigger="every 1s"' in response.content
    page = client.get(reverse("imports:batch", args=[batch.public_id]))
    assert b"<progress" in page.content and b"style=" not in page.content and b"<script>" not in page.content
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.READY)
    page = client.get(reverse("imports:batch", args=[batch.public_id]) + "?page=2")
    assert page.status_code == 200 and page.context["page"].number == 2
    assert b"data-label=" in page.content and b"table-stack" in page.content
    page = client.get(reverse("imports:batch", args=[batch.public_id]) + "?show=problems")
    assert page.context["page"].paginator.count == 0
    assert client.get(reverse("imports:start")).status_code == 200
    assert client.get(reverse("imports:confirm", args=[batch.public_id])).status_code == 200


def test_ten_thousand_rows(province_officer, run_import, commit, client):
    """Not a timing assertion: 10,000 rows are read, checked and imported correctly; the time is printed."""
    make_ormas()
    regencies = ["Palangkaraya", "Kab. Kotim", "Kota Palangka Raya", "Kotawaringin Timur", "KAB. KAPUAS"]
    villages = {"Palangkaraya": "Langkai", "Kab. Kotim": "Palangan", "Kota Palangka Raya": "Tangkiling"}
    villages["Kotawaringin Timur"] = "Hanjalipan"
    rows = [
        ormas_row(
            n, f"Organisasi Nomor {n} {regencies[n % 5]}", regencies[n % 5], village=villages.get(regencies[n % 5], "")
        )
        for n in range(1, 10_001)
    ]
    rows[4][1] = "Ikatan Pemuda Tepian Kahayan"  # No 5 lies in Palangka Raya
    data = xlsx_bytes(rows)
    started = time.perf_counter()
    batch = run_import(province_officer, data=data, default_region="")
    analysed = time.perf_counter()
    assert batch.total == 10_000 and batch.processed == 10_000
    assert batch.rows.filter(state=ImportRow.State.ERROR).count() == 2000  # Kapuas rows name no desa
    assert batch.rows.filter(state=ImportRow.State.DUPLICATE).count() == 1
    client.post(reverse("imports:skip-errors", args=[batch.public_id]))
    commit(batch)
    done = time.perf_counter()
    assert batch.status == ImportBatch.Status.DONE, batch.error
    assert batch.created_count == 7999 and Ormas.objects.count() == 8000
    print(f"\n10,000 rows: upload+analysis {analysed - started:.1f} s, commit of 7,999 creates {done - analysed:.1f} s")
