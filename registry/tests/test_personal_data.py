import pytest
from django.urls import reverse

from audit.models import Entry
from registry import actions
from wadah.testing import make_chapter
from wadah.tests_crosscutting.helpers import login_verified

NIK = "6271011204850002"
MASKED = "627101" + "•" * 8 + "02"


@pytest.fixture
def seat(city_ormas):
    return actions.add_board_member(
        make_chapter(city_ormas), by=None, nik=NIK, person_values={"name": "Budi Santoso"}, position="ketua"
    )


@pytest.mark.parametrize("role", ["city_officer", "province_officer", "leader", "agency_member", "system_admin"])
def test_it_masks_the_nik_on_the_detail_page_for_everyone(request, client, city_ormas, seat, role):
    login_verified(client, request.getfixturevalue(role))
    text = client.get(city_ormas.get_absolute_url()).text
    assert NIK not in text
    assert MASKED in text


def test_it_reveals_a_nik_on_request_and_logs_it(client, city_officer, city_ormas, seat):
    client.force_login(city_officer)
    url = reverse("registry:person-nik", args=[city_ormas.pk, seat.person_id])
    response = client.post(url, REMOTE_ADDR="10.1.2.3")
    assert response.status_code == 200 and NIK in response.text
    entry = Entry.objects.get(action="person.nik_viewed")
    assert entry.actor == city_officer and entry.ormas == city_ormas and entry.ip_address == "10.1.2.3"
    assert NIK not in str(entry.changes) + str(entry.data)


def test_it_refuses_a_nik_to_a_tim_terpadu_member(client, agency_member, city_ormas, seat):
    client.force_login(agency_member)
    response = client.post(reverse("registry:person-nik", args=[city_ormas.pk, seat.person_id]))
    assert response.status_code == 404
    assert not Entry.objects.filter(action="person.nik_viewed").exists()


def test_it_refuses_get_for_the_nik_endpoint(client, city_officer, city_ormas, seat):
    client.force_login(city_officer)
    assert client.get(reverse("registry:person-nik", args=[city_ormas.pk, seat.person_id])).status_code == 405


def test_it_refuses_a_person_not_on_this_ormas(client, city_officer, city_ormas, kotim_ormas):
    other = actions.add_board_member(
        make_chapter(kotim_ormas), by=None, nik="6202011204850004", person_values={"name": "Lain"}, position="ketua"
    )
    client.force_login(city_officer)
    assert client.post(reverse("registry:person-nik", args=[city_ormas.pk, other.person_id])).status_code == 404
