"""Every role × every registry view that takes an Ormas: scope gives 404, capability gives 403."""

import pytest
from django.urls import reverse

from regions.models import Region
from wadah.testing import make_ormas
from wadah.tests_crosscutting.helpers import fill, login_verified

# (name, method, kind, url builder). kind: "read" for readers, "edit" for editors, "nik" for personal-data readers.
VIEWS = [
    ("ormas-detail", "get", "read", lambda r: reverse("registry:ormas-detail", args=[r.ormas.pk])),
    ("ormas-logo", "get", "read", lambda r: reverse("registry:ormas-logo", args=[r.ormas.pk])),
    ("ormas-history", "get", "read", lambda r: reverse("registry:ormas-history", args=[r.ormas.pk])),
    ("document-download", "get", "read", lambda r: reverse("registry:document-download", args=[r.document.pk])),
    ("ormas-edit", "get", "edit", lambda r: reverse("registry:ormas-edit", args=[r.ormas.pk])),
    ("ormas-edit-post", "post", "edit", lambda r: reverse("registry:ormas-edit", args=[r.ormas.pk])),
    ("ormas-status", "post", "edit", lambda r: reverse("registry:ormas-status", args=[r.ormas.pk])),
    ("chapter-create", "get", "edit", lambda r: reverse("registry:chapter-create", args=[r.ormas.pk])),
    (
        "chapter-edit",
        "get",
        "edit",
        lambda r: reverse("registry:chapter-edit", args=[r.ormas.pk, r.chapter.pk]),
    ),
    ("board-add", "get", "edit", lambda r: reverse("registry:board-add", args=[r.ormas.pk, r.chapter.pk])),
    ("seat-end", "get", "edit", lambda r: reverse("registry:seat-end", args=[r.ormas.pk, r.seat.pk])),
    ("document-upload", "get", "edit", lambda r: reverse("registry:document-upload", args=[r.ormas.pk])),
    (
        "document-archive",
        "post",
        "edit",
        lambda r: reverse("registry:document-archive", args=[r.ormas.pk, r.document.pk]),
    ),
    ("person-nik", "post", "nik", lambda r: reverse("registry:person-nik", args=[r.ormas.pk, r.seat.person_id])),
    # The Ormas's network and business units (partnerships/).
    ("partnerships-ormas", "get", "read", lambda r: reverse("partnerships:ormas", args=[r.ormas.pk])),
    ("partnerships-record", "get", "edit", lambda r: reverse("partnerships:record", args=[r.ormas.pk])),
    ("partnerships-unit-new", "get", "edit", lambda r: reverse("partnerships:unit-new", args=[r.ormas.pk])),
]
VIEW_IDS = [v[0] for v in VIEWS]
OK = (200, 302)


@pytest.fixture
def both(db):
    """(in Palangka Raya, in Kotawaringin Timur), each with a logo, chapter, board seat and document."""
    city = make_ormas()
    village = Region.objects.filter(code__startswith="62.02.", level="desa").first()
    kotim = make_ormas(village=village.code, name="Persatuan Nelayan Sungai Mentaya", abbreviation="PNSM")
    return fill(city, "6271011204850002"), fill(kotim, "6202015204850003")


def _call(client, method: str, url: str):
    return client.get(url) if method == "get" else client.post(url, {})


@pytest.mark.parametrize(("name", "method", "kind", "url"), VIEWS, ids=VIEW_IDS)
def test_it_gives_a_city_officer_404_outside_and_access_inside_the_kota(
    client, city_officer, both, name, method, kind, url
):
    city, kotim = both
    client.force_login(city_officer)
    assert _call(client, method, url(kotim)).status_code == 404
    assert _call(client, method, url(city)).status_code in OK


@pytest.mark.parametrize(("name", "method", "kind", "url"), VIEWS, ids=VIEW_IDS)
def test_it_lets_a_province_officer_reach_every_kabupaten(client, province_officer, both, name, method, kind, url):
    client.force_login(province_officer)
    for records in both:
        assert _call(client, method, url(records)).status_code in OK, records.ormas


@pytest.mark.parametrize(("name", "method", "kind", "url"), VIEWS, ids=VIEW_IDS)
@pytest.mark.parametrize("role", ["agency_member", "system_admin"])
def test_it_lets_readers_read_but_not_edit(request, client, both, role, name, method, kind, url):
    user = request.getfixturevalue(role)
    login_verified(client, user)
    expected = {"read": OK, "edit": (403,), "nik": (404,)}[kind]
    for records in both:
        assert _call(client, method, url(records)).status_code in expected, records.ormas


@pytest.mark.parametrize(("name", "method", "kind", "url"), VIEWS, ids=VIEW_IDS)
def test_it_refuses_an_ormas_account_every_staff_view(client, ormas_account, both, name, method, kind, url):
    client.force_login(ormas_account)
    for records in both:
        assert _call(client, method, url(records)).status_code == 403


@pytest.mark.parametrize("role", ["city_officer", "province_officer", "agency_member", "system_admin"])
def test_it_lists_only_ormas_in_scope(request, client, both, role):
    user = request.getfixturevalue(role)
    login_verified(client, user)
    text = client.get(reverse("registry:ormas-list")).text
    city, kotim = both
    assert city.ormas.name in text
    assert (kotim.ormas.name in text) == (user.scope_code == "62")


def test_it_refuses_an_ormas_account_the_list_and_export(client, ormas_account, both):
    client.force_login(ormas_account)
    assert client.get(reverse("registry:ormas-list")).status_code == 403
    assert client.get(reverse("registry:ormas-export")).status_code == 403
    assert client.get(reverse("registry:ormas-create")).status_code == 403
