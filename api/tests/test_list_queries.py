"""The open-data list at any size: a fixed number of queries, only the columns it shows, and rows that match the
declared schema (the view renders them without validating each row again)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from api.views import OrmasPage
from registry.models import FieldOfActivity
from wadah.testing import make_ormas

pytestmark = pytest.mark.django_db


def test_the_api_list_reads_a_fixed_number_of_queries(client):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/api/v1/ormas", {"regency": "62.71", "limit": 50})
        assert response.status_code == 200
        return len(captured)

    make_ormas()
    queries()  # reads the publication rules and bidang names once (cached for a minute)
    one = queries()
    for index in range(12):
        ormas = make_ormas(name=f"Ikatan Nomor {index}", abbreviation=f"IN{index}", skt_number=f"n/{index}")
        ormas.fields_of_activity.add(FieldOfActivity.objects.get_or_create(name="Kepemudaan")[0])
    assert queries() == one
    # Only the columns the schema returns are read from the register.
    with CaptureQueriesContext(connection) as captured:
        client.get("/api/v1/ormas", {"regency": "62.71"})
    page_sql = next(q["sql"] for q in captured.captured_queries if 'FROM "registry_ormas"' in q["sql"])
    assert '"purpose"' not in page_sql and '"address"' not in page_sql


def test_the_api_list_answers_in_its_declared_schema(client):
    for index in range(3):
        make_ormas(name=f"Ikatan Nomor {index}", abbreviation=f"IN{index}", skt_number=f"n/{index}")
    response = client.get("/api/v1/ormas", {"limit": 2})
    assert response.status_code == 200 and response["ETag"]
    page = OrmasPage.model_validate(response.json())
    assert len(page.items) == 2 and page.next_cursor
    rest = client.get("/api/v1/ormas", {"limit": 2, "cursor": page.next_cursor}).json()
    assert len(OrmasPage.model_validate(rest).items) == 1 and rest["next_cursor"] is None
    assert client.get("/api/v1/ormas", {"limit": 2}, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
