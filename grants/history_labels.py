"""The audit codes this app writes, in words (registered with audit/labels.py; see docs/audit-codes.md)."""

from django.utils.translation import gettext_lazy as _

from audit.labels import register

register(
    {
        "grant.submitted": _("Grant proposal submitted"),
        "grant.document_uploaded": _("Grant document uploaded"),
        "grant.withdrawn": _("Grant proposal withdrawn"),
        "grant.evaluation_started": _("Evaluation started"),
        "grant.scored": _("Proposal scored"),
        "grant.recommended": _("Proposal recommended"),
        "grant.rejected": _("Proposal not recommended"),
        "grant.decided": _("Grant decided (NPHD)"),
        "grant.disbursed": _("Grant disbursed"),
        "grant.lpj_received": _("LPJ received"),
        "grant.lpj_verified": _("LPJ verified"),
        "grant.lpj_returned": _("LPJ returned"),
        "grant.recommendation_sent": _("Recommendation letter issued"),
        "grant.outcome_recorded": _("Finance office's answer recorded"),
    }
)
