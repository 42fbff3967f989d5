import datetime as dt

import pytest
from django.urls import reverse

from regions.models import Region
from registry import actions
from registry.models import Ormas
from registry.search import search
from wadah.testing import make_chapter, make_ormas

NIK = "6271011204850002"


@pytest.fixture
def registry(db):
    kahayan = make_ormas()
    lingkungan = make_ormas(name="Forum Peduli Lingkungan Hidup", abbreviation="FPLH", skt_number="07-11/455/X/2024")
    chapter = make_chapter(lingkungan)
    actions.add_board_member(chapter, by=None, nik=NIK, person_values={"name": "Rahmat Hidayat"}, position="ketua")
    return kahayan, lingkungan


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("tepian kahayan", "IPTK"),
        ("TEPIAN", "IPTK"),
        ("fplh", "FPLH"),
        ("07-11/455/X/2024", "FPLH"),
        ("455/X", "FPLH"),
        ("rahmat hidayat", "FPLH"),
        (NIK, "FPLH"),
        ("6271 0112 0485 0002", "FPLH"),
    ],
)
def test_it_finds_by_name_abbreviation_number_board_member_and_nik(registry, query, expected):
    found = list(search(Ormas.objects.all(), query, by_nik=True))
    assert [o.abbreviation for o in found] == [expected]


def test_a_nik_finds_nothing_unless_the_caller_may_search_by_nik(registry):
    assert not search(Ormas.objects.all(), NIK).exists()
    assert not search(Ormas.objects.all(), "6271 0112 0485 0002").exists()


def test_it_returns_everything_for_an_empty_query(registry):
    assert search(Ormas.objects.all(), "  ").count() == 2


def test_it_returns_nothing_for_an_unknown_nik(registry):
    assert not search(Ormas.objects.all(), "6271011204850009", by_nik=True).exists()


def test_it_answers_htmx_with_only_the_results_partial(client, city_officer, registry):
    client.force_login(city_officer)
    response = client.get(reverse("registry:ormas-list"), {"q": "rahmat"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "Forum Peduli Lingkungan Hidup" in response.text
    assert "Tepian Kahayan" not in response.text
    assert "<html" not in response.text and 'id="filters"' not in response.text


def test_it_renders_the_whole_page_without_htmx(client, city_officer, registry):
    client.force_login(city_officer)
    response = client.get(reverse("registry:ormas-list"), {"q": "kahayan"})
    assert "<html" in response.text and 'id="filters"' in response.text
    assert "Tepian Kahayan" in response.text and "Forum Peduli" not in response.text


def _names(client, **params) -> list[str]:
    response = client.get(reverse("registry:ormas-list"), params, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    return [o.name for o in response.context["page"].object_list]


@pytest.fixture
def varied(db):
    today = dt.date.today()
    kotim_village = Region.objects.filter(code__startswith="62.02.", level="desa").first().code
    return {
        "soon": make_ormas(name="Alpha Soon", abbreviation="AS", skt_expires_on=today + dt.timedelta(days=20)),
        "later": make_ormas(name="Bravo Later", abbreviation="BL", skt_expires_on=today + dt.timedelta(days=400)),
        "expired": make_ormas(
            name="Charlie Expired",
            abbreviation="CE",
            skt_issued_on=today - dt.timedelta(days=2000),
            skt_expires_on=today - dt.timedelta(days=3),
        ),
        "yayasan": make_ormas(
            name="Delta Yayasan",
            abbreviation="DY",
            legal_form=Ormas.LegalForm.FOUNDATION,
            ahu_number="AHU-0001.AH.01.04",
        ),
        "kotim": make_ormas(village=kotim_village, name="Echo Kotim", abbreviation="EK"),
    }


def test_it_filters_by_regency(client, province_officer, varied):
    client.force_login(province_officer)
    assert _names(client, regency="62.02") == ["Echo Kotim"]
    assert "Echo Kotim" not in _names(client, regency="62.71")


def test_it_filters_by_status(client, province_officer, varied):
    actions.change_ormas_status(
        varied["later"],
        Ormas.Status.FROZEN,
        by=None,
        reason="Putusan",
        decision=actions.Decision(number="SK 1", date=dt.date(2026, 1, 5), basis="Pasal 62(2)"),
    )
    client.force_login(province_officer)
    assert _names(client, status="dibekukan") == ["Bravo Later"]


def test_it_filters_by_legal_form(client, province_officer, varied):
    client.force_login(province_officer)
    assert _names(client, legal_form="yayasan") == ["Delta Yayasan"]


def test_it_filters_skt_expiring_within_n_days(client, province_officer, varied):
    client.force_login(province_officer)
    assert _names(client, expiring=30) == ["Alpha Soon"]


def test_it_filters_expired_skt(client, province_officer, varied):
    client.force_login(province_officer)
    assert _names(client, expired="on") == ["Charlie Expired"]


def test_it_sorts(client, province_officer, varied):
    client.force_login(province_officer)
    names = _names(client)
    assert names == sorted(names)
    assert _names(client, sort="-name") == sorted(names, reverse=True)
    by_skt = _names(client, sort="skt")
    assert by_skt.index("Charlie Expired") < by_skt.index("Alpha Soon") < by_skt.index("Bravo Later")


def test_it_paginates_25_a_page(client, province_officer, db):
    for i in range(30):
        make_ormas(name=f"Ormas Nomor {i:02d}", abbreviation=f"ON{i}", skt_number=f"01/{i}/2024")
    client.force_login(province_officer)
    first = client.get(reverse("registry:ormas-list"))
    assert len(first.context["page"].object_list) == 25
    assert "page=2" in first.text
    second = client.get(reverse("registry:ormas-list"), {"page": 2})
    assert len(second.context["page"].object_list) == 5
    assert client.get(reverse("registry:ormas-list"), {"page": 99}).status_code == 200
