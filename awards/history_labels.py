"""The audit codes this app writes, in words (registered with audit/labels.py; see docs/audit-codes.md)."""

from django.utils.translation import gettext_lazy as _

from audit.labels import register

register(
    {
        "award_round.created": _("Award round opened"),
        "award_round.criteria_set": _("Award criteria changed"),
        "award_round.shortlisted": _("Shortlist computed"),
        "award_round.reopened": _("Shortlist cleared"),
        "award_round.decided": _("Award decision recorded"),
        "award.granted": _("Award received"),
    }
)
