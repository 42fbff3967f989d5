"""Fixtures for supervision tests: agency members of the Tim Terpadu and an opened case."""

import pytest

from accounts.models import Office, Role
from supervision import actions
from wadah.testing import make_user


@pytest.fixture
def polda_member(db):
    return make_user("polda.agent", Role.AGENCY_MEMBER, agency="Polda")


@pytest.fixture
def binda_member(db):
    return make_user("binda.agent", Role.AGENCY_MEMBER, agency="BINDA")


@pytest.fixture
def city_office(db):
    return Office.objects.get(region_id="62.71")


@pytest.fixture
def case(city_officer, city_ormas, city_office):
    return actions.open_case(
        ormas=city_ormas, office=city_office, by=city_officer, summary="Pungutan liar di pasar", source="complaint"
    )


@pytest.fixture
def pimpinan(db):
    """The head (Pimpinan) of the Palangka Raya office, who decides and signs sanction steps."""
    return make_user("pimpinan.pky", Role.LEADER, office_code="62.71")
