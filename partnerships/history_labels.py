"""The audit codes this app writes, in words (registered with audit/labels.py; see docs/audit-codes.md)."""

from django.utils.translation import gettext_lazy as _

from audit.labels import register

register(
    {
        "board_check.viewed": _("Board-network checks read"),
        "business_unit.recorded": _("Business unit recorded"),
        "business_unit.updated": _("Business unit corrected"),
        "business_unit.year_recorded": _("Business unit's yearly figures recorded"),
        "partnership.confirmed": _("Partnership confirmed"),
        "partnership.declined": _("Partnership proposal declined"),
        "partnership.document_added": _("Partnership document added"),
        "partnership.linked": _("Partnership with this Ormas recorded"),
        "partnership.proposed": _("Partnership proposed"),
        "partnership.recorded": _("Partnership recorded"),
        "partnership.removed": _("Partnership removed"),
    }
)
