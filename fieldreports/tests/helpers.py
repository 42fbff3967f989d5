"""Shared helpers for the field report tests: a complete report through the real actions."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from fieldreports import actions
from fieldreports.models import FieldReport
from regions.models import Region

VILLAGE = "62.71.01.1001"  # Palangka Raya


JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 200 + b"\xff\xd9"


def jpeg(name: str = "foto.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, JPEG, content_type="image/jpeg")


def complete_values(ormas=None, **overrides) -> dict:
    values = {
        "ormas": ormas,
        "ormas_text": "" if ormas else "Kelompok berseragam loreng",
        "region": Region.objects.get(code=VILLAGE),
        "place": "Bundaran Besar",
        "observed_on": dt.date.today() - dt.timedelta(days=1),
        "activity": "Sweeping warung pada malam hari",
        "observations": "Sekitar 20 orang berseragam menutup warung dan meminta uang.",
        "classification": FieldReport.Classification.POSSIBLE_VIOLATION,
        "prohibition": FieldReport.Prohibition.VIGILANTISM,
    }
    values.update(overrides)
    return values


def submitted_report(author, ormas=None, **overrides) -> FieldReport:
    report = actions.create_report(by=author, **complete_values(ormas, **overrides))
    return actions.submit_report(report, by=author)
