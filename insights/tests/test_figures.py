"""The precomputed figures (insights/figures.py, ADR 0011): equal to a direct count after changes, scoped by the
registry's rule, refreshed when behind; and the dashboard and API list in a fixed number of queries."""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from insights import dashboard, figures
from insights.models import AreaFigure, FigureRefresh
from registry import actions
from registry.models import Chapter, FieldOfActivity, Ormas
from wadah.lib.files import DOCUMENT_TYPES, sniff
from wadah.testing import make_chapter, make_ormas, make_user, pass_second_factor
from wadah.tests_crosscutting.helpers import PDF, document_type

pytestmark = pytest.mark.django_db


def _kotim_village() -> str:
    from regions.models import Region

    village = Region.objects.filter(code__startswith="62.02.", level="desa").order_by("code").first()
    assert village is not None
    return village.code


def _register(today: dt.date) -> list[Ormas]:
    """A small register touching every figure: forms, statuses, SKT dates, chapters, bidang, contacts, two kab/kota."""
    field_a, _ = FieldOfActivity.objects.get_or_create(name="Kepemudaan")
    field_b, _ = FieldOfActivity.objects.get_or_create(name="Lingkungan hidup")
    made = [
        make_ormas(fields_of_activity=[field_a]),
        make_ormas(
            name="Forum Lama",
            abbreviation="FL",
            skt_number="x/1",
            skt_issued_on=dt.date(2019, 1, 1),
            skt_expires_on=today - dt.timedelta(days=3),
            phone="0811",
            fields_of_activity=[field_a, field_b],
        ),
        make_ormas(
            name="Forum Dekat", abbreviation="FD", skt_number="x/2", skt_expires_on=today + dt.timedelta(days=20)
        ),
        make_ormas(
            name="Yayasan Hijau",
            abbreviation="YH",
            legal_form=Ormas.LegalForm.FOUNDATION,
            skt_number="",
            ahu_number="AHU-1",
            ahu_date=dt.date(2021, 5, 1),
            email="a@b.id",
        ),
        make_ormas(
            village=_kotim_village(),
            name="Persatuan Nelayan Sungai Mentaya",
            abbreviation="PNSM",
            skt_number="02/9",
            skt_expires_on=today + dt.timedelta(days=60),
        ),
        make_ormas(village="62.71.01", name="Ikatan Tanpa Desa", abbreviation="ITD", skt_number="x/3"),
    ]
    make_chapter(made[0], term_end=today - dt.timedelta(days=1))
    make_chapter(made[1], term_end=today + dt.timedelta(days=400))
    return made


def _direct_equals_precomputed(user, regency: str = "") -> None:
    assert figures.counts(user, regency) == dashboard.live_counts(user, regency)


