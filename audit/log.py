"""record(): the one way to write the audit trail. Call it from actions only, inside their transaction."""

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.fields.files import FieldFile

from audit.models import Entry
from audit.visibility import about as about_fields


def _plain(value: Any) -> Any:
    """A JSON-friendly, human-readable form of a field value for before → after display."""
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, FieldFile):
        # Only the stored name: .url would ask the storage (and raise for an empty field).
        return value.name or ""
    if isinstance(value, list | tuple | set):
        return [_plain(v) for v in value]
    return value


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [old, new]} for the fields whose value changed."""
    empty: tuple[object, ...] = (None, "", [])
    changes = {}
    for key in after:
        old, new = _plain(before.get(key)), _plain(after.get(key))
        # "nothing" → "nothing" (None to "", or no fields to []) is not a change anyone needs to read.
        if old != new and not (old in empty and new in empty):
            changes[key] = [old, new]
    return changes


def record(
    subject: models.Model,
    action: str,
    *,
    by: Any,
    ormas: Any = None,
    changes: dict[str, list[Any]] | None = None,
    data: dict[str, Any] | None = None,
    ip_address: str | None = None,
    about: models.Model | None = None,
    personal: Iterable[str] = (),
) -> Entry:
    """Write one audit entry about subject (action like "ormas.updated"), attributed to user `by` (None = system).

    `about`: the record whose reading rule decides who sees the entry (a case, a compartmented item, a complaint;
    see audit/visibility.py); None = anyone who reads the Ormas's history. `personal`: the keys of changes/data
    that hold a person's details (masked for readers without personal-data access).
    """
    return Entry.objects.create(
        **about_fields(about),
        personal=sorted(set(personal)),
        actor=by if getattr(by, "pk", None) else None,
        action=action,
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=str(subject.pk),
        subject_repr=str(subject)[:300],
        ormas=ormas,
        changes=changes or {},
        data=data or {},
        ip_address=ip_address,
    )
