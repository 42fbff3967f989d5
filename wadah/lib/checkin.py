"""What every QR check-in shares (guidance's events, coordination's meetings): the unguessable codes and what the
QR carries, the QR image, the page policy the camera scanner needs, and the two checks a phone's offline queue
needs on the server (the id that makes a replay a no-op, a plausible time). The page side is static/js/checkin.js.
"""

import base64
import datetime as dt
import io
import re
import secrets
import uuid
from typing import Any

import segno
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.csp import CSP
from django.utils.translation import gettext as _

# What a check-in QR code carries: a prefix (so a stray QR code is recognised as foreign) and the code.
QR_PREFIX = "WADAH-HADIR:"

# qr-scanner decodes in a Web Worker that it creates from a blob: URL; only the check-in pages allow that.
SCANNER_CSP: dict[str, list[str]] = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "media-src": [CSP.SELF, "blob:"],
    "worker-src": [CSP.SELF, "blob:"],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}


def new_checkin_code() -> str:
    """128 random bits, URL-safe: unguessable, so a code cannot be forged or derived from another."""
    return secrets.token_urlsafe(16)


def signed_code(purpose: str, value: str) -> str:
    """`value` with a 128-bit MAC under the site's secret key: a code nobody can forge or derive from another,
    without storing one per person (the value says whose it is, the MAC that the site issued it). The MAC is in
    lower-case base32 (26 letters and digits), so that it can be read out and typed; `value` is lower-case too
    (a typed code is read case-blind)."""
    digest = salted_hmac(f"wadah.checkin.{purpose}", value, algorithm="sha256").digest()[:16]
    return f"{value}.{base64.b32encode(digest).decode().rstrip('=').lower()}"


def read_signed_code(purpose: str, code: str) -> str | None:
    """The value of a code made by signed_code(), or None if it was not (typed wrong, forged, another purpose).
    Spaces and hyphens someone typed between the groups, and capitals, do not matter."""
    value, _dot, mac = strip_prefix(code).lower().rpartition(".")
    mac = re.sub(r"[\s-]+", "", mac)
    if not value or not constant_time_compare(signed_code(purpose, value), f"{value}.{mac}"):
        return None
    return value


def grouped(code: str) -> str:
    """A signed code as it is printed for typing: the MAC in groups of four ("12m3.abcd efgh …")."""
    value, _dot, mac = code.rpartition(".")
    return f"{value}." + " ".join(mac[i : i + 4] for i in range(0, len(mac), 4))


def strip_prefix(code: str) -> str:
    return re.sub(r"\s+", " ", (code or "").strip()).removeprefix(QR_PREFIX)


def qr_svg(payload: str) -> str:
    """The check-in QR code as an SVG document (an <img> shows it; it has its namespace and no style attribute)."""
    buffer = io.BytesIO()
    segno.make(payload, error="m").save(buffer, kind="svg", scale=6, border=3, xmldecl=False)
    return buffer.getvalue().decode()


def client_uuid(value: Any) -> uuid.UUID:
    """The id the phone gave a queued check-in: the key that makes a replayed sync a no-op."""
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError) as error:
        raise ValidationError(_("The check-in has no valid id.")) from error


def plausible_time(value: Any) -> dt.datetime:
    """The time the phone recorded, if plausible (not in the future, not days ago); otherwise now."""
    now = timezone.now()
    try:
        moment = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return now
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    if moment > now + dt.timedelta(minutes=5) or moment < now - dt.timedelta(days=3):
        return now
    return moment
