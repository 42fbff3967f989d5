"""The audit codes this app writes, in words (registered with audit/labels.py; see docs/audit-codes.md)."""

from django.utils.translation import gettext_lazy as _

from audit.labels import register

register(
    {
        "application.created": _("Application started"),
        "application.data_updated": _("Application data saved"),
        "application.document_uploaded": _("Document uploaded"),
        "application.submitted": _("Application submitted"),
        "application.review_started": _("Review started"),
        "application.document_verified": _("Document checked"),
        "application.changes_requested": _("Corrections requested"),
        "application.resubmitted": _("Corrections sent back"),
        "application.field_check_scheduled": _("Field check scheduled"),
        "application.field_check_recorded": _("Field check recorded"),
        "application.approved": _("Application approved"),
        "application.rejected": _("Application rejected"),
        "application.withdrawn": _("Application withdrawn"),
        "application.skt_recorded": _("SKT recorded"),
        "application.correction_lapsed": _("Correction period lapsed"),
        "application.deemed_granted": _("Deemed granted by law (Pasal 53)"),
        "application.prefill_answered": _("Pre-filled part confirmed or corrected"),
    }
)
