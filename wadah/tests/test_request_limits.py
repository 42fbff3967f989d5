"""Oversized and overfull request bodies are refused with a clear page before they are read, never with a 500."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.client import MULTIPART_CONTENT, encode_multipart

COMPLAINT = "/pengaduan/baru/"


class Unreadable(io.BytesIO):
    """A request body that fails the test if anything reads it."""

    def read(self, *args, **kwargs):  # pragma: no cover - reaching it is the failure
        raise AssertionError("the body was read")

    readline = read


@pytest.mark.django_db
def test_a_100_mb_anonymous_post_is_refused_from_its_length_without_reading_it(client):
    size = 100 * 1024 * 1024
    response = client.generic(
        "POST",
        COMPLAINT,
        b"",
        content_type=MULTIPART_CONTENT,
        CONTENT_LENGTH=str(size),
        **{"wsgi.input": Unreadable()},
    )
    assert response.status_code == 413
    assert b"100.0 MB" in response.content and b"Nothing was saved" in response.content


@pytest.mark.django_db
@pytest.mark.indonesian
def test_the_refusal_is_in_indonesian(client):
    response = client.post(COMPLAINT, {}, CONTENT_LENGTH=str(200 * 1024 * 1024))
    assert response.status_code == 413
    assert "Tidak ada yang disimpan" in response.content.decode()


@pytest.mark.django_db
def test_one_file_over_the_largest_cap_is_aborted_while_it_streams(client, settings):
    settings.WADAH_MAX_DOCUMENT_MB = settings.WADAH_MAX_IMPORT_MB = 1
    settings.WADAH_MAX_REQUEST_MB = 50
    upload = SimpleUploadedFile("big.pdf", b"%PDF" + b"0" * (2 * 1024 * 1024))
    response = client.post(COMPLAINT, {"description": "x", "attachments": upload})
    assert response.status_code == 413


@pytest.mark.django_db
def test_more_files_than_any_form_takes_are_refused(client):
    files = [SimpleUploadedFile(f"f{i}.png", b"x") for i in range(100)]
    body = encode_multipart("BoUnDaRy", {"attachments": files})
    response = client.generic("POST", COMPLAINT, body, content_type="multipart/form-data; boundary=BoUnDaRy")
    assert response.status_code == 400
    assert b"at most 10 files" in response.content


@pytest.mark.django_db
def test_a_normal_post_still_reaches_the_view(client):
    response = client.post(COMPLAINT, {"description": ""})
    assert response.status_code == 200  # the form, with its own errors


@pytest.mark.django_db
def test_a_nul_character_in_a_query_or_form_is_refused(client):
    assert client.get("/registri/", {"q": "a\x00b"}).status_code == 400
    assert client.post(COMPLAINT, {"description": "a\x00"}).status_code == 400
