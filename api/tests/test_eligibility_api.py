"""The eligibility endpoint for the finance office (issue 12 item 1): the gate's own answer, behind a scoped token,
documented in the OpenAPI schema, and recorded as a disclosure."""

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError

from api import actions
from audit.models import Entry
from grants import eligibility
from grants.tests.helpers import eligible_ormas, make_window
from registry.models import Ormas

pytestmark = pytest.mark.django_db
URL = "/api/v1/partner/eligibility"


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()


@pytest.fixture
def bpkad(system_admin):
    _token, plain = actions.issue_token(
        name="SIPD hibah", organisation="BPKAD Kalteng", by=system_admin, scopes=["eligibility"]
    )
    return {"HTTP_AUTHORIZATION": f"Bearer {plain}"}


def test_without_a_token_it_answers_401_and_without_the_scope_403(client, system_admin):
    ormas = eligible_ormas()
    assert client.get(URL, {"skt": ormas.skt_number}).status_code == 401
    assert client.get(URL, {"skt": ormas.skt_number}, HTTP_AUTHORIZATION="Bearer wdh_wrong").status_code == 401
    _token, plain = actions.issue_token(name="x", organisation="y", by=system_admin, scopes=["ormas_status"])
    response = client.get(URL, {"skt": ormas.skt_number}, HTTP_AUTHORIZATION=f"Bearer {plain}")
    assert response.status_code == 403 and "eligibility" in response.json()["detail"]
    # And a token issued with no scope reads neither partner endpoint (deny by default).
    _token, bare = actions.issue_token(name="z", organisation="y", by=system_admin)
    status_url = "/api/v1/partner/ormas-status"
    assert client.get(status_url, {"number": ormas.skt_number}, HTTP_AUTHORIZATION=f"Bearer {bare}").status_code == 403
    assert not Entry.objects.filter(action="api.eligibility_disclosed").exists()


def test_an_unknown_scope_is_refused(system_admin):
    with pytest.raises(ValidationError):
        actions.issue_token(name="x", organisation="y", by=system_admin, scopes=["everything"])


def test_the_answer_is_the_gates_answer_by_id_skt_and_window(client, bpkad):
    ormas = eligible_ormas()
    window = make_window()
    expected = eligibility.check(ormas, window=window).as_dict()
    for params in ({"id": str(ormas.public_id)}, {"skt": ormas.skt_number}):
        body = client.get(URL, {**params, "window": window.pk}, **bpkad).json()
        assert body["conditions"] == expected["conditions"]
        assert body["eligible"] == expected["eligible"] and body["window"] == window.pk
        assert body["on"] == expected["on"]
        assert body["ormas"]["id"] == str(ormas.public_id) and body["ormas"]["name"] == ormas.name
    codes = [c["code"] for c in body["conditions"]]
    assert "registered" in codes and "not_sanctioned" in codes
    first = body["conditions"][0]
    assert set(first) == {"code", "description", "passed", "reason", "legal_source", "version", "unverified"}


def test_a_legal_entity_by_its_ahu_number_and_failing_conditions_with_reasons(client, bpkad):
    ormas = eligible_ormas(
        name="Yayasan Betang Lestari",
        abbreviation="YBL",
        legal_form=Ormas.LegalForm.FOUNDATION,
        skt_number="",
        ahu_number="AHU-0012345.AH.01.04.Tahun 2019",
    )
    Ormas.objects.filter(pk=ormas.pk).update(status=Ormas.Status.FROZEN)
    ormas.refresh_from_db()
    body = client.get(URL, {"ahu": ormas.ahu_number}, **bpkad).json()
    assert body["eligible"] is False
    failing = {c["code"]: c for c in body["conditions"] if not c["passed"]}
    assert "not_sanctioned" in failing and failing["not_sanctioned"]["reason"]
    assert body["conditions"] == eligibility.check(ormas).as_dict()["conditions"]


def test_unknown_ormas_or_window_is_404_and_a_bad_question_400(client, bpkad):
    ormas = eligible_ormas()
    assert client.get(URL, {"skt": "no-such-skt"}, **bpkad).status_code == 404
    assert client.get(URL, {"id": "00000000-0000-0000-0000-000000000000"}, **bpkad).status_code == 404
    assert client.get(URL, {"skt": ormas.skt_number, "window": 999999}, **bpkad).status_code == 404
    assert client.get(URL, {}, **bpkad).status_code == 400
    assert client.get(URL, {"skt": ormas.skt_number, "ahu": "x"}, **bpkad).status_code == 400
    assert client.get(URL, {"id": "not-a-uuid"}, **bpkad).status_code == 422
    assert client.get(URL, {"skt": ormas.skt_number, "window": "-1"}, **bpkad).status_code == 422


def test_every_answer_is_recorded_as_a_disclosure(client, bpkad):
    ormas = eligible_ormas()
    client.get(URL, {"skt": ormas.skt_number}, **bpkad)
    entry = Entry.objects.get(action="api.eligibility_disclosed")
    assert entry.ormas == ormas and entry.actor is None
    assert entry.data["organisation"] == "BPKAD Kalteng" and "SIPD hibah" in entry.data["token"]


@pytest.mark.indonesian
def test_the_conditions_are_indonesian_by_default_and_english_when_asked(client, bpkad):
    ormas = eligible_ormas()
    body = client.get(URL, {"skt": ormas.skt_number}, **bpkad).json()
    registered = next(c for c in body["conditions"] if c["code"] == "registered")
    assert registered["description"].startswith("Terdaftar dengan SKT")
    assert registered["reason"].startswith("SKT")  # "SKT berlaku …"
    english = client.get(URL, {"skt": ormas.skt_number, "lang": "en"}, **bpkad).json()
    registered = next(c for c in english["conditions"] if c["code"] == "registered")
    assert registered["description"].startswith("Registered with a valid SKT")


def test_the_grant_windows_are_listed_for_the_eligibility_scope(client, bpkad):
    window = make_window()
    body = client.get("/api/v1/partner/grant-windows", **bpkad).json()
    assert [w["id"] for w in body] == [window.pk]


def test_the_endpoint_is_in_the_openapi_schema(client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/partner/eligibility"]["get"]
    assert set(operation["responses"]) >= {"200", "401", "403", "404"}
    assert {p["name"] for p in operation["parameters"]} >= {"id", "skt", "ahu", "window"}
    assert operation["security"]
    assert "ConditionOut" in schema["components"]["schemas"]
