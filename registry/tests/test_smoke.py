from django.urls import reverse


def test_it_lists_and_opens_an_ormas_in_scope(client, city_officer, city_ormas):
    client.force_login(city_officer)
    response = client.get(reverse("registry:ormas-list"))
    assert city_ormas.name in response.text
    response = client.get(city_ormas.get_absolute_url())
    assert response.status_code == 200


def test_it_hides_an_ormas_outside_the_officers_kabupaten(client, city_officer, kotim_ormas):
    client.force_login(city_officer)
    assert client.get(kotim_ormas.get_absolute_url()).status_code == 404
