"""Public letter verification: the one query behind the QR page (portal/views.py) and the API (api/views.py)."""

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from letters.models import NOT_PUBLICLY_FINDABLE, Letter
from supervision.queries import active_sanction


@dataclass
class Verification:
    letter: Letter
    status: str  # valid, expired, revoked, superseded (Letter.live_status), or no_force (the Ormas has ended)
    today: dt.date
    sanction: Any  # the sanction in force against the letter's Ormas, or None
    # A supervision or law-enforcement letter (UU 14/2008 Pasal 17(a)): the page confirms only that it is genuine
    # and in force; its contents, its Ormas and the revocation reason are not shown.
    restricted: bool = False


def verify(public_id: uuid.UUID) -> Verification | None:
    letter = Letter.objects.select_related("office", "ormas", "superseded_by").filter(public_id=public_id).first()
    if letter is None:
        return None
    today = timezone.localdate()
    status = letter.live_status(today)
    if status == Letter.Status.VALID and letter.ended_with_ormas():
        status = "no_force"  # genuine, but the Ormas's registration was revoked or it was dissolved
    restricted = letter.kind in NOT_PUBLICLY_FINDABLE
    return Verification(
        letter, status, today, None if restricted else active_sanction(letter.ormas), restricted=restricted
    )
