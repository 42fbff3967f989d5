"""Shared data for the complaint tests."""

import time
from typing import Any

from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from complaints import abuse

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + b"0" * 200
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
VILLAGE = "62.71.01.1001"


def old_token(seconds: int = 60) -> str:
    """A "form shown at" token from `seconds` ago."""
    return signing.TimestampSigner(salt=abuse._SALT).sign(str(int(time.time()) - seconds))


def form_data(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "ormas": "",
        "ormas_text": "Sekelompok orang berseragam loreng hitam",
        "description": "Mereka memungut uang keamanan dari pedagang pasar setiap malam.",
        "regency": VILLAGE[:5],
        "district": VILLAGE[:8],
        "region_code": VILLAGE,
        "place": "Pasar Besar",
        "incident_date": timezone.localdate().isoformat(),
        "incident_time": "",
        "complainant_name": "",
        "complainant_phone": "",
        "complainant_email": "",
        "website": "",
        "started": old_token(),
        "consent": "on",
    }
    data.update(overrides)
    return data


def pdf(name: str = "bukti.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def png(name: str = "foto.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PNG, content_type="image/png")
