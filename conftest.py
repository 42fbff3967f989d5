"""Shared fixtures: reference data loaded once, and the personas every test can log in as."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from accounts.models import Role, User
from regions.models import Region
from registry.models import Ormas
from wadah.testing import make_ormas, make_user, pass_second_factor

BASE_DIR = Path(__file__).resolve().parent


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path, request):
    settings.MEDIA_ROOT = tmp_path / "private"
    # Tests assert messages in the source language; tests of the Indonesian UI say so with @pytest.mark.indonesian.
    if request.node.get_closest_marker("indonesian") is None:
        settings.LANGUAGE_CODE = "en"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _force_login_is_verified(monkeypatch):
    """Tests that log in with force_login act as a fully verified user (admin, Pimpinan and officers need a second
    factor since issue 8). Tests of the login and the second step itself post to the login page instead."""
    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        pass_second_factor(self, user)

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database gets the Kalteng regions, the offices and the agencies (read-only reference data)."""
    with django_db_blocker.unblock():
        quiet = io.StringIO()
        call_command("load_regions", BASE_DIR / "data" / "wilayah_kalteng.csv", stdout=quiet)
        call_command("setup_offices", stdout=quiet)


@pytest.fixture
def province_officer(db) -> User:
    return make_user("officer.prov", Role.OFFICER, office_code="62")


@pytest.fixture
def city_officer(db) -> User:
    """An officer of Kota Palangka Raya (62.71)."""
    return make_user("officer.pky", Role.OFFICER, office_code="62.71")


@pytest.fixture
def kotim_officer(db) -> User:
    """An officer of Kabupaten Kotawaringin Timur (62.02)."""
    return make_user("officer.kotim", Role.OFFICER, office_code="62.02")


@pytest.fixture
def leader(db) -> User:
    return make_user("leader", Role.LEADER, office_code="62")


@pytest.fixture
def agency_member(db) -> User:
    return make_user("polda.member", Role.AGENCY_MEMBER, agency="Polda")


@pytest.fixture
def system_admin(db) -> User:
    return make_user("sysadmin", Role.ADMIN, office_code="62")


@pytest.fixture
def ormas_account(db) -> User:
    return make_user("ormas.account", Role.ORMAS_ACCOUNT)


@pytest.fixture
def city_ormas(db) -> Ormas:
    """An Ormas in Kota Palangka Raya."""
    return make_ormas()


@pytest.fixture
def kotim_ormas(db) -> Ormas:
    """An Ormas in Kabupaten Kotawaringin Timur (62.02), outside Palangka Raya's scope."""
    village = Region.objects.filter(code__startswith="62.02.", level="desa").first()
    assert village is not None
    return make_ormas(
        village=village.code, name="Persatuan Nelayan Sungai Mentaya", abbreviation="PNSM", skt_number="02-00-00/9/2023"
    )
