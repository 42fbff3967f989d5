"""The audit codes this app writes, in words (registered with audit/labels.py; see docs/audit-codes.md)."""

from django.utils.translation import gettext_lazy as _

from audit.labels import register

register(
    {
        "withholding.requested": _("Withholding from the public card requested"),
        "withholding.granted": _("Withholding granted"),
        "withholding.refused": _("Withholding refused"),
        "withholding.withdrawn": _("Withholding request withdrawn"),
    }
)
