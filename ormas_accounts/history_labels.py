"""The audit codes this app writes, in words (registered with audit/labels.py; see docs/audit-codes.md)."""

from django.utils.translation import gettext_lazy as _

from audit.labels import register

register(
    {
        "ormas_account.requested": _("Ormas account requested"),
        "ormas_account.confirmed": _("Ormas account confirmed"),
        "ormas_account.rejected": _("Ormas account request rejected"),
    }
)
