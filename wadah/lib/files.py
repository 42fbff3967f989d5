"""Checks for uploaded files: a size cap, and a type sniffed from the content rather than the name."""

import hashlib
import mimetypes
from dataclasses import dataclass
from pathlib import PurePosixPath

import filetype
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models.fields.files import FieldFile
from django.http import FileResponse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class SniffedType:
    extension: str
    mime: str


# What officers actually receive: scans and photos, PDFs, and office documents.
DOCUMENT_TYPES = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
IMAGE_TYPES = {k: v for k, v in DOCUMENT_TYPES.items() if v.startswith("image/")}


def sniff(upload: UploadedFile, allowed: dict[str, str], *, max_mb: int) -> SniffedType:
    """Return the real type of upload, or raise ValidationError if it is too big or not an allowed type."""
    size = upload.size or 0
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if size > max_mb * 1024 * 1024:
        raise ValidationError(
            _("The file is %(size)s MB; the limit is %(limit)d MB. Make the file smaller, then upload it again.")
            % {"size": number_format(size / 1048576, 1), "limit": max_mb},
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    extension = kind.extension if kind else ""
    # Office documents are zip files; filetype tells them apart only by their inner names.
    if extension == "zip":
        name = (upload.name or "").lower()
        for office in ("docx", "xlsx"):
            if name.endswith("." + office) and office in allowed:
                extension = office
    if extension not in allowed:
        names = ", ".join(sorted(e.upper() for e in allowed))
        raise ValidationError(
            _("This file is not an accepted type. Upload one of: %(types)s.") % {"types": names}, code="file_type"
        )
    return SniffedType(extension=extension, mime=allowed[extension])


def sha256_of(upload: UploadedFile) -> str:
    """The upload's SHA-256, read in chunks; the file is rewound for whoever stores it next."""
    hasher = hashlib.sha256()
    for chunk in upload.chunks():
        hasher.update(chunk)
    upload.seek(0)
    return hasher.hexdigest()


def save_private(field_file: FieldFile, upload: UploadedFile, sniffed: SniffedType, digest: str) -> None:
    """Store upload in field_file (not saving the model) under a random name that reveals nothing about the
    person or the file, cannot collide and cannot traverse directories."""
    field_file.save(f"{digest[:16]}-{timezone.now():%H%M%S%f}.{sniffed.extension}", upload, save=False)


# Types a browser may show in place; anything else downloads. nosniff keeps the browser to the declared type.
INLINE_TYPES = {"application/pdf", "image/jpeg", "image/png", "image/webp"}


def private_file_response(
    field_file: FieldFile, *, filename: str | None = None, content_type: str | None = None
) -> FileResponse:
    """Stream a privately stored file to someone the view has already authorised.

    Django builds the Content-Disposition (quoting, non-ASCII names as filename*); the response is never cached by
    shared caches and never reinterpreted as another type.
    """
    filename = filename or PurePosixPath(field_file.name or "file").name
    content_type = content_type or mimetypes.guess_type(filename)[0] or "application/octet-stream"
    response = FileResponse(
        field_file.open("rb"),
        content_type=content_type,
        as_attachment=content_type not in INLINE_TYPES,
        filename=filename,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
