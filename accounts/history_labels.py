"""The audit codes this app writes, in words (registered with audit/labels.py; see docs/audit-codes.md)."""

from django.utils.translation import gettext_lazy as _

from audit.labels import register

register(
    {
        "account.created": _("Login created"),
        "account.role_changed": _("Role changed"),
        "account.two_factor_reset": _("Two-step verification reset"),
        "account.recovery_codes_issued": _("Recovery codes issued"),
    }
)
