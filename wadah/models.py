"""Models every app may build on: the private-file base, and the table of rate-limit hits (wadah/lib/ratelimit.py)."""

from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import models

from wadah.lib.files import SniffedType, save_private, sha256_of


class PrivateFile(models.Model):
    """An uploaded file kept outside the web root, streamed only by a permission-checked view
    (wadah.lib.files.private_file_response), with what the uploader called it, its sniffed type, size and SHA-256.

    Each concrete model declares its own `file` field (for its folder under MEDIA_ROOT) and stores uploads with
    store(); the file itself is saved under a random name that tells nothing about its content.
    """

    file: Any = models.FileField(upload_to="files/%Y/%m/")
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64)

    class Meta:
        abstract = True

    def store(self, upload: UploadedFile, sniffed: SniffedType) -> str:
        """Fill in the columns from an upload whose type the caller has sniffed, and write the file (the model is
        not saved). Returns the SHA-256."""
        digest = sha256_of(upload)
        self.original_name = (upload.name or "file")[:255]
        self.content_type = sniffed.mime
        self.size = upload.size or 0
        self.sha256 = digest
        save_private(self.file, upload, sniffed, digest)
        return digest


class Hit(models.Model):
    """One counted request: `key` is an HMAC of what is limited (an address, an e-mail), never the value itself."""

    scope = models.CharField(max_length=40)
    key = models.CharField(max_length=64)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["scope", "key", "at"])]

    def __str__(self) -> str:
        return f"{self.scope} {self.at:%Y-%m-%d %H:%M}"
