"""Fixtures for the grants tests (helpers in grants/tests/helpers.py)."""

import pytest

from accounts.models import Role, User
from grants.models import GrantWindow
from grants.tests.helpers import eligible_ormas, make_window
from registry.models import Ormas
from services.tests.helpers import account_for
from wadah.testing import make_user


@pytest.fixture
def ormas(db) -> Ormas:
    return eligible_ormas()


@pytest.fixture
def applicant(ormas) -> User:
    return account_for(ormas)


@pytest.fixture
def city_leader(db) -> User:
    return make_user("leader.pky", Role.LEADER, office_code="62.71")


@pytest.fixture
def window(db) -> GrantWindow:
    return make_window()
