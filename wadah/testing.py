"""Helpers for tests: users of each role, and registry records made through the real actions.

Tests import these from here (not from a conftest). The fixtures built on them live in the root conftest.py.
This is test code: it builds scenarios across apps and is not part of the layering (see test_layers.py).
"""

import datetime as dt

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Agency, Office, User
from regions.models import Region
from registry import actions
from registry.models import Chapter, Ormas

TEST_PASSWORD = "test-password-123"


def make_user(username: str, role: str, *, office_code: str | None = None, agency: str | None = None) -> User:
    user = User.objects.create_user(
        username=username,
        password=TEST_PASSWORD,
        role=role,
        office=Office.objects.get(region_id=office_code) if office_code else None,
        agency=Agency.objects.get(abbreviation=agency, region_id="62") if agency else None,
    )
    return user


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
