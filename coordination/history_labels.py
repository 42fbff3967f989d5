"""The audit codes this app writes, in words (registered with audit/labels.py; see docs/audit-codes.md)."""

from django.utils.translation import gettext_lazy as _

from audit.labels import register

register(
    {
        "coordination.team_created": _("Team set up"),
        "coordination.roster_version_added": _("New SK roster recorded"),
        "coordination.roster_member_added": _("Roster member added"),
        "coordination.roster_member_removed": _("Roster member removed"),
        "coordination.meeting_scheduled": _("Meeting scheduled"),
        "coordination.invited": _("Invited to the meeting"),
        "coordination.invitations_sent": _("Invitation letters issued"),
        "coordination.meeting_cancelled": _("Meeting cancelled"),
        "coordination.meeting_opened": _("Meeting opened"),
        "coordination.agenda_item_added": _("Agenda item added"),
        "coordination.attendance_recorded": _("Attendance recorded"),
        "coordination.attendance_removed": _("Attendance removed"),
        "coordination.minutes_saved": _("Minutes saved"),
        "coordination.minutes_approved": _("Minutes approved"),
        "coordination.minutes_correction_started": _("Minutes correction started"),
        "coordination.decision_recorded": _("Decision recorded"),
        "coordination.action_item_added": _("Action item added"),
        "coordination.action_item_progress": _("Action item progress reported"),
        "coordination.action_item_closed": _("Action item closed"),
        "coordination.action_item_cancelled": _("Action item cancelled"),
        "coordination.case_step_from_decision": _("Decision taken into its case"),
        "coordination.protocol_drafted": _("Protocol draft started"),
        "coordination.protocol_clause_set": _("Protocol clause changed"),
        "coordination.protocol_proposed": _("Protocol put to the agencies"),
        "coordination.protocol_endorsed": _("Protocol endorsed by an agency"),
        "coordination.protocol_in_force": _("Protocol in force"),
        "coordination.protocol_superseded": _("Protocol version replaced"),
        "coordination.protocol_clause_cited": _("Protocol clause cited"),
    }
)
