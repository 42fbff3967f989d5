"""One table for the rate limits of public forms (wadah/lib/ratelimit.py): a keyed hit per request counted."""

from django.db import models


class Hit(models.Model):
    """One counted request: `key` is an HMAC of what is limited (an address, an e-mail), never the value itself."""

    scope = models.CharField(max_length=40)
    key = models.CharField(max_length=64)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["scope", "key", "at"])]

    def __str__(self) -> str:
        return f"{self.scope} {self.at:%Y-%m-%d %H:%M}"
