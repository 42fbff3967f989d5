"""Links that leave the site (e-mails, QR codes), built from settings.SITE_URL."""

from django.conf import settings


def absolute_url(path: str) -> str:
    """SITE_URL + path, e.g. "https://wadah.kaltengprov.go.id/v/…" for a QR code or an e-mail link."""
    return settings.SITE_URL.rstrip("/") + path
