import datetime as dt
import io

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from accounts.models import Role
from insights import dashboard, figures, quality
from insights.views import TABLES
from registry.models import Ormas
from wadah.testing import make_ormas, make_user

pytestmark = pytest.mark.django_db


def test_a_leader_lands_on_the_dashboard_after_login(client, leader):
    from axes.utils import reset

    reset()
    response = client.post(reverse("accounts:login"), {"username": "leader", "password": "test-password-123"})
    assert response["Location"] == reverse("insights:home")


def test_the_dashboard_counts_only_what_the_user_may_see(client, city_officer, city_ormas, kotim_ormas):
    client.force_login(city_officer)
    response = client.get(reverse("insights:home"))
    assert response.status_code == 200
    assert response.context["summary"]["total"] == 1  # Palangka Raya only, not Kotawaringin Timur
    regency = next(t for t in response.context["tables"] if t.key == "regency")
    assert [row[1] for row in regency.rows] == [1]


def test_the_province_sees_every_kab_kota_and_a_filter_narrows_everything(client, leader, city_ormas, kotim_ormas):
    client.force_login(leader)
    everything = client.get(reverse("insights:home"))
    assert everything.context["summary"]["total"] == 2
    regency = next(t for t in everything.context["tables"] if t.key == "regency")
    assert len(regency.rows) == 14
    narrowed = client.get(reverse("insights:home"), {"regency": "62.02"})
    assert narrowed.context["summary"]["total"] == 1
    # A kab/kota outside the scope (or nonsense) is ignored, not an error.
    assert client.get(reverse("insights:home"), {"regency": "'; drop"}).status_code == 200


def test_skt_deadlines_are_counted(leader, city_ormas):
    today = timezone.localdate()
    make_ormas(name="Forum Lama", abbreviation="FL", skt_number="x/1", skt_expires_on=today - dt.timedelta(days=1))
    make_ormas(name="Forum Dekat", abbreviation="FD", skt_number="x/2", skt_expires_on=today + dt.timedelta(days=20))
    make_ormas(name="Forum Agak", abbreviation="FA", skt_number="x/3", skt_expires_on=today + dt.timedelta(days=60))
    rows = {row[0]: row[1] for row in dashboard.deadlines(leader, "", dashboard.live_counts(leader), today).rows}
    assert rows["SKT expiring within 30 days"] == 1
    assert rows["SKT expiring within 90 days"] == 2
    assert rows["SKT expired"] == 1


def test_the_dashboard_aggregates_in_sql(client, leader, city_ormas, kotim_ormas):
    client.force_login(leader)
    client.get(reverse("insights:home"))
    cache.clear()
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("insights:home"))
    for index in range(20):
        make_ormas(name=f"Ikatan Nomor {index}", abbreviation=f"IN{index}", skt_number=f"n/{index}")
    figures.refresh("62")  # what the queued refresh does (test_figures.py walks that path)
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("insights:home"))
    with CaptureQueriesContext(connection) as warm:
        client.get(reverse("insights:home"))
    assert len(warm) < 8  # the figures come from the cache
    assert len(many) == len(few)  # no query per Ormas
    assert len(few) < 40


def test_data_quality_lists_the_records_behind_each_number(client, leader, city_ormas):
    client.force_login(leader)
    rows = quality.quality_by_office(quality.counts_by_regency(Ormas.objects.visible_to(leader)), "62")
    palangka = next(r for r in rows if r.regency_code == "62.71")
    assert palangka.total == 1
    assert palangka.counts["missing_documents"] == 1  # no document uploaded
    assert palangka.counts["no_contact"] == 1
    assert palangka.score == 40  # fails 3 of the 5 checks (documents, board, contacts)
    assert rows[-1].office == "Whole province"
    page = client.get(reverse("insights:quality", args=["no_contact"]), {"regency": "62.71"})
    assert city_ormas.name in page.content.decode()
    assert client.get(reverse("insights:quality", args=["nonsense"])).status_code == 404


def test_duplicate_suspects_are_found_within_a_province(leader, city_ormas):
    make_ormas(skt_number="dup/1")  # same name as city_ormas
    rows = quality.quality_by_office(quality.counts_by_regency(Ormas.objects.visible_to(leader)), "62")
    assert next(r for r in rows if r.regency_code == "62.71").counts["duplicate_suspect"] == 2


def test_every_chart_exports_its_table_to_excel(client, leader, city_ormas):
    client.force_login(leader)
    for key in [*TABLES, "map", "quality"]:
        response = client.get(reverse("insights:export", args=[key]))
        assert response.status_code == 200, key
        sheet = load_workbook(io.BytesIO(response.content)).active
        assert sheet.max_row >= (1 if key == "field" else 2), key
    assert client.get(reverse("insights:export", args=["nope"])).status_code == 404


def test_the_map_data_drills_down_to_kecamatan(client, leader, city_ormas):
    client.force_login(leader)
    top = client.get(reverse("insights:map-data")).json()
    assert top["level"] == "regency" and len(top["regions"]) == 14
    assert {r["code"]: r["value"] for r in top["regions"]}["62.71"] == 1
    down = client.get(reverse("insights:map-data"), {"regency": "62.71"}).json()
    assert down["level"] == "district"
    assert all(r["code"].startswith("62.71.") for r in down["regions"])
    assert sum(r["value"] for r in down["regions"]) == 1


def test_open_cases_follow_the_case_visibility_rule(agency_member, city_ormas):
    # An agency member sees only cases its agency is a member of: none here.
    rows = dict(dashboard.open_matters(agency_member, "", dashboard.Counts(), timezone.localdate()).rows)
    assert rows["Open supervision cases"] == 0


def test_people_without_registry_access_are_refused(client, ormas_account):
    client.force_login(ormas_account)
    assert client.get(reverse("insights:home")).status_code == 403


def test_a_leader_sees_what_waits_for_the_decision(client, db):
    user = make_user("kepala.pky", Role.LEADER, office_code="62.71")
    client.force_login(user)
    response = client.get(reverse("insights:home"))
    assert "Waiting for your decision" in response.content.decode()


def test_the_dashboard_links_only_to_lists_the_user_may_open(client, agency_member, leader, city_ormas):
    """A Tim Terpadu member sees the open applications' figure but no link to the offices' work list (a 403)."""
    worklist = reverse("services:worklist")
    client.force_login(agency_member)
    assert f'href="{worklist}"' not in client.get(reverse("insights:home")).content.decode()
    assert client.get(worklist).status_code == 403
    client.force_login(leader)
    assert f'href="{worklist}"' in client.get(reverse("insights:home")).content.decode()
