"""The audit codes this app writes, in words (registered with audit/labels.py; see docs/audit-codes.md)."""

from django.utils.translation import gettext_lazy as _

from audit.labels import register

register(
    {
        "offer.created": _("Opportunity drafted"),
        "offer.updated": _("Opportunity draft changed"),
        "offer.submitted": _("Opportunity sent for approval"),
        "offer.withdrawn": _("Opportunity draft withdrawn"),
        "offer.published": _("Opportunity published"),
        "offer.returned": _("Opportunity returned to the partner"),
        "offer.closed": _("Opportunity closed"),
        "offer_application.submitted": _("Applied for an opportunity"),
        "offer_application.withdrawn": _("Opportunity application withdrawn"),
        "offer_application.accepted": _("Accepted by the partner"),
        "offer_application.declined": _("Not accepted by the partner"),
        "offer_application.served": _("Served by the partner"),
    }
)
