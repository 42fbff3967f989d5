"""What the law asks of an Ormas's people before its registration is forwarded (issue 11 item 5).

* UU 17/2013 Pasal 9: an Ormas is founded by at least 3 WNI, except an Ormas berbadan hukum yayasan;
* the SKT checklist (Permendagri 57/2017 as quoted by the Kesbangpol offices, domain.md §3.2 item 4): every
  pengurus is WNI.

The figures and sources are `LegalRequirement` rows an admin keeps; a row switched off is not checked. Foreign
Ormas follow PP 59/2016 (permits), not these rules. The checks read the registry: founders are board seats with the
position "pendiri" (a founder stays a founder after leaving), board members are the current seats.
"""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from registry.models import BoardMember, LegalRequirement, Ormas


def registration_problems(ormas: Ormas) -> list[str]:
    """The unmet requirements, each a sentence the officer reads (empty: nothing missing)."""
    if ormas.legal_form == Ormas.LegalForm.FOREIGN:
        return []
    problems: list[str] = []
    founders_rule = LegalRequirement.get(LegalRequirement.FOUNDERS_MINIMUM)
    seats = BoardMember.objects.filter(ormas=ormas).select_related("person")
    if founders_rule and founders_rule.number and ormas.legal_form != Ormas.LegalForm.FOUNDATION:
        founders = {s.person_id: s.person for s in seats if s.position == BoardMember.Position.FOUNDER}
        citizens = [p for p in founders.values() if p.is_citizen]
        if len(citizens) < founders_rule.number:
            problems.append(
                ngettext(
                    "At least %(minimum)d founder who is an Indonesian citizen (WNI) is required (%(source)s); "
                    "the registry lists %(count)d.",
                    "At least %(minimum)d founders who are Indonesian citizens (WNI) are required (%(source)s); "
                    "the registry lists %(count)d.",
                    founders_rule.number,
                )
                % {"minimum": founders_rule.number, "source": founders_rule.legal_source, "count": len(citizens)}
            )
    wni_rule = LegalRequirement.get(LegalRequirement.BOARD_WNI)
    if wni_rule:
        foreigners = sorted(
            {
                s.person.name
                for s in seats
                if s.ended_on is None and s.position != BoardMember.Position.FOUNDER and not s.person.is_citizen
            }
        )
        if foreigners:
            problems.append(
                _("Every board member must be an Indonesian citizen (WNI) (%(source)s); not WNI: %(names)s.")
                % {"source": wni_rule.legal_source, "names": ", ".join(foreigners)}
            )
    return problems
