"""Shared fixtures: reference data loaded once, and the personas every test can log in as."""

import datetime as dt
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Agency, Office, Role, User
from regions.models import Region
from registry import actions
from registry.models import Chapter, Ormas

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


def pass_second_factor(client: Client, user: User) -> None:
    """Complete two-step verification in client's session: staff roles that need it get a paired app device."""
    if not getattr(user, "requires_totp", False):
        return
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="test", confirmed=True
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


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


def make_user(username: str, role: str, *, office_code: str | None = None, agency: str | None = None) -> User:
    user = User.objects.create_user(
        username=username,
        password="test-password-123",
        role=role,
        office=Office.objects.get(region_id=office_code) if office_code else None,
        agency=Agency.objects.get(abbreviation=agency, region_id="62") if agency else None,
    )
    return user


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


def make_ormas(*, village: str = "62.71.01.1001", by: User | None = None, **overrides) -> Ormas:
    """An Ormas through the real action, in Palangka Raya unless another village code is given."""
    values: dict = {
        "name": "Ikatan Pemuda Tepian Kahayan",
        "abbreviation": "IPTK",
        "legal_form": Ormas.LegalForm.UNINCORPORATED,
        "skt_number": "01-00-00/123/VII/2022",
        "skt_issued_on": dt.date(2022, 7, 1),
        "skt_expires_on": dt.date(2027, 7, 1),
        "address": "Jl. Tjilik Riwut No. 1",
        "region": Region.objects.get(code=village),
    }
    values.update(overrides)
    return actions.create_ormas(by=by, **values)


def make_chapter(ormas: Ormas, **overrides) -> Chapter:
    chapter = Chapter(
        ormas=ormas,
        level=Chapter.Level.REGENCY,
        name=overrides.pop("name", f"DPC {ormas.abbreviation}"),
        region=Region.objects.get(code=ormas.regency_code),
        **overrides,
    )
    actions.save_chapter(chapter, by=None)
    return chapter


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
