"""Protection of the public complaint pages without third-party services: an address hashed with a secret, per-
address limits counted in the database, a honeypot field and a signed "form shown at" time."""

import datetime as dt
import hashlib
import hmac
import time

from django.conf import settings
from django.core import signing
from django.http import HttpRequest
from django.utils import timezone

from complaints.models import Complaint, StatusLookup, normalise_code
from wadah.lib import ratelimit
from wadah.lib.clientip import client_ip

# Submissions per address: a neighbourhood sharing one mobile IP may send a few, a script may not.
SUBMIT_LIMITS = ((dt.timedelta(hours=1), 5), (dt.timedelta(days=1), 20))
LOOKUP_LIMITS = ((dt.timedelta(minutes=10), 10), (dt.timedelta(days=1), 50))
# Lookups per complaint reference (the code's first group, which is not secret: officers read it out on the phone).
# Per-address limits do not stop guesses spread over many addresses at one known complaint; this does. A complainant
# checks a handful of times a day, so the bound is loose for them and leaves 80 unguessed bits at a few dozen tries.
REFERENCE_LOOKUP_SCOPE = "complaint.lookup.reference"
REFERENCE_LOOKUP_LIMITS = ((dt.timedelta(hours=1), 20), (dt.timedelta(days=1), 60))
# A person needs more than this to fill in the form; bots post at once.
MIN_FILL_SECONDS = 5
MAX_FORM_AGE_SECONDS = 24 * 3600
# A wrong (or right) code is answered no faster than this, so response times tell nothing.
LOOKUP_FLOOR_SECONDS = 0.4
_SALT = "complaints.form-started"


def ip_hash(request: HttpRequest) -> str:
    """HMAC-SHA256 of the client address with SECRET_KEY: countable, not reversible by trying all addresses."""
    key = hashlib.sha256(("complaints.ip:" + settings.SECRET_KEY).encode()).digest()
    return hmac.new(key, client_ip(request).encode(), hashlib.sha256).hexdigest()


def submissions_exceeded(hashed: str) -> bool:
    since = ratelimit.since(SUBMIT_LIMITS)
    times = list(Complaint.objects.filter(ip_hash=hashed, created_at__gt=since).values_list("created_at", flat=True))
    return ratelimit.over(times, SUBMIT_LIMITS)


def lookups_exceeded(hashed: str) -> bool:
    times = list(
        StatusLookup.objects.filter(ip_hash=hashed, at__gt=ratelimit.since(LOOKUP_LIMITS)).values_list("at", flat=True)
    )
    return ratelimit.over(times, LOOKUP_LIMITS)


def _reference_key(code: str) -> str:
    return ratelimit.key_for(normalise_code(code)[:4])


def reference_lookups_exceeded(code: str) -> bool:
    return ratelimit.exceeded(REFERENCE_LOOKUP_SCOPE, _reference_key(code), REFERENCE_LOOKUP_LIMITS)


def count_lookup(hashed: str, code: str = "") -> None:
    StatusLookup.objects.create(ip_hash=hashed)
    if normalise_code(code):
        ratelimit.count(REFERENCE_LOOKUP_SCOPE, _reference_key(code))
    # Old rows serve no purpose; drop them now and then.
    StatusLookup.objects.filter(at__lt=timezone.now() - dt.timedelta(days=2)).delete()


def form_token() -> str:
    return signing.TimestampSigner(salt=_SALT).sign(str(int(time.time())))


def form_age(token: str) -> float | None:
    """Seconds since the form was shown, or None if the token is missing, forged or too old."""
    try:
        shown = int(signing.TimestampSigner(salt=_SALT).unsign(token or "", max_age=MAX_FORM_AGE_SECONDS))
    except (signing.BadSignature, ValueError):
        return None
    return time.time() - shown


def pad_response_time(started: float) -> None:
    """Sleep until LOOKUP_FLOOR_SECONDS have passed since `started`."""
    remaining = LOOKUP_FLOOR_SECONDS - (time.monotonic() - started)
    if remaining > 0:
        time.sleep(remaining)
