"""Ids from forms and query strings that are not numbers, or too big for any column, never cause a 500."""

import pytest
from django import forms
from django.urls import reverse

from registry.models import FieldOfActivity, Ormas

HUGE = "99999999999999999999"


@pytest.mark.django_db
def test_a_huge_id_in_a_multiple_choice_is_an_invalid_choice():
    field = forms.ModelMultipleChoiceField(queryset=FieldOfActivity.objects.all())
    with pytest.raises(forms.ValidationError):
        field.clean([HUGE])
    assert list(Ormas.objects.filter(pk__in=[int(HUGE), -int(HUGE)])) == []


def test_a_huge_field_of_activity_on_the_ormas_form_is_a_form_error(client, city_officer):
    client.force_login(city_officer)
    response = client.post(reverse("registry:ormas-create"), {"name": "X", "fields_of_activity": [HUGE]})
    assert response.status_code == 200
    assert "fields_of_activity" in response.context["form"].errors
    assert client.get(reverse("registry:ormas-list"), {"field": HUGE}).status_code == 200


@pytest.mark.django_db
def test_the_admin_never_shows_a_users_totp_secret(client, system_admin, city_officer):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from wadah.tests_crosscutting.helpers import login_verified

    system_admin.is_staff = system_admin.is_superuser = True  # the strongest admin still may not read secrets
    system_admin.save()
    login_verified(client, system_admin)
    device = TOTPDevice.objects.create(user=city_officer, name="phone", confirmed=True)
    for view in ("config", "qrcode"):
        assert client.get(f"/kelola/otp_totp/totpdevice/{device.pk}/{view}/").status_code == 403
        assert client.get(f"/kelola/otp_totp/totpdevice/99999/{view}/").status_code == 403
