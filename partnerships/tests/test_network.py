"""The network view's read model: clusters, isolated Ormas, people on several boards, and the board-network checks
(personal-data roles only, logged) — in a bounded number of queries whatever the number of Ormas."""

import datetime as dt

import pytest
from django.urls import reverse

from audit.models import Entry
from partnerships import checks, network
from partnerships.tests.helpers import city, link, nik, seat
from registry import actions as registry_actions
from registry.models import BoardMember, Ormas


@pytest.fixture
def scene(db, city_officer):
    a = city("Ikatan Pemuda Tepian Kahayan", "IPTK")
    b = city("Forum Perempuan Kahayan", "FPK")
    c = city("Himpunan Petani Sebangau", "HPS")
    d = city("Lembaga Adat Dayak Pahandut", "LADP")
    alone = city("Paguyuban Seni Tambun Bungai", "PSTB")
    link(a, city_officer, other=b)
    link(b, city_officer, partner="Universitas Palangka Raya")
    # One person on the boards of C and D (and of A): one cluster through a shared board member.
    for ormas in (a, c, d):
        seat(ormas, nik(11), "Yohanes Saputra")
    return {"a": a, "b": b, "c": c, "d": d, "alone": alone}


def test_clusters_isolated_ormas_and_shared_people(city_officer, scene):
    graph = network.build(city_officer)
    assert graph.in_scope == 5 and graph.isolated == 1
    assert len(graph.clusters) == 1  # A–B by MoU, A–C–D through Yohanes: one cluster
    cluster = graph.clusters[0]
    assert {name for _pk, name in cluster.ormas} == {o.name for k, o in scene.items() if k != "alone"}
    assert cluster.partners == ["Universitas Palangka Raya"] and cluster.people == ["Yohanes Saputra"]
    assert graph.shared_people[0]["name"] == "Yohanes Saputra" and len(graph.shared_people[0]["boards"]) == 3
    kinds = {node["category"] for node in graph.chart["nodes"]}
    assert kinds == {0, 1, 2}
    isolated, more = network.isolated_page(city_officer)
    assert [o.name for o in isolated] == ["Paguyuban Seni Tambun Bungai"] and not more


def test_a_link_that_ended_or_a_seat_that_ended_no_longer_connects(city_officer, scene):
    BoardMember.objects.filter(person__nik=nik(11)).update(ended_on=dt.date(2025, 1, 1))
    graph = network.build(city_officer)
    assert graph.isolated == 3  # C, D and the lone Ormas
    assert {o.pk for o in network.isolated_page(city_officer)[0]} == {scene["c"].pk, scene["d"].pk, scene["alone"].pk}


def test_another_kab_kota_sees_none_of_it(kotim_officer, scene):
    graph = network.build(kotim_officer)
    assert graph.in_scope == 0 and not graph.clusters and not graph.chart["nodes"]


def test_the_queries_do_not_grow_with_the_number_of_ormas(city_officer, scene, django_assert_max_num_queries):
    for n in range(12):
        extra = city(f"Karang Taruna Desa {n}", f"KT{n}")
        link(extra, city_officer, other=scene["alone"], partner="")
        seat(extra, nik(100 + n), f"Pengurus {n}")
        seat(scene["c"], nik(100 + n), f"Pengurus {n}")
    with django_assert_max_num_queries(8):
        graph = network.build(city_officer)
    assert graph.isolated == 0
    with django_assert_max_num_queries(2):
        network.isolated_page(city_officer)


def test_many_boards_flag_with_its_reason(city_officer, scene):
    flags = checks.flags_for(city_officer)
    many = [f for f in flags if f.code == "many_boards"]
    assert len(many) == 1
    assert many[0].masked_nik == "627101••••••••11"[:6] + "••••••••" + "11"
    assert "3 Ormas" in many[0].reason and "Himpunan Petani Sebangau" in many[0].reason
    assert many[0].details_readable


def test_a_board_member_of_a_revoked_ormas_on_a_new_one_is_flagged(city_officer, leader, scene):
    old = city("Gerakan Pemuda Lama", "GPL")
    seat(old, nik(21), "Rudi Hartono", BoardMember.Position.CHAIR)
    registry_actions.change_ormas_status(
        old,
        Ormas.Status.REVOKED,
        by=None,
        reason="Pencabutan SKT",
        decision=registry_actions.Decision(number="SK/1", date=dt.date(2026, 1, 5), basis="UU 16/2017 Pasal 61"),
        effective_on=dt.date(2026, 1, 5),
    )
    new = city("Gerakan Pemuda Baru", "GPB", founded_on=dt.date(2026, 2, 1))
    seat(new, nik(21), "Rudi Hartono", BoardMember.Position.FOUNDER)
    older = city("Gerakan Pemuda Tua", "GPT", founded_on=dt.date(2010, 1, 1))
    seat(older, nik(21), "Rudi Hartono")
    flags = [f for f in checks.flags_for(city_officer) if f.code == "after_ended"]
    assert len(flags) == 1  # the Ormas founded long before the revocation is not "new"
    assert "Gerakan Pemuda Baru" in flags[0].reason and "Gerakan Pemuda Lama" in flags[0].reason
    assert "Revoked" in flags[0].reason


def test_the_checks_are_for_personal_data_roles_only_and_their_reading_is_logged(
    client, city_officer, agency_member, scene
):
    url = reverse("partnerships:checks")
    client.force_login(agency_member)
    assert client.get(url).status_code == 403
    assert checks.flags_for(agency_member) == []
    client.force_login(city_officer)
    before = Entry.objects.filter(action="board_check.viewed").count()
    page = client.get(url)
    assert page.status_code == 200 and "Yohanes Saputra" in page.content.decode()
    assert nik(11) not in page.content.decode()  # the NIK masked
    entry = Entry.objects.filter(action="board_check.viewed").latest("at")
    assert Entry.objects.filter(action="board_check.viewed").count() == before + 1
    assert entry.actor == city_officer and entry.data["flags"] == 1
