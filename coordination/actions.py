"""Every change in coordination: one action per move of a TRANSITIONS dict (Meeting, Minutes, ActionItem,
ProtocolVersion), plus rosters, invitations, agenda, attendance, decisions and citations. The actions live in the
module of what they change — rosters.py (teams and SKs), meetings.py (scheduling, invitations, agenda),
attendance.py (by hand and by QR pass), minutes.py (the notulen), followup.py (decisions and action items),
protocol.py (the joint protocol) — with the shared gate and audit in journal.py; all are re-exported here, so
callers name one module.

Each action runs in a transaction, checks who may do it (coordination/access.py), refuses what the TRANSITIONS
dict does not list, and writes the audit trail once ("coordination.<verb>").
"""

from coordination.attendance import (  # noqa: F401  (part of this module's API)
    OK_OUTCOMES,
    add_walk_in,
    check_in,
    outcome_message,
    record_attendance,
    remove_attendance,
    sync_attendance,
)
from coordination.followup import (  # noqa: F401  (part of this module's API)
    ACTION_ITEM_PERIOD,
    MAX_UPLOAD_MB,
    STEP_FROM_DECISION,
    add_action_item,
    add_decision,
    cancel_item,
    case_step_from_decision,
    close_item,
    default_due_date,
    matters_arising,
    report_progress,
)
from coordination.journal import (  # noqa: F401  (part of this module's API)
    _check,
    _id_date,
    _log,
    _move,
    _secretariat,
    _text,
)
from coordination.meetings import (  # noqa: F401  (part of this module's API)
    INVITATION_KIND,
    _invitation_body,
    _open_for_changes,
    _ormas_visible,
    add_agenda_item,
    cancel_meeting,
    invite,
    open_meeting,
    schedule_meeting,
    send_invitations,
)
from coordination.minutes import (  # noqa: F401  (part of this module's API)
    AUDIT_SAVE_EVERY_MINUTES,
    _draft,
    approve_minutes,
    save_minutes,
    start_correction,
)
from coordination.protocol import (  # noqa: F401  (part of this module's API)
    cite_clause,
    create_protocol_version,
    endorse_protocol,
    propose_protocol,
    set_clause,
)
from coordination.rosters import (  # noqa: F401  (part of this module's API)
    _check_agency_level,
    add_roster_member,
    add_roster_version,
    create_team,
    remove_roster_member,
)
from wadah.lib.workflow import InvalidTransition  # noqa: F401  (what a refused move raises)
