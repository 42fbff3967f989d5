"""Broad searches: every word in any order, and a list that says when it shows only part of the matches."""

from django.urls import reverse

from registry import search as search_module
from registry.models import Ormas
from registry.search import search, search_capped
from wadah.testing import make_ormas


def _many(prefix: str, count: int, **overrides) -> None:
    for n in range(count):
        make_ormas(name=f"{prefix} Nomor {n}", abbreviation=f"X{n}", skt_number=f"{prefix[:3]}-{n}/2024", **overrides)


def test_it_finds_every_word_in_any_order(city_ormas):
    assert list(search(Ormas.objects.all(), "kahayan pemuda")) == [city_ormas]
    assert not search(Ormas.objects.all(), "kahayan nelayan").exists()


def test_it_caps_a_broad_search_and_says_so(monkeypatch, db):
    _many("Ikatan Pemuda", 5)
    monkeypatch.setattr(search_module, "SMALL_RESULT", 3)
    result, cut = search_capped(Ormas.objects.all(), "pemuda")
    assert cut and result.count() == 3
    result, cut = search_capped(Ormas.objects.all(), "pemuda nomor 4")
    assert not cut and result.count() == 1


def test_it_applies_the_filters_before_capping_the_search(client, province_officer, monkeypatch, db):
    _many("Ikatan Pemuda", 5)
    inactive = make_ormas(name="Ikatan Pemuda Sunyi", abbreviation="IPS", skt_number="IPS-1/2024", status="tidak_aktif")
    monkeypatch.setattr(search_module, "SMALL_RESULT", 3)
    client.force_login(province_officer)
    response = client.get(reverse("registry:ormas-list"), {"q": "pemuda", "status": "tidak_aktif"})
    assert list(response.context["page"].object_list) == [inactive]
    assert not response.context["search_cut"]


def test_it_tells_the_officer_when_only_part_of_the_matches_is_listed(client, province_officer, monkeypatch, db):
    _many("Ikatan Pemuda", 5)
    monkeypatch.setattr(search_module, "SMALL_RESULT", 3)
    client.force_login(province_officer)
    response = client.get(reverse("registry:ormas-list"), {"q": "pemuda"}, HTTP_HX_REQUEST="true")
    assert response.context["search_cut"]
    assert response.context["page"].paginator.count == 3
    assert "alert-warning" in response.text


def test_the_export_holds_every_match_of_a_broad_search(client, province_officer, monkeypatch, db):
    from io import BytesIO

    from openpyxl import load_workbook

    _many("Ikatan Pemuda", 5)
    monkeypatch.setattr(search_module, "SMALL_RESULT", 3)
    client.force_login(province_officer)
    response = client.get(reverse("registry:ormas-export"), {"q": "pemuda"})
    sheet = load_workbook(BytesIO(response.content)).active
    assert sheet.max_row == 1 + 5
