"""Fixtures for guidance tests."""

import pytest

from guidance.tests.helpers import account_of, make_event, make_programme


@pytest.fixture
def programme(city_officer):
    return make_programme(city_officer)


@pytest.fixture
def event(programme, city_officer):
    return make_event(programme, city_officer)


@pytest.fixture
def account(city_ormas):
    return account_of(city_ormas)
