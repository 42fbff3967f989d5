"""Public letter verification: the one query behind the QR page (portal/views.py) and the API (api/views.py)."""

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from letters.models import Letter
from supervision.queries import active_sanction


@dataclass
class Verification:
    letter: Letter
    status: str  # valid, expired, revoked, superseded (Letter.live_status)
    today: dt.date
    sanction: Any  # the sanction in force against the letter's Ormas, or None


def verify(public_id: uuid.UUID) -> Verification | None:
    letter = Letter.objects.select_related("office", "ormas", "superseded_by").filter(public_id=public_id).first()
    if letter is None:
        return None
    today = timezone.localdate()
    return Verification(letter, letter.live_status(today), today, active_sanction(letter.ormas))
