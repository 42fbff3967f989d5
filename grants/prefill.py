"""The grants part of the pre-filled annual activity report (services/prefill.py): grants the Ormas received in
the year (decided with an NPHD, or granted by the finance office), with their amounts."""

from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from grants.models import Proposal
from registry.models import Ormas
from services.prefill import Item


def grants_received(ormas: Ormas, year: int) -> list[Item]:
    proposals = Proposal.objects.filter(ormas=ormas, status__in=Proposal.GRANTED).filter(
        Q(window__budget_year=year) | Q(disbursed_on__year=year)
    )
    items = []
    for p in proposals.select_related("window"):
        amount = p.granted_amount if p.granted_amount is not None else p.requested_amount
        nphd = (
            _(", NPHD %(number)s of %(date)s") % {"number": p.nphd_number, "date": date_format(p.nphd_date)}
            if p.nphd_number and p.nphd_date
            else ""
        )
        items.append(
            Item(
                _("Grant %(reference)s “%(title)s” from %(window)s: Rp %(amount)s%(nphd)s; %(status)s.")
                % {
                    "reference": p.reference,
                    "title": p.title,
                    "window": p.window.title,
                    "amount": f"{int(amount):,}".replace(",", "."),
                    "nphd": nphd,
                    "status": p.get_status_display(),
                },
                on=(p.nphd_date or p.submitted_at.date()).isoformat(),
            )
        )
    return items
