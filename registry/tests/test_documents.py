from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from audit.models import Entry
from registry.models import Document
from wadah.lib.files import DOCUMENT_TYPES, IMAGE_TYPES, sniff
from wadah.tests_crosscutting.helpers import PDF, PNG, document_type

EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


def _upload(client, ormas, name: str, content: bytes):
    return client.post(
        reverse("registry:document-upload", args=[ormas.pk]),
        {"document_type": document_type().pk, "title": "Akta", "file": SimpleUploadedFile(name, content)},
    )


def test_it_stores_a_pdf_outside_the_web_root(client, city_officer, city_ormas):
    client.force_login(city_officer)
    response = _upload(client, city_ormas, "akta.pdf", PDF)
    assert response.status_code == 302
    document = Document.objects.get()
    stored = Path(document.file.path).resolve()
    assert stored.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert not stored.is_relative_to(Path(settings.STATIC_ROOT).resolve())
    assert not any(
        stored.is_relative_to(Path(d if isinstance(d, str | Path) else d[1]).resolve())
        for d in settings.STATICFILES_DIRS
    )
    assert "akta" not in stored.name  # a random stored name
    assert document.content_type == "application/pdf" and document.size == len(PDF)
    assert Entry.objects.filter(action="document.added", ormas=city_ormas).exists()


def test_it_serves_a_document_only_in_scope(client, city_officer, kotim_officer, city_ormas):
    client.force_login(city_officer)
    _upload(client, city_ormas, "akta.pdf", PDF)
    url = Document.objects.get().get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    client.force_login(kotim_officer)
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


def test_it_refuses_an_exe_renamed_pdf_and_stores_nothing(client, city_officer, city_ormas, settings):
    client.force_login(city_officer)
    response = _upload(client, city_ormas, "akta.pdf", EXE)
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert "PDF" in errors[0] and "PNG" in errors[0]
    assert not Document.objects.exists()
    assert not any(Path(settings.MEDIA_ROOT).rglob("*.*"))


def test_it_stores_a_png_renamed_pdf_as_png(client, city_officer, city_ormas):
    client.force_login(city_officer)
    assert _upload(client, city_ormas, "scan.pdf", PNG).status_code == 302
    document = Document.objects.get()
    assert document.content_type == "image/png"
    assert document.file.name.endswith(".png")


def test_it_refuses_a_png_where_only_pdf_is_allowed():
    upload = SimpleUploadedFile("scan.pdf", PNG)
    with pytest.raises(Exception, match="PDF"):
        sniff(upload, {"pdf": DOCUMENT_TYPES["pdf"]}, max_mb=1)
    assert sniff(SimpleUploadedFile("scan.pdf", PNG), IMAGE_TYPES, max_mb=1).mime == "image/png"


@override_settings(WADAH_MAX_DOCUMENT_MB=1)
def test_it_refuses_an_oversized_file(client, city_officer, city_ormas, settings):
    client.force_login(city_officer)
    big = PDF + b"0" * (1024 * 1024 + 10)
    response = _upload(client, city_ormas, "besar.pdf", big)
    assert response.status_code == 200
    assert "1 MB" in response.context["form"].errors["file"][0]
    assert not Document.objects.exists()


def test_it_refuses_an_empty_file(client, city_officer, city_ormas):
    client.force_login(city_officer)
    response = _upload(client, city_ormas, "kosong.pdf", b"")
    assert response.status_code == 200
    assert not Document.objects.exists()


def test_it_archives_a_document_but_keeps_the_file(client, city_officer, city_ormas):
    client.force_login(city_officer)
    _upload(client, city_ormas, "akta.pdf", PDF)
    document = Document.objects.get()
    response = client.post(reverse("registry:document-archive", args=[city_ormas.pk, document.pk]), {"reason": "Ganti"})
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.archived_at is not None
    assert Path(document.file.path).exists()
    assert Entry.objects.filter(action="document.archived").exists()
