"""The proposal list as an Excel workbook (formula-safe cells, wadah.lib.excel)."""

from django.utils.translation import gettext as _

from grants.models import Proposal
from wadah.lib.excel import build_xlsx


def proposals_workbook(proposals: "list[Proposal]") -> bytes:
    headers = [
        _("Reference"),
        _("Window"),
        _("Budget year"),
        _("Ormas"),
        _("Activity"),
        _("Amount requested (Rp)"),
        _("Amount granted (Rp)"),
        _("Status"),
        _("Average score"),
        _("NPHD number"),
        _("LPJ due"),
    ]
    rows = (
        [
            p.reference,
            p.window.title,
            p.window.budget_year,
            p.ormas.name,
            p.title,
            int(p.requested_amount),
            int(p.granted_amount) if p.granted_amount is not None else None,
            p.get_status_display(),
            p.score_total(),
            p.nphd_number,
            p.lpj_due,
        ]
        for p in proposals
    )
    return build_xlsx(_("Grant proposals"), headers, rows)
