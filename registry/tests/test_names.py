"""Name and symbol conflict check (UU 17/2013 Pasal 59): registry/names.py and the Cek nama page."""

import pytest
from django.urls import reverse

from registry.models import ReservedName
from registry.names import find_conflicts, parse
from wadah.testing import make_ormas

pytestmark = pytest.mark.django_db


def _ormas_hits(conflicts):
    return {c.name: c for c in conflicts if c.kind == "ormas"}


def _reserved_hits(conflicts):
    return {c.name: c for c in conflicts if c.kind == "reserved"}


def test_it_normalises_generic_words_punctuation_and_the_trailing_abbreviation():
    parsed = parse("Ikatan  Pemuda-Dayak (IPD)")
    assert parsed.distinctive == "pemuda dayak"
    assert parsed.abbreviation == "ipd"
    # Spelling key: j and y fall together (old j = new y).
    assert parse("Persatuan Pemuda Dayak Kab. Kotim").full == "persatuan pemuda dayak kabupaten kotawaringin timur"
    kotim = parse("Persatuan Pemuda Dayak Kab. Kotim")
    assert kotim.region == ("kabupaten", "kotawaringin timur")
    # A name of region words only is compared on them.
    assert parse("Laskar Indonesia").distinctive == "indonesia"
    assert parse("Persatoean Pemoeda Dajak").distinctive == parse("Persatuan Pemuda Dayak").distinctive


def test_it_finds_an_exact_duplicate(city_ormas):
    hits = _ormas_hits(find_conflicts(city_ormas.name))
    assert hits[city_ormas.name].score == 100


def test_it_finds_near_duplicates_despite_spacing_punctuation_accents_and_prefix(db):
    make_ormas(name="Persatuan Pemuda Dayak Kahayan", abbreviation="PPDK")
    for proposal in (
        "Persatuan  Pemuda-Dayak, Kahayan",
        "PERSATUAN PEMUDA DAYAK KAHAYÁN",
        "Ikatan Pemuda Dayak Kahayan",
        "Pemuda Dayak Kahayan",
        "Persatuan Pemuda Dajak Kahayan",
        "Persatuan Pemuda Dayak Kahayan Bersatu",
    ):
        hits = _ormas_hits(find_conflicts(proposal))
        assert "Persatuan Pemuda Dayak Kahayan" in hits, proposal
        assert hits["Persatuan Pemuda Dayak Kahayan"].score >= 85, proposal


def test_it_flags_the_same_abbreviation(db):
    make_ormas(name="Gerakan Rakyat Peduli Hutan", abbreviation="GRPH")
    hits = _ormas_hits(find_conflicts("Komunitas Pecinta Sungai Barito", "G.R.P.H."))
    assert hits["Gerakan Rakyat Peduli Hutan"].score >= 85
    assert "abbreviation" in hits["Gerakan Rakyat Peduli Hutan"].reason.lower()


@pytest.mark.parametrize(
    ("proposal", "abbreviation", "reserved", "category"),
    [
        ("Laskar Garuda Pancasila", "", "Garuda Pancasila", "state_symbol"),
        ("Front Pembela Islam Kalteng", "", "Front Pembela Islam", "banned_organisation"),
        ("Densus 88 Relawan", "", "Detasemen Khusus 88 Antiteror", "tni_polri"),
        ("Relawan Polri Peduli", "", "Kepolisian Negara Republik Indonesia", "tni_polri"),
        ("Kementrian Dalam Negri Peduli", "", "Kementerian Dalam Negeri", "government"),
        ("Barisan Muda Golkar", "", "Partai Golongan Karya", "political_party"),
        ("Forum Pemuda Harapan", "PKI", "Partai Komunis Indonesia", "banned_organisation"),
        ("Perhimpunan Palang Merah Pemuda", "", "Palang Merah", "foreign_state_or_international"),
    ],
)
def test_it_flags_reserved_names_per_category(proposal, abbreviation, reserved, category):
    hits = _reserved_hits(find_conflicts(proposal, abbreviation))
    assert reserved in hits, (proposal, list(hits))
    assert hits[reserved].category == category
    assert hits[reserved].score >= 80
    assert hits[reserved].legal_basis


def test_it_stays_quiet_for_an_unrelated_name(city_ormas, kotim_ormas):
    assert find_conflicts("Perkumpulan Pecinta Anggrek Hutan Katingan") == []
    # "bin" in a person's name is not the Badan Intelijen Negara.
    assert not _reserved_hits(find_conflicts("Yayasan Ahmad bin Umar Sejahtera"))


def test_it_ignores_inactive_reserved_names(db):
    ReservedName.objects.filter(name="Front Pembela Islam").update(is_active=False)
    assert "Front Pembela Islam" not in _reserved_hits(find_conflicts("Front Pembela Islam Kalteng"))


def test_it_excludes_the_ormas_being_edited(city_ormas):
    assert city_ormas.name in _ormas_hits(find_conflicts(city_ormas.name))
    assert city_ormas.name not in _ormas_hits(find_conflicts(city_ormas.name, exclude_ormas_id=city_ormas.pk))


def test_it_ranks_best_first_and_limits(db):
    for place in ("", " Katingan", " Kapuas", " Sukamara", " Seruyan"):
        make_ormas(name=f"Forum Pengrajin Manik Sampit{place}", abbreviation="")
    conflicts = find_conflicts("Forum Pengrajin Manik Sampit", limit=3)
    assert len(conflicts) == 3
    assert conflicts[0].name == "Forum Pengrajin Manik Sampit"
    assert [c.score for c in conflicts] == sorted((c.score for c in conflicts), reverse=True)


def test_it_returns_nothing_for_an_empty_proposal(db):
    assert find_conflicts("  ") == []


def test_the_page_shows_matches_to_an_officer(client, city_officer, kotim_ormas):
    client.force_login(city_officer)
    url = reverse("registry:name-check")
    assert client.get(url).status_code == 200
    response = client.get(url, {"name": "Persatuan Nelayan Sungai Mentaya"})
    body = response.content.decode()
    assert "Persatuan Nelayan Sungai Mentaya" in body
    # Out of the officer's scope: shown, but not linked.
    assert reverse("registry:ormas-detail", args=[kotim_ormas.pk]) not in body
    fragment = client.get(url, {"name": "Front Pembela Islam"}, headers={"HX-Request": "true"})
    assert "<html" not in fragment.content.decode()
    assert "Front Pembela Islam" in fragment.content.decode()


def test_the_page_links_ormas_in_scope(client, province_officer, kotim_ormas):
    client.force_login(province_officer)
    body = client.get(reverse("registry:name-check"), {"name": kotim_ormas.name}).content.decode()
    assert reverse("registry:ormas-detail", args=[kotim_ormas.pk]) in body


def test_the_page_needs_login_and_registry_access(client, ormas_account):
    url = reverse("registry:name-check")
    assert client.get(url).status_code == 302
    client.force_login(ormas_account)
    assert client.get(url).status_code == 403
