from typing import Any

from django import template
from django.utils.translation import gettext_lazy as _

from supervision.queries import active_sanction

register = template.Library()


@register.simple_tag
def sanction_of(ormas: Any) -> Any:
    """{% sanction_of ormas as sanction %}: the sanction in force against the Ormas, or None (one query)."""
    return active_sanction(ormas)


# Riwayat reads as sentences, not audit codes; an unknown code still shows (as itself) rather than vanishing.
HISTORY_LABELS = {
    "case.opened": _("Case opened"),
    "case.member_added": _("Agency added to the case"),
    "case.member_removed": _("Agency removed from the case"),
    "case.clarification_started": _("Clarification started"),
    "case.meeting_recorded": _("Clarification meeting recorded"),
    "case.persuasion_started": _("Persuasion and guidance started"),
    "case.warning_issued": _("Written warning issued"),
    "case.response_recorded": _("Ormas response recorded"),
    "case.complied": _("Ormas complied"),
    "case.not_complied": _("Ormas did not comply"),
    "case.halt_recommended": _("Halt of activities recommended"),
    "case.halted": _("Activities halted"),
    "case.revocation_recommended": _("Revocation recommended"),
    "case.decision_recorded": _("Ministry decision recorded"),
    "case.sanction_lifted": _("Sanction lifted"),
    "case.referred": _("Referred to law enforcement"),
    "case.dispute_started": _("Leadership dispute: mediation started"),
    "case.mediation_recorded": _("Mediation session recorded"),
    "case.note_added": _("Note added"),
    "case.document_added": _("Document added"),
    "case.closed": _("Case closed"),
    "case.withdrawn": _("Case withdrawn"),
    "compartment.shared": _("Shared with another agency"),
    "compartment.unshared": _("Sharing withdrawn"),
}


@register.filter
def history_label(action: str) -> str:
    return str(HISTORY_LABELS.get(action, action))


@register.filter
def case_status_label(status: str) -> str:
    from supervision.models import Case

    return str(dict(Case.Status.choices).get(status, status))
