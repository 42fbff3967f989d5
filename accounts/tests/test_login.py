import importlib

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from wadah import settings as project_settings
from wadah.testing import TEST_PASSWORD

PASSWORD = TEST_PASSWORD


@pytest.fixture(autouse=True)
def _clean_axes(db):
    from axes.utils import reset

    reset()


def _login(client, username, password):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_it_logs_an_officer_in_to_the_work_list(client, city_officer):
    device = TOTPDevice.objects.create(user=city_officer, name="HP", confirmed=True)
    response = _login(client, "officer.pky", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("services:worklist")
    client.post(reverse("accounts:otp-verify"), {"token": f"{totp(device.bin_key):06d}"})
    assert client.get(reverse("services:worklist")).status_code == 200
    assert client.get(reverse("registry:ormas-list")).status_code == 200


@pytest.mark.parametrize("persona", ["city_officer", "leader", "system_admin"])
def test_every_staff_role_that_handles_personal_data_must_pair_an_app(client, persona, request):
    """Finding: only admin sistem had to use two-step verification, although Pimpinan and officers read full NIKs."""
    user = request.getfixturevalue(persona)
    _login(client, user.username, PASSWORD)
    assert client.get(reverse("registry:ormas-list"))["Location"] == reverse("accounts:otp-setup")


def test_an_agency_member_is_not_forced_to_pair_an_app(client, agency_member):
    _login(client, "polda.member", PASSWORD)
    assert client.get(reverse("registry:ormas-list")).status_code == 200


def test_the_demo_may_skip_the_setup_but_never_with_debug_off(client, city_officer, settings, monkeypatch):
    settings.WADAH_DEMO_SKIP_TWO_FACTOR = True
    _login(client, "officer.pky", PASSWORD)
    assert client.get(reverse("registry:ormas-list")).status_code == 200
    for name, value in (("WADAH_DEMO_SKIP_TWO_FACTOR", "1"), ("DEBUG", "0"), ("SECRET_KEY", "x" * 60)):
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("ALLOWED_HOSTS", "example.org")
    try:
        assert importlib.reload(project_settings).WADAH_DEMO_SKIP_TWO_FACTOR is False
    finally:
        monkeypatch.undo()
        importlib.reload(project_settings)


def test_pairing_gives_single_use_recovery_codes(client, city_officer):
    _login(client, "officer.pky", PASSWORD)
    client.get(reverse("accounts:otp-setup"))
    device = TOTPDevice.objects.get(user=city_officer, confirmed=False)
    page = client.post(reverse("accounts:otp-setup"), {"token": f"{totp(device.bin_key):06d}"})
    codes = page.context["codes"]
    assert len(codes) == 10 and codes[0] in page.content.decode()
    client.logout()
    _login(client, "officer.pky", PASSWORD)
    used = client.post(reverse("accounts:otp-verify"), {"token": codes[0], "next": "/registri/"})
    assert used.status_code == 302 and used["Location"] == "/registri/"
    assert client.get(reverse("registry:ormas-list")).status_code == 200
    client.logout()
    _login(client, "officer.pky", PASSWORD)
    again = client.post(reverse("accounts:otp-verify"), {"token": codes[0]})
    assert again.status_code == 200 and again.context["form"].errors["token"]


def test_it_logs_an_agency_member_in_to_the_registry(client, agency_member):
    response = _login(client, "polda.member", PASSWORD)
    assert response["Location"] == reverse("registry:ormas-list")


def test_it_refuses_a_wrong_password(client, city_officer):
    response = _login(client, "officer.pky", "wrong-password")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_it_locks_the_login_after_5_failures(client, city_officer):
    for _ in range(5):
        _login(client, "officer.pky", "wrong-password")
    response = _login(client, "officer.pky", PASSWORD)
    assert response.status_code in (403, 429)
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("registry:ormas-list")).status_code == 302


def test_it_does_not_lock_after_4_failures(client, city_officer):
    for _ in range(4):
        _login(client, "officer.pky", "wrong-password")
    assert _login(client, "officer.pky", PASSWORD).status_code == 302
    assert "_auth_user_id" in client.session


def test_it_sends_a_system_admin_to_totp_setup(client, system_admin):
    response = _login(client, "sysadmin", PASSWORD)
    assert response.status_code == 302
    response = client.get(response["Location"])
    assert response.status_code == 302 and response["Location"] == reverse("accounts:otp-setup")
    assert client.get(reverse("registry:ormas-list"))["Location"] == reverse("accounts:otp-setup")
    setup = client.get(reverse("accounts:otp-setup"))
    assert setup.status_code == 200
    device = TOTPDevice.objects.get(user=system_admin, confirmed=False)
    response = client.post(reverse("accounts:otp-setup"), {"token": f"{totp(device.bin_key):06d}"})
    assert response.status_code == 200 and len(response.context["codes"]) == 10  # the recovery codes, shown once
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("registry:ormas-list")).status_code == 200


def test_it_makes_a_user_with_a_device_verify_first(client, city_officer):
    device = TOTPDevice.objects.create(user=city_officer, name="HP", confirmed=True)
    _login(client, "officer.pky", PASSWORD)
    response = client.get(reverse("registry:ormas-list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:otp-verify"))
    good = client.post(
        f"{reverse('accounts:otp-verify')}?next=/registri/",
        {"token": f"{totp(device.bin_key):06d}", "next": "/registri/"},
    )
    assert good.status_code == 302 and good["Location"] == "/registri/"
    assert client.get(reverse("registry:ormas-list")).status_code == 200


def test_it_does_not_follow_an_offsite_next(client, city_officer):
    device = TOTPDevice.objects.create(user=city_officer, name="HP", confirmed=True)
    _login(client, "officer.pky", PASSWORD)
    response = client.post(
        reverse("accounts:otp-verify"), {"token": f"{totp(device.bin_key):06d}", "next": "https://evil.example/"}
    )
    assert response.status_code == 302 and not response["Location"].startswith("https://evil")


def test_it_refuses_a_wrong_code(client, city_officer):
    device = TOTPDevice.objects.create(user=city_officer, name="HP", confirmed=True)
    _login(client, "officer.pky", PASSWORD)
    wrong = client.post(reverse("accounts:otp-verify"), {"token": f"{(totp(device.bin_key) + 1) % 1000000:06d}"})
    assert wrong.status_code == 200
    assert wrong.context["form"].errors["token"]
    assert client.get(reverse("registry:ormas-list")).status_code == 302
