"""The audit codes this app writes, in words (registered with audit/labels.py; see docs/audit-codes.md)."""

from django.utils.translation import gettext_lazy as _

from audit.labels import register

register(
    {
        "complaint.received": _("Complaint received"),
        "complaint.taken_in": _("Complaint taken in by an officer"),
        "complaint.triage_started": _("Triage started"),
        "complaint.grouped": _("Grouped with an earlier complaint"),
        "complaint.referred_to_police": _("Referred to the police"),
        "complaint.case_opened": _("Supervision case opened"),
        "complaint.marked_not_actionable": _("Marked not actionable"),
        "complaint.closed": _("Complaint closed"),
        "complaint.progress_updated": _("Progress updated"),
    }
)
