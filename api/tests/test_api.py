"""The open-data API: the same data as the public pages, conditional requests, limits, partner tokens."""

import csv
import io

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.test import override_settings

from api import actions
from api.models import ApiToken
from audit.models import Entry
from portal import register
from portal.models import CardField, PublicationRule
from wadah.testing import make_ormas

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()


def test_the_list_pages_with_a_cursor(client, city_ormas, kotim_ormas):
    first = client.get("/api/v1/ormas", {"limit": 1}).json()
    assert len(first["items"]) == 1 and first["next_cursor"]
    second = client.get("/api/v1/ormas", {"limit": 1, "cursor": first["next_cursor"]}).json()
    assert second["next_cursor"] is None
    names = {first["items"][0]["name"], second["items"][0]["name"]}
    assert names == {city_ormas.name, kotim_ormas.name}
    assert client.get("/api/v1/ormas", {"cursor": "not-a-cursor"}).status_code == 400


def test_the_list_uses_the_directorys_filters(client, city_ormas, kotim_ormas):
    items = client.get("/api/v1/ormas", {"regency": "62.02"}).json()["items"]
    assert [i["name"] for i in items] == [kotim_ormas.name]
    # Same query function as the directory page.
    assert [str(o.public_id) for o in register.register(register.Filters(regency="62.02"))] == [i["id"] for i in items]


def test_one_ormas_is_its_public_card(client, city_ormas):
    body = client.get(f"/api/v1/ormas/{city_ormas.public_id}").json()
    card = register.public_card(city_ormas)
    for key in ("name", "abbreviation", "registration_number", "status", "regency", "village", "district", "fields"):
        assert body[key] == card[key], key
    assert body["valid_until"] == card["valid_until"].isoformat()
    assert "address" not in body and "phone" not in body
    assert client.get("/api/v1/ormas/00000000-0000-0000-0000-000000000000").status_code == 404


def test_etag_and_last_modified_answer_304(client, city_ormas):
    first = client.get("/api/v1/ormas")
    assert first["ETag"] and first["Last-Modified"]
    again = client.get("/api/v1/ormas", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    city_ormas.name = "Ikatan Pemuda Tepian Kahayan Baru"
    city_ormas.save()
    assert client.get("/api/v1/ormas", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_the_bulk_csv_streams_the_public_fields(client, city_ormas):
    make_ormas(name="=HYPERLINK(1)", abbreviation="HX", skt_number="h/1")
    response = client.get("/api/v1/ormas.csv")
    assert response.status_code == 200 and response.streaming
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0] == register.CSV_COLUMNS
    assert any(row[1] == "'=HYPERLINK(1)" for row in rows[1:])  # formula neutralised
    assert len(rows) == 3


def test_withheld_fields_are_withheld_in_the_api_too(client, city_ormas):
    PublicationRule.objects.filter(field=CardField.FIELDS).update(published=False)
    assert client.get(f"/api/v1/ormas/{city_ormas.public_id}").json()["fields"] is None


def test_letter_verification_says_what_the_letter_page_says(client, city_ormas):
    assert client.get("/api/v1/letters/00000000-0000-0000-0000-000000000000").status_code == 404


@override_settings(API_RATE_LIMIT_PER_MINUTE=3)
def test_requests_are_rate_limited(client, city_ormas):
    statuses = [client.get("/api/v1/ormas").status_code for _ in range(5)]
    assert statuses[:3] == [200, 200, 200] and statuses[3] == 429


def test_partner_endpoints_need_a_token(client, city_ormas, system_admin):
    url = "/api/v1/partner/ormas-status"
    assert client.get(url, {"number": city_ormas.skt_number}).status_code == 401
    token, plain = actions.issue_token(name="SIPD", organisation="BPKAD", by=system_admin, scopes=["ormas_status"])
    assert ApiToken.objects.get().token_hash != plain  # stored hashed
    assert Entry.objects.filter(action="api_token.issued").exists()
    auth = {"HTTP_AUTHORIZATION": f"Bearer {plain}"}
    body = client.get(url, {"number": city_ormas.skt_number}, **auth).json()
    assert body["ormas"]["name"] == city_ormas.name and body["registration_valid"] is True
    assert client.get(url, {"number": "no-such-number"}, **auth).status_code == 404
    actions.revoke_token(token, by=system_admin)
    assert client.get(url, {"number": city_ormas.skt_number}, **auth).status_code == 401


def test_only_an_admin_issues_tokens(city_officer):
    with pytest.raises(PermissionDenied):
        actions.issue_token(name="x", organisation="y", by=city_officer)


def test_the_docs_page_loads_nothing_from_a_cdn(client):
    page = client.get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower() and "https://" not in page
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.1")
