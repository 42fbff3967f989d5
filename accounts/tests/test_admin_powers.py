"""Admin sistem without business powers (issue 8 item 3): no role escalation, no registry changes, audited resets."""

import datetime as dt

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import staff_actions
from accounts.models import Office, Role, User
from audit.models import Entry
from services import actions as service_actions
from services.models import Application, ServiceType


@pytest.fixture
def admin_user(system_admin):
    """The admin sistem as the demo sets it up: staff, with the user/office/agency/reference-data permissions."""
    system_admin.is_staff = True
    system_admin.save()
    codenames = [f"{verb}_{model}" for model in ("user", "office", "agency") for verb in ("add", "change", "view")]
    system_admin.user_permissions.set(Permission.objects.filter(codename__in=codenames + ["view_entry"]))
    return User.objects.get(pk=system_admin.pk)


def _change_form(client, user):
    page = client.get(reverse("admin:accounts_user_change", args=[user.pk]))
    assert page.status_code == 200
    return page


def test_admin_sistem_cannot_make_itself_superuser_or_pimpinan(client, admin_user):
    """Finding: with change_user the admin sistem could make itself superuser or Pimpinan, unaudited."""
    client.force_login(admin_user)
    html = _change_form(client, admin_user).content.decode()
    for field in ("is_superuser", "role", "user_permissions", "groups", "office", "email", "username"):
        assert f'name="{field}"' not in html, field
    client.post(
        reverse("admin:accounts_user_change", args=[admin_user.pk]),
        {
            "username": admin_user.username,
            "first_name": "Admin",
            "last_name": "",
            "email": "admin@contoh.id",
            "is_active": "on",
            "is_superuser": "on",
            "is_staff": "on",
            "role": Role.LEADER,
            "nip": "",
            "phone": "",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "00:00:00",
        },
    )
    admin_user.refresh_from_db()
    assert not admin_user.is_superuser and admin_user.role == Role.ADMIN


def test_admin_sistem_cannot_create_logins_or_set_others_passwords(client, admin_user, city_officer):
    client.force_login(admin_user)
    assert client.get(reverse("admin:accounts_user_add")).status_code == 403
    assert client.get(reverse("admin:auth_user_password_change", args=[city_officer.pk])).status_code == 403


def test_a_superuser_changes_a_role_through_the_audited_action(client, admin_user, city_officer):
    root = User.objects.create_superuser("root", "root@contoh.id", "test-password-123", role=Role.ADMIN)
    client.force_login(root)
    page = _change_form(client, city_officer)
    assert 'name="role"' in page.content.decode()
    staff_actions.change_role(city_officer, by=root, role=Role.LEADER, office=Office.objects.get(region_id="62"))
    entry = Entry.objects.get(action="account.role_changed")
    assert entry.actor == root and entry.changes["role"] == [Role.OFFICER, Role.LEADER]
    with pytest.raises(PermissionDenied):
        staff_actions.change_role(city_officer, by=admin_user, is_superuser=True)


def test_admin_sistem_cannot_record_an_skt_into_the_registry(client, admin_user, city_ormas, city_officer):
    """Finding: the admin sistem changed registry data through an application's SKT form."""
    office = Office.objects.get(region_id="62.71")
    application = Application.objects.create(
        service_type=ServiceType.objects.get(code="skt-renewal"),
        ormas=city_ormas,
        office=office,
        status=Application.Status.APPROVED,
        applicant_name="Ketua",
        reference="LYN-TEST-1",
    )
    with pytest.raises(PermissionDenied):
        service_actions.record_skt_issued(application, "9/9", dt.date(2026, 1, 1), dt.date(2031, 1, 1), by=admin_user)
    client.force_login(admin_user)
    client.post(
        reverse("services:skt-record", args=[application.reference]),
        {"number": "9/9", "issued_on": "2026-01-01", "expires_on": "2031-01-01"},
    )
    city_ormas.refresh_from_db()
    assert city_ormas.skt_number != "9/9"


def test_another_admin_resets_two_factor_with_a_reason_and_it_is_audited(client, admin_user, city_officer):
    TOTPDevice.objects.create(user=city_officer, name="HP", confirmed=True)
    StaticDevice.objects.create(user=city_officer, name="Recovery codes", confirmed=True)
    client.force_login(admin_user)
    changelist = reverse("admin:accounts_user_changelist")
    confirm = client.post(changelist, {"action": "reset_two_factor", "_selected_action": [city_officer.pk]})
    assert confirm.status_code == 200 and TOTPDevice.objects.filter(user=city_officer).exists()
    done = client.post(
        changelist,
        {"action": "reset_two_factor", "_selected_action": [city_officer.pk], "reason": "Dicek langsung di kantor"},
    )
    assert done.status_code == 302
    assert not TOTPDevice.objects.filter(user=city_officer).exists()
    assert not StaticDevice.objects.filter(user=city_officer).exists()
    entry = Entry.objects.get(action="account.two_factor_reset")
    assert entry.actor == admin_user and entry.data["reason"] == "Dicek langsung di kantor"
    with pytest.raises(PermissionDenied):
        staff_actions.reset_two_factor(admin_user, by=admin_user, reason="sendiri")
