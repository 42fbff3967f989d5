"""The public register: what it shows, what it never shows, how it is searched, and withholding requests."""

import datetime as dt
import gzip
import re

import pytest
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.models import Office, Role
from audit.models import Entry
from portal import actions, register
from portal.models import CardField, PublicationRule, WithholdingRequest
from registry import actions as registry_actions
from registry.models import BoardMember
from supervision import actions as supervision_actions
from supervision.models import CaseStep
from wadah.testing import make_chapter, make_user

pytestmark = pytest.mark.django_db
NIK = "6271014501900001"


@pytest.fixture
def seated_ormas(city_ormas):
    chapter = make_chapter(city_ormas)
    registry_actions.add_board_member(
        chapter,
        by=None,
        nik=NIK,
        person_values={"name": "Rahmat Hidayat", "address": "Jl. Rumah Pribadi No. 9"},
        position=BoardMember.Position.CHAIR,
    )
    city_ormas.phone = "0812-3456-7890"
    city_ormas.save()
    return city_ormas


def test_the_card_shows_the_public_fields_and_nothing_personal(client, seated_ormas):
    page = client.get(reverse("portal:ormas-card", args=[seated_ormas.public_id])).content.decode()
    assert seated_ormas.name in page
    assert seated_ormas.skt_number in page
    assert "Kota Palangkaraya" in page  # kab/kota
    for secret in (NIK, "Rahmat Hidayat", "Rumah Pribadi", "Tjilik Riwut", "0812-3456-7890"):
        assert secret not in page, secret


def test_the_directory_searches_own_fields_only(client, seated_ormas, kotim_ormas):
    def names(**params):
        return client.get(reverse("portal:directory"), params).content.decode()

    assert seated_ormas.name in names(q="tepian kahayan")
    assert seated_ormas.name in names(q="IPTK")
    assert seated_ormas.name not in names(q="Rahmat Hidayat")  # a board member's name finds nothing
    assert seated_ormas.name not in names(q=NIK)
    filtered = names(regency="62.02")
    assert kotim_ormas.name in filtered and seated_ormas.name not in filtered
    assert client.get(reverse("portal:directory"), {"regency": "nonsense", "page": "x"}).status_code == 200


def test_only_final_sanctions_are_public(client, city_officer, city_ormas):
    office = Office.objects.get(region_id="62.71")
    case = supervision_actions.open_case(
        ormas=city_ormas, office=office, by=city_officer, summary="Pungutan liar", source="complaint"
    )
    today = timezone.localdate()
    warning = CaseStep.objects.create(
        case=case, kind=CaseStep.Kind.WRITTEN_WARNING, decided_on=today, deadline=today + dt.timedelta(days=9)
    )
    card = register.public_card(city_ormas)
    assert card["sanctions"] == []  # a warning is a pending matter
    warning.delete()
    CaseStep.objects.create(case=case, kind=CaseStep.Kind.HALT, decided_on=today)
    assert [s["kind"] for s in register.public_card(city_ormas)["sanctions"]] == [CaseStep.Kind.HALT]
    page = client.get(reverse("portal:ormas-card", args=[city_ormas.public_id])).content.decode()
    assert "Pungutan liar" not in page  # the case itself stays internal


def test_a_publication_rule_switched_off_hides_the_field_everywhere(client, city_ormas):
    PublicationRule.objects.filter(field=CardField.REGISTRATION).update(published=False)
    assert register.public_card(city_ormas)["registration_number"] is None
    assert (
        city_ormas.skt_number
        not in client.get(reverse("portal:ormas-card", args=[city_ormas.public_id])).content.decode()
    )
    api = client.get(f"/api/v1/ormas/{city_ormas.public_id}").json()
    assert api["registration_number"] is None


def test_an_ormas_asks_to_withhold_a_field_and_an_officer_grants_it(client, city_ormas, city_officer):
    account = make_user("sekretaris", Role.ORMAS_ACCOUNT)
    account.ormas = city_ormas
    account.save()
    client.force_login(account)
    response = client.post(
        reverse("portal:withholding-new"),
        {"fields_to_withhold": [CardField.SECRETARIAT], "reason": "Sekretariat di rumah ketua."},
    )
    assert response.status_code == 302
    request = WithholdingRequest.objects.get()
    assert request.status == WithholdingRequest.Status.PENDING
    assert register.public_card(city_ormas)["village"] is not None  # nothing changes before the decision
    client.force_login(city_officer)
    assert client.get(reverse("portal:withholding-list")).status_code == 200
    client.post(reverse("portal:withholding-decide", args=[request.pk]), {"decision": "grant", "note": ""})
    request.refresh_from_db()
    assert request.status == WithholdingRequest.Status.GRANTED
    card = register.public_card(city_ormas)
    assert card["village"] is None and card["district"] is None and card["withheld"] == [CardField.SECRETARIAT]
    assert {"withholding.requested", "withholding.granted"} <= set(Entry.objects.values_list("action", flat=True))


def test_sanctions_and_registration_cannot_be_withheld(city_ormas):
    account = make_user("sekretaris", Role.ORMAS_ACCOUNT)
    account.ormas = city_ormas
    account.save()
    with pytest.raises(ValidationError):
        actions.request_withholding(city_ormas, fields=[CardField.SANCTIONS], reason="x", by=account)


def test_an_officer_of_another_area_cannot_decide(city_ormas, kotim_officer, client):
    account = make_user("sekretaris", Role.ORMAS_ACCOUNT)
    account.ormas = city_ormas
    account.save()
    request = actions.request_withholding(city_ormas, fields=[CardField.LOGO], reason="Logo lama", by=account)
    client.force_login(kotim_officer)
    assert client.get(reverse("portal:withholding-decide", args=[request.pk])).status_code == 404


def test_the_offices_page_lists_all_fifteen_with_opening_hours(client):
    page = client.get(reverse("portal:offices")).content.decode()
    assert page.count('<h2 class="h3"') == 15
    assert "07.30" in page


def test_the_services_page_lists_the_checklists(client):
    from services.models import ChecklistItem

    item = ChecklistItem.objects.select_related("service_type", "document_type").first()
    page = client.get(reverse("portal:services")).content.decode()
    assert item is None or item.document_type.name in page


@pytest.mark.parametrize(
    "name",
    ["portal:home", "portal:directory", "portal:services", "portal:offices", "portal:faq", "portal:letter-lookup"],
)
def test_public_pages_weigh_under_100_kb_compressed(client, city_ormas, name):
    """HTML + every stylesheet and script it links, gzip-compressed (ux.md budget)."""
    html = client.get(reverse(name)).content
    total = len(gzip.compress(html))
    for url in re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html):
        path = finders.find(url.decode().removeprefix("/static/"))
        assert path, url
        with open(path, "rb") as handle:
            total += len(gzip.compress(handle.read()))
    assert total < 100_000, total
    assert b"tabler.min.css" not in html
