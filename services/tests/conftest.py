"""Fixtures for the services tests (the helpers they use are in services/tests/helpers.py)."""

import pytest

from accounts.models import Role, User
from services.tests.helpers import account_for
from wadah.testing import make_user


@pytest.fixture
def applicant(city_ormas) -> User:
    return account_for(city_ormas)


@pytest.fixture
def city_leader(db) -> User:
    return make_user("leader.pky", Role.LEADER, office_code="62.71")
