"""The audit codes this app writes, in words (registered with audit/labels.py; see docs/audit-codes.md)."""

from django.utils.translation import gettext_lazy as _

from audit.labels import register

register(
    {
        "api_token.issued": _("Partner token issued"),
        "api_token.revoked": _("Partner token revoked"),
        "api.eligibility_disclosed": _("Grant eligibility given to a partner system"),
    }
)
