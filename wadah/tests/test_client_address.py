"""Behind the proxy every client has its own address, for axes and for every rate limit."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from wadah.lib.clientip import client_ip


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "127.0.0.1"),  # no proxy configured: a client's own header is ignored
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # the client made up the first entry
        (2, "6.6.6.6, 203.0.113.9, 10.0.0.2", "203.0.113.9"),
        (2, "203.0.113.9", "203.0.113.9"),
        (1, "", "127.0.0.1"),
    ],
)
def test_the_client_is_read_from_the_right_of_x_forwarded_for(settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def _fail(client, username, address):
    return client.post(
        reverse("accounts:login"),
        {"username": username, "password": "wrong-password"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR=address,
    )


def test_one_address_cannot_lock_someone_elses_account(client, settings, city_officer):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _fail(client, city_officer.username, "198.51.100.7")
    assert _fail(client, city_officer.username, "198.51.100.7").status_code == 429  # locked for that address only
    response = client.post(
        reverse("accounts:login"),
        {"username": city_officer.username, "password": "test-password-123"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.20",
    )
    assert response.status_code == 302


def test_a_guesser_changing_address_is_stopped_per_account(client, settings, city_officer):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.LOGIN_USERNAME_FAILURE_LIMIT = 8
    for i in range(8):
        _fail(client, city_officer.username, f"198.51.100.{i}")
    response = client.post(
        reverse("accounts:login"),
        {"username": city_officer.username, "password": "test-password-123"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.99",
    )
    assert response.status_code == 200
    assert "Too many failed logins" in response.text
