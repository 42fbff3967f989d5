"""Request bodies refused before they are read: a total size from Content-Length, a size per file while it streams.

Django's own limits cover form fields (DATA_UPLOAD_MAX_MEMORY_SIZE), the number of fields and the number of files,
but not the bytes of uploaded files: without this an anonymous 100 MB POST was written to a temporary file in full
before any form said it was too big. The per-form caps (wadah.lib.files.sniff) still give the precise message for a
file just over its own limit; these caps stop what no form accepts.
"""

from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import FileUploadHandler


class UploadTooLarge(RequestDataTooBig):
    """A request body or one file in it is over the site-wide cap (Django answers 400 if nothing catches it)."""

    def __init__(self, size: int | None = None) -> None:
        super().__init__("upload too large")
        self.size = size


def max_request_bytes() -> int:
    return settings.WADAH_MAX_REQUEST_MB * 1024 * 1024


def max_file_bytes() -> int:
    # The largest file any form accepts; a form with a smaller cap refuses it with its own message.
    return max(settings.WADAH_MAX_DOCUMENT_MB, settings.WADAH_MAX_IMPORT_MB) * 1024 * 1024


class CappedUploadHandler(FileUploadHandler):
    """First in FILE_UPLOAD_HANDLERS: passes chunks on to the memory/temporary-file handlers, counting them, and
    aborts the parse as soon as the body or one file goes over its cap."""

    def handle_raw_input(
        self, input_data: Any, META: Any, content_length: int, boundary: Any, encoding: str | None = None
    ) -> None:
        if content_length > max_request_bytes():
            raise UploadTooLarge(content_length)
        self.file_bytes = 0

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.file_bytes = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.file_bytes += len(raw_data)
        if self.file_bytes > max_file_bytes():
            raise UploadTooLarge(self.file_bytes)
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handler builds the file
