import io

from django.urls import reverse
from openpyxl import load_workbook

from wadah.testing import make_ormas


def _sheet(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    assert "attachment" in response["Content-Disposition"] and ".xlsx" in response["Content-Disposition"]
    return load_workbook(io.BytesIO(response.content)).active


def test_it_exports_the_filtered_list(client, province_officer, city_ormas, kotim_ormas):
    client.force_login(province_officer)
    sheet = _sheet(client.get(reverse("registry:ormas-export"), {"regency": "62.02"}))
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 2
    assert rows[1][0] == kotim_ormas.name
    assert rows[1][3] == kotim_ormas.skt_number


def test_it_exports_only_what_the_user_may_see(client, city_officer, city_ormas, kotim_ormas):
    client.force_login(city_officer)
    names = [
        row[0] for row in _sheet(client.get(reverse("registry:ormas-export"))).iter_rows(min_row=2, values_only=True)
    ]
    assert names == [city_ormas.name]


def test_it_neutralises_formula_injection(client, province_officer, db):
    make_ormas(name='=HYPERLINK("http://evil.example","klik")', abbreviation="+SUM(A1)", address="@cmd|' /C calc'!A0")
    client.force_login(province_officer)
    sheet = _sheet(client.get(reverse("registry:ormas-export")))
    row = next(sheet.iter_rows(min_row=2))
    name, abbreviation = row[0], row[1]
    assert name.data_type == "s" and name.value.startswith("'=")
    assert abbreviation.data_type == "s" and abbreviation.value.startswith("'+")
    assert all(cell.data_type != "f" for cell in row)
