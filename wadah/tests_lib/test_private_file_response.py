from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.db.models.fields.files import FieldFile

from registry.models import Document
from wadah.lib.files import private_file_response


def _stored(tmp_path, name: str, data: bytes) -> FieldFile:
    storage = FileSystemStorage(location=tmp_path)
    field_file = FieldFile(Document(), Document._meta.get_field("file"), storage.save(name, ContentFile(data)))
    field_file.storage = storage
    return field_file


def test_it_shows_a_pdf_in_place_and_keeps_a_non_ascii_name_safely(tmp_path):
    response = private_file_response(_stored(tmp_path, "a.pdf", b"%PDF-1.4"), filename='Akta "Ormas" é.pdf')
    disposition = response["Content-Disposition"]
    assert disposition.startswith("inline") and "filename*=utf-8''" in disposition and '"Ormas"' not in disposition
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"


def test_it_downloads_anything_a_browser_should_not_render(tmp_path):
    response = private_file_response(
        _stored(tmp_path, "b.docx", b"PK"),
        filename="program.docx",
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    assert response["Content-Disposition"].startswith("attachment")


def test_it_takes_the_stored_name_and_type_when_none_are_given(tmp_path):
    response = private_file_response(_stored(tmp_path, "logos/logo.png", b"\x89PNG"))
    assert response["Content-Type"] == "image/png" and 'filename="logo.png"' in response["Content-Disposition"]
