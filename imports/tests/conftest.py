import pytest
from django.urls import reverse

from imports.models import ImportBatch
from imports.tests.helpers import upload, xlsx_bytes


@pytest.fixture
def run_import(client, django_capture_on_commit_callbacks):
    """Upload rows as an officer, accept the guessed mapping (plus overrides), and return the analysed batch."""

    def run(user, rows=None, *, data=None, name="daftar.xlsx", default_region="", mapping=None, **xlsx_options):
        client.force_login(user)
        content = data if data is not None else xlsx_bytes(rows, **xlsx_options)
        response = client.post(reverse("imports:start"), {"file": upload(content, name)})
        assert response.status_code == 302, response.context["form"].errors if response.context else response
        batch = ImportBatch.objects.filter(created_by=user).latest("created_at")
        form = {f"col_{k}": v for k, v in (mapping or batch.mapping).items()}
        form["default_region"] = default_region
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("imports:mapping", args=[batch.public_id]), form)
        assert response.status_code == 302
        batch.refresh_from_db()
        return batch

    return run


@pytest.fixture
def commit(client, django_capture_on_commit_callbacks):
    def run(batch):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("imports:confirm", args=[batch.public_id]))
        batch.refresh_from_db()
        return response

    return run
