"""Fixtures for coordination: a province Tim Terpadu with its SK, its members' accounts, and a meeting."""

import datetime as dt

import pytest

from accounts.models import Role
from coordination import actions
from coordination.models import Team
from coordination.tests.helpers import DAY, agency
from wadah.testing import make_user


@pytest.fixture
def polda_member(db):
    return make_user("polda.rep", Role.AGENCY_MEMBER, agency="Polda")


@pytest.fixture
def binda_member(db):
    return make_user("binda.rep", Role.AGENCY_MEMBER, agency="BINDA")


@pytest.fixture
def kejati_member(db):
    """A member of an agency that is NOT on the team's roster."""
    return make_user("kejati.rep", Role.AGENCY_MEMBER, agency="Kejati")


@pytest.fixture
def team(province_officer, leader, polda_member, binda_member) -> Team:
    team = actions.create_team(
        by=province_officer, name="Tim Terpadu Pengawasan Ormas Provinsi", kind="tim_terpadu", region_code="62"
    )
    version = actions.add_roster_version(
        team,
        by=province_officer,
        sk_number="188.44/12/2025",
        sk_date=dt.date(2025, 1, 2),
        valid_from=dt.date(2025, 1, 6),
    )
    add = actions.add_roster_member
    add(version, by=province_officer, name="Kepala Badan", agency=agency("Kesbangpol"), role="ketua", user=leader)
    add(version, by=province_officer, name="Dir Intelkam", agency=agency("Polda"), user=polda_member)
    add(version, by=province_officer, name="Kabinda", agency=agency("BINDA"), user=binda_member)
    return team


@pytest.fixture
def meeting(team, province_officer, leader):
    return actions.schedule_meeting(
        team, by=province_officer, kind="rakor", title="Rakor Ormas I", date=DAY, chair=leader, venue="Aula Kesbangpol"
    )


@pytest.fixture
def held(meeting, province_officer):
    actions.open_meeting(meeting, by=province_officer)
    return meeting


@pytest.fixture
def decision(held, province_officer):
    item = actions.add_agenda_item(held, by=province_officer, title="Ormas beratribut di pasar")
    return actions.add_decision(item, by=province_officer, text="Polda menertibkan atribut")


@pytest.fixture
def polda_item(decision, province_officer):
    return actions.add_action_item(
        decision, by=province_officer, text="Patroli pasar", owner_agency=agency("Polda"), owner_person="Kasat"
    )
