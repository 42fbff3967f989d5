import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from registry import actions
from registry.models import BoardMember, Person
from wadah.testing import make_chapter, make_ormas

NIK = "6271011204850002"


def test_it_reuses_one_person_across_many_boards(db, province_officer):
    first = make_chapter(make_ormas())
    second = make_chapter(make_ormas(name="Forum Peduli Lingkungan", abbreviation="FPL", skt_number="03/2024"))
    actions.add_board_member(
        first, by=province_officer, nik=NIK, person_values={"name": "Budi Santoso"}, position="ketua"
    )
    actions.add_board_member(
        second, by=province_officer, nik=NIK, person_values={"name": "Budi Santoso"}, position="bendahara"
    )
    assert Person.objects.filter(nik=NIK).count() == 1
    person = Person.objects.get(nik=NIK)
    assert person.seats.count() == 2
    assert person.birth_date == dt.date(1985, 4, 12)
    assert person.gender == Person.Gender.MALE


def test_it_refuses_the_same_position_twice(db):
    chapter = make_chapter(make_ormas())
    actions.add_board_member(chapter, by=None, nik=NIK, person_values={"name": "Budi"}, position="ketua")
    with pytest.raises(ValidationError):
        actions.add_board_member(chapter, by=None, nik=NIK, person_values={"name": "Budi"}, position="ketua")


def test_it_adds_a_board_member_through_the_form(client, city_officer, city_ormas):
    chapter = make_chapter(city_ormas)
    client.force_login(city_officer)
    url = reverse("registry:board-add", args=[city_ormas.pk, chapter.pk])
    response = client.post(url, {"nik": "6271015204850003", "name": "Siti Aminah", "position": "sekretaris"})
    assert response.status_code == 302
    person = Person.objects.get(nik="6271015204850003")
    assert person.gender == Person.Gender.FEMALE


def test_it_refuses_a_known_nik_with_another_name(client, city_officer, city_ormas):
    chapter = make_chapter(city_ormas)
    actions.add_board_member(chapter, by=None, nik=NIK, person_values={"name": "Budi Santoso"}, position="ketua")
    client.force_login(city_officer)
    url = reverse("registry:board-add", args=[city_ormas.pk, chapter.pk])
    response = client.post(url, {"nik": NIK, "name": "Andi Wijaya", "position": "anggota"})
    assert response.status_code == 200
    assert "Budi Santoso" in response.text
    assert BoardMember.objects.count() == 1


def test_it_refuses_a_15_digit_nik_in_the_form(client, city_officer, city_ormas):
    chapter = make_chapter(city_ormas)
    client.force_login(city_officer)
    url = reverse("registry:board-add", args=[city_ormas.pk, chapter.pk])
    response = client.post(url, {"nik": NIK[:15], "name": "Budi", "position": "ketua"})
    assert response.status_code == 200
    assert "15" in response.text and "16" in response.text
    assert not BoardMember.objects.exists()


def test_it_keeps_a_seat_that_ended_as_former(client, city_officer, city_ormas):
    chapter = make_chapter(city_ormas)
    seat = actions.add_board_member(chapter, by=None, nik=NIK, person_values={"name": "Budi Santoso"}, position="ketua")
    client.force_login(city_officer)
    response = client.post(
        reverse("registry:seat-end", args=[city_ormas.pk, seat.pk]),
        {"ended_on": "2026-01-15", "reason": "Mengundurkan diri"},
    )
    assert response.status_code == 302
    seat.refresh_from_db()
    assert seat.ended_on == dt.date(2026, 1, 15) and not seat.is_current
    detail = client.get(city_ormas.get_absolute_url()).text
    assert "Budi Santoso" in detail
    assert "seat-past" in detail
    assert "Mengundurkan diri" in detail
    # Ending it twice is refused.
    with pytest.raises(ValidationError):
        actions.end_board_member(seat, by=None, ended_on=dt.date(2026, 2, 1), reason="lagi")


def test_it_accepts_a_nik_typed_with_spaces(client, city_officer, city_ormas):
    chapter = make_chapter(city_ormas)
    client.force_login(city_officer)
    url = reverse("registry:board-add", args=[city_ormas.pk, chapter.pk])
    response = client.post(url, {"nik": "6271 0152 0485 0003", "name": "Siti Aminah", "position": "sekretaris"})
    assert response.status_code == 302
    assert Person.objects.filter(nik="6271015204850003").exists()
