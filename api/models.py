"""Tokens for partner systems (other government systems reading the register): issued by an admin, stored hashed."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PREFIX_LENGTH = 8


def hash_token(token: str) -> str:
    # A token is 32 random bytes: a plain SHA-256 is enough (nothing to brute-force), and lets us look it up.
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> tuple[str, str]:
    """A fresh token and its public prefix (shown in the admin so that an admin can tell tokens apart)."""
    prefix = secrets.token_hex(PREFIX_LENGTH // 2)
    return f"wdh_{prefix}_{secrets.token_urlsafe(32)}", prefix


class Scope(models.TextChoices):
    """What a token may read. A token reads only the partner endpoints whose scope it holds (none by default)."""

    ORMAS_STATUS = "ormas_status", _("Ormas status by registration number")
    ELIGIBILITY = "eligibility", _("Grant eligibility (the gate's answer, for the finance office BPKAD)")


class ApiToken(models.Model):
    name = models.CharField(_("name"), max_length=120, help_text=_("Which system uses it, e.g. “SIPD hibah”."))
    organisation = models.CharField(_("organisation"), max_length=200)
    scopes = models.JSONField(_("scopes"), default=list, blank=True, help_text=_("The partner endpoints it may read."))
    prefix = models.CharField(_("prefix"), max_length=PREFIX_LENGTH, unique=True, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("issued by"), editable=False
    )
    created_at = models.DateTimeField(_("issued"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def allows(self, scope: str) -> bool:
        return scope in (self.scopes or [])

    @property
    def is_usable(self) -> bool:
        now = timezone.now()
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)
