"""Persons across scopes and NIK search (issue 8 item 2)."""

import pytest
from django.urls import reverse

from audit.models import Entry
from registry import actions
from registry.people import NIK_SEARCH_LIMITS
from wadah.testing import make_chapter

NIK = "6271015204850003"  # born 12-04-1985, female


@pytest.fixture
def recorded_in_pky(city_ormas, city_officer):
    """A person seated first in Palangka Raya, with details only that office recorded."""
    seat = actions.add_board_member(
        make_chapter(city_ormas),
        by=city_officer,
        nik=NIK,
        person_values={"name": "Siti Aminah", "address": "Jl. Rahasia No. 7", "phone": "081299990000"},
        position="ketua",
    )
    return seat.person


def _board_form(kotim_ormas):
    chapter = make_chapter(kotim_ormas)
    return chapter, reverse("registry:board-add", args=[kotim_ormas.pk, chapter.pk])


def test_a_nik_lookup_does_not_disclose_a_name_recorded_in_another_scope(
    client, kotim_officer, kotim_ormas, recorded_in_pky
):
    """Finding: a kab/kota officer adding a NIK recorded under another kab/kota was told that person's name."""
    _chapter, url = _board_form(kotim_ormas)
    client.force_login(kotim_officer)
    response = client.post(url, {"nik": NIK, "name": "Orang Lain", "position": "ketua"})
    html = response.content.decode()
    assert response.status_code == 200 and "Siti Aminah" not in html
    assert "already recorded by another office" in html


def test_seating_a_person_from_another_scope_needs_their_name_and_birth_date(
    client, kotim_officer, kotim_ormas, recorded_in_pky
):
    chapter, url = _board_form(kotim_ormas)
    client.force_login(kotim_officer)
    wrong_date = client.post(url, {"nik": NIK, "name": "Siti Aminah", "position": "ketua", "birth_date": "1985-04-13"})
    assert wrong_date.status_code == 200 and not chapter.board.exists()
    ok = client.post(url, {"nik": NIK, "name": "siti aminah", "position": "ketua", "birth_date": "1985-04-12"})
    assert ok.status_code == 302 and chapter.board.get().person == recorded_in_pky


def test_seating_gives_no_access_to_the_details_another_office_recorded(
    client, kotim_officer, kotim_ormas, recorded_in_pky
):
    """Finding: after seating the person the officer could read and edit their full NIK, address, phone, e-mail."""
    chapter = make_chapter(kotim_ormas)
    actions.add_board_member(
        chapter, by=kotim_officer, nik=NIK, person_values={"name": "Siti Aminah"}, position="ketua"
    )
    client.force_login(kotim_officer)
    page = client.get(kotim_ormas.get_absolute_url()).content.decode()
    assert "Siti Aminah" in page and NIK not in page
    assert reverse("registry:person-edit", args=[kotim_ormas.pk, recorded_in_pky.pk]) not in page
    assert client.get(reverse("registry:person-edit", args=[kotim_ormas.pk, recorded_in_pky.pk])).status_code == 404
    assert client.post(reverse("registry:person-nik", args=[kotim_ormas.pk, recorded_in_pky.pk])).status_code == 404


def test_the_correct_details_page_logs_the_full_nik_it_shows(client, city_officer, city_ormas, recorded_in_pky):
    """Finding: the "correct details" page showed a full NIK without the person.nik_viewed entry."""
    client.force_login(city_officer)
    page = client.get(reverse("registry:person-edit", args=[city_ormas.pk, recorded_in_pky.pk]))
    assert page.status_code == 200 and NIK in page.content.decode()
    entry = Entry.objects.get(action="person.nik_viewed")
    assert entry.actor == city_officer and entry.subject_id == str(recorded_in_pky.pk)


@pytest.mark.parametrize("persona", ["agency_member", "system_admin"])
def test_roles_without_personal_data_access_cannot_confirm_a_nik_by_search(client, persona, request, recorded_in_pky):
    """Finding: a masked NIK could be confirmed by searching for candidates (no log, no limit)."""
    client.force_login(request.getfixturevalue(persona))
    page = client.get(reverse("registry:ormas-list"), {"q": NIK}).content.decode()
    assert "Ikatan Pemuda Tepian Kahayan" not in page and "only for officers" in page
    assert not Entry.objects.filter(action="person.nik_searched").exists()


def test_a_nik_search_is_logged_and_limited_per_account(client, city_officer, recorded_in_pky):
    client.force_login(city_officer)
    first = client.get(reverse("registry:ormas-list"), {"q": NIK}).content.decode()
    assert "Ikatan Pemuda Tepian Kahayan" in first
    entry = Entry.objects.get(action="person.nik_searched")
    assert entry.actor == city_officer and NIK not in str(entry.data) and entry.data["matches"] == 1
    (_window, limit), *_rest = NIK_SEARCH_LIMITS
    for _i in range(limit - 1):
        client.get(reverse("registry:ormas-list"), {"q": NIK})
    over = client.get(reverse("registry:ormas-list"), {"q": NIK}).content.decode()
    assert "Ikatan Pemuda Tepian Kahayan" not in over and "many times" in over
    assert Entry.objects.filter(action="person.nik_searched").count() == limit
