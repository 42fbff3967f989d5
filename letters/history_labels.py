"""The audit codes this app writes, in words (registered with audit/labels.py; see docs/audit-codes.md)."""

from django.utils.translation import gettext_lazy as _

from audit.labels import register

register(
    {
        "letter.issued": _("Letter issued"),
        "letter.superseded": _("Letter replaced by a new one"),
        "letter.revoked": _("Letter revoked"),
        "letter.numbering_started": _("Letter numbering set to start from a number"),
        "letter.scan_attached": _("Signed scan attached"),
    }
)
