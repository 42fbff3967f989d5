"""Issue 11 item 5: imports accept Ormas that are known but not registered (MK 82/PUU-XI/2013)."""

from imports.tests.helpers import ormas_row
from registry.models import Ormas


def test_imports_accept_ormas_dalam_proses_and_terdata(province_officer, run_import, commit):
    rows = [
        ormas_row(1, "Ikatan Proses Satu", village="Langkai", skt="", issued="", expires="", status="Dalam proses SKT"),
        ormas_row(2, "Ikatan Terdata Dua", village="Langkai", skt="", issued="", expires="", status="Belum terdaftar"),
    ]
    batch = run_import(province_officer, rows)
    commit(batch)
    assert Ormas.objects.get(name="Ikatan Proses Satu").status == Ormas.Status.IN_PROCESS
    assert Ormas.objects.get(name="Ikatan Terdata Dua").status == Ormas.Status.TERDATA
