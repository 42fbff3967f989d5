"""The officer and Ormas-account pages answer, stay in scope, and export what they list."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from guidance import actions
from guidance.models import Programme
from guidance.tests.helpers import accepted, assess

pytestmark = pytest.mark.django_db


def test_an_officer_plans_a_programme_through_the_form(client, city_officer):
    client.force_login(city_officer)
    response = client.post(
        reverse("guidance:programme-create"),
        {
            "name": "Sosialisasi UU Ormas",
            "programme_type": "1",
            "region_code": "62.71",
            "goals": "Paham kewajiban pelaporan",
            "starts_on": "2027-02-01",
            "ends_on": "2027-01-01",
        },
    )
    assert response.status_code == 200 and b"on or after the start date" in response.content
    assert not Programme.objects.exists()
    response = client.post(
        reverse("guidance:programme-create"),
        {
            "name": "Sosialisasi UU Ormas",
            "programme_type": "1",
            "region_code": "62.71",
            "goals": "Paham kewajiban pelaporan",
            "starts_on": "2027-01-01",
            "ends_on": "2027-02-01",
            "focus_dimensions": ["kepatuhan"],
        },
    )
    programme = Programme.objects.get()
    assert response.status_code == 302 and programme.focus_dimensions == ["kepatuhan"]


def test_a_region_outside_the_officers_scope_is_not_offered(client, city_officer):
    client.force_login(city_officer)
    response = client.post(
        reverse("guidance:programme-create"),
        {
            "name": "X",
            "programme_type": "1",
            "region_code": "62.02",
            "goals": "x",
            "starts_on": "2027-01-01",
            "ends_on": "2027-01-02",
        },
    )
    assert response.status_code == 200 and not Programme.objects.exists()


def test_pages_answer_and_out_of_scope_is_404(
    client, programme, event, city_officer, kotim_officer, province_officer, city_ormas
):
    client.force_login(city_officer)
    for url in (
        reverse("guidance:programme-list"),
        programme.get_absolute_url(),
        reverse("guidance:event-list"),
        event.get_absolute_url(),
        reverse("guidance:invite", args=[event.pk]),
        reverse("guidance:invite", args=[event.pk]) + "?q=Tepian&gap=keuangan",
        reverse("guidance:checkin", args=[event.pk]),
        reverse("guidance:assessment-list"),
        reverse("guidance:ormas-capacity", args=[city_ormas.pk]),
        reverse("guidance:assessment-new", args=[city_ormas.pk]),
        reverse("guidance:event-create", args=[programme.pk]),
        reverse("guidance:event-edit", args=[event.pk]),
        city_ormas.get_absolute_url(),
    ):
        assert client.get(url).status_code == 200, url
    client.force_login(province_officer)
    assert client.get(programme.get_absolute_url()).status_code == 200
    client.force_login(kotim_officer)
    assert client.get(programme.get_absolute_url()).status_code == 404
    assert client.get(event.get_absolute_url()).status_code == 404


def test_every_list_exports_to_excel_without_formulas(client, programme, event, city_officer, city_ormas):
    actions.update_programme(programme, by=city_officer, changes={"goals": '=HYPERLINK("x")'})
    invitation = actions.invite(event, [city_ormas], by=city_officer, reason="Bimtek")[0][0]
    from guidance.tests.helpers import account_of

    accepted(invitation, account_of(city_ormas), names=("=cmd", "Siti"))
    assess(city_ormas, city_officer)
    client.force_login(city_officer)
    for name, args in (
        ("guidance:programme-export", []),
        ("guidance:event-export", []),
        ("guidance:participant-export", [event.pk]),
        ("guidance:assessment-export", []),
    ):
        response = client.get(reverse(name, args=args))
        sheet = load_workbook(io.BytesIO(response.content)).active
        values = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
        assert len(list(sheet.iter_rows())) >= 2, name
        assert not any(v.startswith("=") for v in values), name


def test_the_ormas_account_accepts_through_its_page(client, event, city_officer, city_ormas):
    from guidance.tests.helpers import account_of

    invitation = actions.invite(event, [city_ormas], by=city_officer, reason="Bimtek")[0][0]
    account = account_of(city_ormas)
    client.force_login(account)
    assert client.get(reverse("guidance:ormas-invitations")).status_code == 200
    url = reverse("guidance:ormas-invitation", args=[invitation.pk])
    data = {
        "p-TOTAL_FORMS": "2",
        "p-INITIAL_FORMS": "0",
        "p-MIN_NUM_FORMS": "0",
        "p-MAX_NUM_FORMS": "20",
        "p-0-name": "Budi",
        "p-0-position": "Ketua",
        "p-0-phone": "0812",
        "p-0-nik": "",
        "p-1-name": "Siti",
        "p-1-position": "Sekretaris",
        "p-1-phone": "",
        "p-1-nik": "",
        "accept": "1",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.status == "accepted" and invitation.participants.count() == 2
    assert client.get(reverse("guidance:self-assessment")).status_code == 200
    client.force_login(city_officer)
    assert client.get(reverse("guidance:ormas-invitations")).status_code == 403


def test_the_ormas_page_shows_the_guidance_timeline(client, city_officer, city_ormas, agency_member):
    assess(city_ormas, city_officer, on=dt.date.today())
    client.force_login(city_officer)
    assert b"Capacity assessed" in client.get(city_ormas.get_absolute_url()).content
