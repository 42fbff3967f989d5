"""The audit codes this app writes, in words (registered with audit/labels.py; see docs/audit-codes.md)."""

from django.utils.translation import gettext_lazy as _

from audit.labels import register

register(
    {
        "programme.created": _("Programme planned"),
        "programme.updated": _("Programme corrected"),
        "programme.status_changed": _("Programme status changed"),
        "event.created": _("Event scheduled"),
        "event.updated": _("Event corrected"),
        "event.held": _("Event held"),
        "event.cancelled": _("Event cancelled"),
        "event.outcome_recorded": _("Event outcome recorded"),
        "event.file_added": _("Event material or photo added"),
        "event.certificates_issued": _("Certificates issued"),
        "invitation.sent": _("Invited to an event"),
        "invitation.accepted": _("Invitation accepted"),
        "invitation.waitlisted": _("On the waiting list"),
        "invitation.promoted": _("Moved up from the waiting list"),
        "invitation.declined": _("Invitation declined"),
        "invitation.withdrawn": _("Invitation withdrawn"),
        "participant.checked_in": _("Participant checked in"),
        "participant.walked_in": _("Walk-in participant checked in"),
        "assessment.recorded": _("Capacity assessment recorded"),
        "assessment.validated": _("Self-assessment validated"),
        "assessment.returned": _("Self-assessment returned"),
    }
)
