"""The pages: out of scope is a 404, bad input a clear error with nothing changed, the Ormas record's panel,
the Ormas account's proposals and business units, and the figures per kab/kota and programme with their export."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from partnerships.models import BusinessUnit, BusinessUnitYear, Partnership
from partnerships.tests.helpers import city, kotim, link, not_a_document, pdf, unit
from services.tests.helpers import account_for


@pytest.fixture
def two(db):
    return city("Ikatan Pemuda Tepian Kahayan", "IPTK"), city("Forum Perempuan Kahayan", "FPK")


def _form(**overrides):
    data = {
        "counterpart": "partner",
        "partner_kind": "company",
        "partner_name": "PT Borneo Lestari",
        "kind": "mou",
        "title": "CSR pelatihan menjahit",
        "starts_on": "2025-03-01",
        "ends_on": "",
    }
    data.update(overrides)
    return data


def test_an_officer_records_a_partnership_and_sees_it_on_the_record(client, city_officer, two):
    a, b = two
    client.force_login(city_officer)
    response = client.post(reverse("partnerships:record", args=[a.pk]), _form(document=pdf()))
    assert response.status_code == 302
    assert Partnership.objects.get().partner.name == "PT Borneo Lestari"
    record = client.get(a.get_absolute_url()).content.decode()
    assert 'id="jejaring"' in record and "PT Borneo Lestari" in record
    with_other = client.post(
        reverse("partnerships:record", args=[a.pk]), _form(counterpart="ormas", other_ormas=str(b.public_id))
    )
    assert with_other.status_code == 302
    assert Partnership.objects.filter(other_ormas=b).exists()


@pytest.mark.indonesian
def test_bad_input_is_refused_in_indonesian_with_nothing_changed(client, city_officer, two):
    a, _b = two
    client.force_login(city_officer)
    url = reverse("partnerships:record", args=[a.pk])
    before = client.post(url, _form(ends_on="2025-01-01"))
    assert before.status_code == 400 and "tidak dapat berakhir sebelum dimulai" in before.content.decode()
    junk = client.post(url, _form(document=not_a_document()))
    assert junk.status_code == 400 and "Jenis berkas ini tidak diterima" in junk.content.decode()
    assert not Partnership.objects.exists()
    client.post(url, _form())
    duplicate = client.post(url, _form(starts_on="2025-06-01"))
    assert duplicate.status_code == 400 and "sudah tercatat" in duplicate.content.decode()
    assert Partnership.objects.count() == 1


def test_an_officer_out_of_scope_gets_404_everywhere(client, kotim_officer, city_officer, two):
    a, _b = two
    partnership = link(a, city_officer, document=pdf())
    business = unit(a, city_officer)
    client.force_login(kotim_officer)
    urls = [
        reverse("partnerships:ormas", args=[a.pk]),
        reverse("partnerships:record", args=[a.pk]),
        reverse("partnerships:unit-new", args=[a.pk]),
        reverse("partnerships:detail", args=[partnership.pk]),
        reverse("partnerships:document", args=[partnership.pk, partnership.documents.get().pk]),
        reverse("partnerships:unit", args=[business.pk]),
        reverse("partnerships:unit-edit", args=[business.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("partnerships:record", args=[a.pk]), _form()).status_code == 404
    assert (
        client.post(reverse("partnerships:detail", args=[partnership.pk]), {"do": "remove", "reason": "x"}).status_code
        == 404
    )
    assert Partnership.objects.get().status == Partnership.Status.CONFIRMED


def test_the_ormas_account_proposes_a_link_with_another_ormas_and_the_office_confirms(client, city_officer, two):
    a, b = two
    account = account_for(a)
    client.force_login(account)
    found = client.get(reverse("partnerships:ormas-search"), {"q": "Perempuan"}).content.decode()
    assert str(b.public_id) in found and str(a.public_id) not in found
    response = client.post(
        reverse("partnerships:propose"), _form(counterpart="ormas", other_ormas=str(b.public_id), partner_kind="")
    )
    assert response.status_code == 302
    proposed = Partnership.objects.get()
    assert proposed.status == Partnership.Status.PROPOSED and proposed.other_ormas == b
    assert "Forum Perempuan Kahayan" in client.get(reverse("partnerships:mine")).content.decode()
    client.force_login(city_officer)
    assert "Forum Perempuan Kahayan" in client.get(reverse("partnerships:proposals")).content.decode()
    client.post(reverse("partnerships:detail", args=[proposed.pk]), {"do": "confirm"})
    assert Partnership.objects.get().status == Partnership.Status.CONFIRMED


def test_the_network_page_lists_clusters_beside_the_chart(client, city_officer, two):
    a, b = two
    link(a, city_officer, other=b)
    lone = city("Paguyuban Seni Tambun Bungai", "PSTB")
    client.force_login(city_officer)
    page = client.get(reverse("partnerships:network")).content.decode()
    assert 'id="network-chart"' in page and 'id="cluster-table"' in page and 'id="network-data"' in page
    assert lone.name in page
    assert "vendor/echarts/echarts.min.js" in page
    assert client.get(reverse("partnerships:network"), {"isolated": "99999999999999", "page": "abc"}).status_code == 200


def test_business_units_with_yearly_figures_per_kab_kota_and_programme(client, city_officer, kotim_officer, two):
    a, _b = two
    far = kotim("Persatuan Nelayan Sungai Mentaya", "PNSM")
    account = account_for(a)
    client.force_login(account)
    response = client.post(
        reverse("partnerships:my-unit-new"),
        {"name": "UMKM Anyaman Rotan", "kind": "umkm_binaan", "sector": "kerajinan", "members_involved": "12"},
    )
    assert response.status_code == 302
    business = BusinessUnit.objects.get()
    assert business.regency_id == "62.71"
    year = dt.date.today().year - 1
    figures = {
        "year": str(year),
        "members_involved": "12",
        "people_trained": "30",
        "businesses_started": "4",
        "revenue_band": "lt300jt",
    }
    assert client.post(reverse("partnerships:unit", args=[business.pk]), figures).status_code == 302
    negative = client.post(reverse("partnerships:unit", args=[business.pk]), {**figures, "people_trained": "-3"})
    assert negative.status_code == 400 and BusinessUnitYear.objects.get().people_trained == 30
    unit(far, kotim_officer, name="Koperasi Nelayan Mentaya")
    client.force_login(city_officer)
    page = client.get(reverse("partnerships:empowerment"), {"year": year}).content.decode()
    assert "Kota Palangkaraya" in page and "Kotawaringin" not in page
    export = client.get(reverse("partnerships:empowerment-export"), {"year": year, "by": "programme"})
    sheet = load_workbook(io.BytesIO(export.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[-1][0] == "Total" and rows[-1][1] == 1 and rows[-1][7] == 30
    assert client.get(reverse("partnerships:empowerment"), {"year": "1e309", "by": "x"}).status_code == 200


def test_a_business_unit_formula_name_is_neutralised_in_the_export(client, city_officer, two):
    a, _b = two
    unit(a, city_officer, name="=HYPERLINK(1)")
    client.force_login(city_officer)
    export = client.get(reverse("partnerships:empowerment-export"), {"by": "regency"})
    assert export.status_code == 200