def test_precomputed_figures_equal_a_direct_count_and_follow_changes(
    leader, city_officer, kotim_officer, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    made = _register(today)
    figures.refresh("62")
    for user, regency in [(leader, ""), (leader, "62.71"), (leader, "62.02"), (city_officer, ""), (kotim_officer, "")]:
        _direct_equals_precomputed(user, regency)
    assert sum(figures.counts(leader).register.values()) == 6

    # Changes through the actions: a status, a correction (contact), a document, a chapter, a new Ormas.
    actions.change_ormas_status(made[0], Ormas.Status.INACTIVE, by=None, reason="Tidak aktif lagi")
    actions.update_ormas(made[2], by=None, changes={"phone": "0812"})
    actions.add_document(
        made[3],
        by=None,
        document_type=document_type(),
        upload=SimpleUploadedFile("akta.pdf", PDF, content_type="application/pdf"),
        sniffed=sniff(SimpleUploadedFile("akta.pdf", PDF), DOCUMENT_TYPES, max_mb=5),
    )
    chapter = Chapter.objects.get(ormas=made[1])
    chapter.term_end = today - dt.timedelta(days=2)
    actions.save_chapter(chapter, by=None, changed_fields=["term_end"])
    make_ormas(name="Ikatan Baru", abbreviation="IB", skt_number="x/9")
    assert figures.counts(leader) != dashboard.live_counts(leader)  # behind until refreshed

    # A view notices the audited changes and queues the refresh; the worker (run on commit here) catches up.
    before = FigureRefresh.objects.get(province_code="62").as_of
    with django_capture_on_commit_callbacks(execute=True):
        queued = figures.snapshot(leader)
    assert queued is not None and queued.pending and queued.as_of == before
    snapshot = figures.snapshot(leader)
    assert snapshot is not None and snapshot.as_of > before and not snapshot.pending
    for user, regency in [(leader, ""), (leader, "62.71"), (city_officer, ""), (kotim_officer, "")]:
        _direct_equals_precomputed(user, regency)
    counts = figures.counts(leader)
    assert sum(counts.register.values()) == 7
    assert counts.deadlines["board_ended"] == 2


def test_figures_are_scoped_by_the_registry_rule(client, leader, city_officer, kotim_officer, agency_member):
    _register(timezone.localdate())
    figures.refresh("62")
    assert {key[0] for key in figures.counts(city_officer).register} == {"62.71"}
    assert {key[0] for key in figures.counts(kotim_officer).register} == {"62.02"}
    assert {key[0] for key in figures.counts(leader).register} == {"62.71", "62.02"}
    # The same rows, filtered as the Ormas are: a kab/kota officer reads only his kab/kota's rows.
    visible = AreaFigure.objects.visible_to(city_officer)
    assert visible.exists() and not visible.exclude(regency_code="62.71").exists()
    ormas_account = make_user("ormas.x", Role.ORMAS_ACCOUNT)
    assert not AreaFigure.objects.visible_to(ormas_account).exists()
    # A province officer filtering to another province's kab/kota reads nothing of it (valid_regency refuses it).
    assert dashboard.valid_regency(city_officer, "62.02") == ""
    client.force_login(city_officer)
    pass_second_factor(client, city_officer)
    page = client.get(reverse("insights:home"))
    assert page.context["summary"]["total"] == 5
    assert [row[1] for row in next(t for t in page.context["tables"] if t.key == "regency").rows] == [5]
    drill = client.get(reverse("insights:map-data"), {"regency": "62.71"}).json()
    assert sum(r["value"] for r in drill["regions"]) == 5  # one coded only to its kecamatan counts there too


def test_figures_from_an_earlier_day_are_refreshed_and_say_so_meanwhile(
    client, leader, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    _register(today)
    figures.refresh("62", today=today - dt.timedelta(days=1))  # yesterday's run: date rules of yesterday
    # Yesterday, the SKT that expired 3 days ago was already expired, but today's 30-day window differs.
    assert FigureRefresh.objects.get(province_code="62").day != today
    client.force_login(leader)
    pass_second_factor(client, leader)
    # The queued refresh has not run yet (the task waits for the commit): the page shows the old time and says so.
    page = client.get(reverse("insights:home"))
    assert page.context["pending"] is True
    assert "Newer changes are being counted" in page.content.decode()
    assert FigureRefresh.objects.get(province_code="62").requested_at is not None
    # A second view does not queue it again.
    assert figures.request_refresh("62") is False
    # The worker runs it: today's figures, nothing pending.
    with django_capture_on_commit_callbacks(execute=True):
        FigureRefresh.objects.filter(province_code="62").update(requested_at=None)
        assert figures.request_refresh("62") is True
    marker = FigureRefresh.objects.get(province_code="62")
    assert marker.day == today and marker.requested_at is None
    _direct_equals_precomputed(leader)
    page = client.get(reverse("insights:home"))
    assert page.context["pending"] is False
    assert timezone.localtime(marker.as_of).strftime("%H:%M") in page.content.decode()


def test_a_queued_refresh_that_never_ran_is_queued_again(leader):
    _register(timezone.localdate())
    figures.refresh("62")
    assert figures.request_refresh("62") is True
    assert figures.request_refresh("62") is False
    FigureRefresh.objects.filter(province_code="62").update(
        requested_at=timezone.now() - figures.REQUEST_EXPIRES - dt.timedelta(seconds=1)
    )
    assert figures.request_refresh("62") is True


def test_the_scheduled_command_refreshes_only_provinces_that_are_behind(leader):
    _register(timezone.localdate())
    out = io.StringIO()
    call_command("refresh_figures", stdout=out)
    assert "62: figures as of" in out.getvalue() and "1 provinces refreshed" in out.getvalue()
    assert figures.due_provinces() == ["62"]  # entries of the last LATE_COMMIT minutes still count
    assert figures.due_provinces(overlap=dt.timedelta(0)) == []
    make_ormas(name="Ikatan Kemudian", abbreviation="IK", skt_number="x/8")
    assert figures.due_provinces(overlap=dt.timedelta(0)) == ["62"]
    out = io.StringIO()
    call_command("refresh_figures", "--all", stdout=out)
    assert "1 provinces refreshed" in out.getvalue()
    _direct_equals_precomputed(leader)


def test_a_new_installation_computes_its_figures_on_the_first_view(client, leader, city_ormas):
    assert not FigureRefresh.objects.exists()
    client.force_login(leader)
    pass_second_factor(client, leader)
    assert client.get(reverse("insights:home")).context["summary"]["total"] == 1
    assert FigureRefresh.objects.get(province_code="62").as_of is not None


def test_the_dashboard_reads_a_fixed_number_of_queries_for_any_register_size(client, leader):
    client.force_login(leader)
    pass_second_factor(client, leader)

    def cold_and_warm() -> tuple[int, int]:
        from django.core.cache import cache

        figures.refresh("62")
        cache.clear()
        with CaptureQueriesContext(connection) as cold:
            client.get(reverse("insights:home"))
        with CaptureQueriesContext(connection) as warm:
            client.get(reverse("insights:home"))
        return len(cold), len(warm)

    make_ormas()
    few = cold_and_warm()
    for index in range(15):
        ormas = make_ormas(name=f"Ikatan Nomor {index}", abbreviation=f"IN{index}", skt_number=f"n/{index}")
        make_chapter(ormas, term_end=timezone.localdate() - dt.timedelta(days=index))
    many = cold_and_warm()
    assert many == few  # no query per Ormas, per kab/kota row or per chart
    assert few[1] <= 8  # warm: session, user, device, office, the figures' state, the change check, the bell
