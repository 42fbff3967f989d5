"""Agencies at every level and teams as versioned rosters (issue 13, items 1–2)."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from accounts.models import Agency, Role
from coordination import actions
from coordination.tests.helpers import agency
from wadah.testing import make_user


def test_every_kab_kota_has_its_agencies_with_their_parents(db):
    regencies = Agency.objects.filter(abbreviation__startswith="Polres ")
    assert regencies.count() == 14
    polres = Agency.objects.get(abbreviation="Polres Kotawaringin Timur")
    assert polres.region_id == "62.02" and polres.parent == agency("Polda")
    assert Agency.objects.get(abbreviation="Kodim Kotawaringin Timur").parent == agency("Korem 102")
    assert Agency.objects.get(abbreviation="Kejari Kotawaringin Timur").parent == agency("Kejati")
    assert Agency.objects.filter(region_id="62.71", kind="kemenag").exists()


def test_a_kab_kota_agency_member_is_scoped_to_their_kab_kota(db):
    user = make_user("polres.kotim", Role.AGENCY_MEMBER)
    user.agency = Agency.objects.get(abbreviation="Polres Kotawaringin Timur")
    user.save()
    assert user.scope_code == "62.02"
    assert user.in_scope("62.02.01") and not user.in_scope("62.71")


def test_a_new_sk_is_a_new_version_and_the_history_answers_who_was_on_the_team(team, province_officer):
    first = team.current_roster()
    second = actions.add_roster_version(
        team,
        by=province_officer,
        sk_number="188.44/3/2026",
        sk_date=dt.date(2026, 2, 1),
        valid_from=dt.date(2026, 2, 2),
    )
    assert second.number == 2 and second.members.count() == 3  # copied
    first.refresh_from_db()
    assert first.valid_until == dt.date(2026, 2, 1)
    actions.remove_roster_member(second.members.get(name="Kabinda"), by=province_officer)
    assert {m.name for m in team.roster_on(dt.date(2025, 6, 1)).members.all()} >= {"Kabinda"}
    assert "Kabinda" not in {m.name for m in team.roster_on(dt.date(2026, 3, 1)).members.all()}
    assert team.roster_on(dt.date(2024, 1, 1)) is None
    with pytest.raises(ValidationError):  # earlier SKs are history
        actions.add_roster_member(first, by=province_officer, name="X", agency=agency("Kejati"))


def test_members_come_from_the_teams_level(city_officer):
    team = actions.create_team(by=city_officer, name="Tim Terpadu Kota", kind="tim_terpadu", region_code="62.71")
    version = actions.add_roster_version(
        team, by=city_officer, sk_number="1/2026", sk_date=dt.date(2026, 1, 2), valid_from=dt.date(2026, 1, 2)
    )
    own = Agency.objects.get(abbreviation="Polres Palangkaraya")
    actions.add_roster_member(version, by=city_officer, name="Kapolres", agency=own)
    actions.add_roster_member(version, by=city_officer, name="Kabinda", agency=agency("BINDA"))  # province: fine
    with pytest.raises(ValidationError):
        other = Agency.objects.get(abbreviation="Polres Kotawaringin Timur")
        actions.add_roster_member(version, by=city_officer, name="Kapolres Kotim", agency=other)
    with pytest.raises(ValidationError):  # the account must work for the agency
        actions.add_roster_member(version, by=city_officer, name="?", agency=own, user=city_officer)


def test_only_the_secretariat_keeps_the_roster(team, polda_member, kotim_officer):
    for user in (polda_member, kotim_officer):
        with pytest.raises(PermissionDenied):
            actions.add_roster_version(
                team, by=user, sk_number="x", sk_date=dt.date(2026, 5, 1), valid_from=dt.date(2026, 5, 1)
            )


def test_roster_pages(client, team, province_officer, polda_member, kejati_member):
    client.force_login(province_officer)
    response = client.get(team.get_absolute_url(), {"tanggal": "2025-06-01"})
    assert response.status_code == 200 and "Dir Intelkam" in response.text
    assert client.get(team.get_absolute_url(), {"tanggal": "2025-02-31"}).status_code == 200  # impossible date
    url = team.current_roster().get_absolute_url()
    response = client.post(url, {"name": "Kajati", "agency": agency("Kejati").pk, "role": "anggota"})
    assert response.status_code == 302 and team.current_roster().members.filter(name="Kajati").exists()
    client.force_login(polda_member)
    assert client.get(team.get_absolute_url()).status_code == 200
    client.force_login(kejati_member)  # not named on any version
    assert client.get(team.get_absolute_url()).status_code == 404
    assert client.get(reverse("coordination:home")).status_code == 200


def test_ormas_accounts_and_the_public_are_kept_out(client, ormas_account):
    assert client.get(reverse("coordination:home")).status_code == 302  # to the login
    client.force_login(ormas_account)
    assert client.get(reverse("coordination:home")).status_code == 403
    assert client.get(reverse("coordination:agency-items")).status_code == 403
