"""The audit codes this app writes, in words (registered with audit/labels.py; see docs/audit-codes.md)."""

from django.utils.translation import gettext_lazy as _

from audit.labels import register

register(
    {
        "field_report.created": _("Field report started"),
        "field_report.updated": _("Field report saved"),
        "field_report.photo_added": _("Photo added"),
        "field_report.submitted": _("Field report submitted"),
        "field_report.attached": _("Field report filed in a case"),
    }
)
