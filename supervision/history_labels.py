"""The audit codes this app writes, in words (registered with audit/labels.py; see docs/audit-codes.md)."""

from django.utils.translation import gettext_lazy as _

from audit.labels import register

register(
    {
        "case.opened": _("Case opened"),
        "case.member_added": _("Agency added to the case"),
        "case.member_removed": _("Agency removed from the case"),
        "case.note_added": _("Note added"),
        "case.document_added": _("Document added"),
        "case.meeting_recorded": _("Clarification meeting recorded"),
        "case.mediation_recorded": _("Mediation session recorded"),
        "case.response_recorded": _("Ormas response recorded"),
        "case.clarification_started": _("Clarification started"),
        "case.persuasion_started": _("Persuasion and guidance started"),
        "case.dispute_started": _("Leadership dispute: mediation started"),
        "case.warning_issued": _("Written warning issued"),
        "case.complied": _("Ormas complied"),
        "case.not_complied": _("Ormas did not comply"),
        "case.halted": _("Activities halted"),
        "case.halt_recommended": _("Halt of activities recommended"),
        "case.revocation_recommended": _("Revocation recommended"),
        "case.decision_recorded": _("Ministry decision recorded"),
        "case.sanction_lifted": _("Sanction lifted"),
        "case.referred": _("Referred to law enforcement"),
        "case.classified": _("Breached articles recorded"),
        "case.delivery_recorded": _("Letter delivery recorded"),
        "case.halt_not_complied": _("Halt not complied with"),
        "case.foreign_measure_recommended": _("Permit and immigration measures recommended"),
        "case.step_drafted": _("Sanction step drafted for the Pimpinan"),
        "case.draft_decided": _("Draft decided and signed by the Pimpinan"),
        "case.draft_returned": _("Draft returned by the Pimpinan"),
        "case.closed": _("Case closed"),
        "case.withdrawn": _("Case withdrawn"),
        "compartment.shared": _("Item shared with another agency"),
        "compartment.unshared": _("Sharing withdrawn"),
    }
)
