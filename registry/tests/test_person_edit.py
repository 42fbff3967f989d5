from django.urls import reverse

from audit.models import Entry
from registry import actions
from wadah.testing import make_chapter


def _seat(ormas):
    chapter = make_chapter(ormas)
    return actions.add_board_member(
        chapter, by=None, nik="6271015504900002", person_values={"name": "Sari Lestari"}, position="ketua"
    )


def test_it_corrects_a_board_members_address_and_records_it(client, city_officer, city_ormas):
    seat = _seat(city_ormas)
    client.force_login(city_officer)
    url = reverse("registry:person-edit", args=[city_ormas.pk, seat.person.pk])
    response = client.post(url, {"nik": "6271015504900002", "name": "Sari Lestari", "address": "Jl. Kenanga 5"})
    assert response.status_code == 302
    seat.person.refresh_from_db()
    assert seat.person.address == "Jl. Kenanga 5"
    entry = Entry.objects.get(action="person.updated")
    assert entry.changes == {"address": ["", "Jl. Kenanga 5"]}
    assert entry.ormas == city_ormas


def test_it_refuses_a_nik_with_an_impossible_birth_date_and_changes_nothing(client, city_officer, city_ormas):
    seat = _seat(city_ormas)
    client.force_login(city_officer)
    url = reverse("registry:person-edit", args=[city_ormas.pk, seat.person.pk])
    response = client.post(url, {"nik": "6271013302900002", "name": "Sari Lestari"})
    assert response.status_code == 200
    assert "330290" in response.text  # the digits that are not a date are named back to the officer
    seat.person.refresh_from_db()
    assert seat.person.nik == "6271015504900002"
    assert not Entry.objects.filter(action="person.updated").exists()


def test_it_hides_people_of_an_ormas_out_of_scope(client, city_officer, kotim_ormas):
    seat = _seat(kotim_ormas)
    client.force_login(city_officer)
    url = reverse("registry:person-edit", args=[kotim_ormas.pk, seat.person.pk])
    assert client.get(url).status_code == 404
