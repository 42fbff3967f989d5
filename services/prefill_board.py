"""The registry's part of the pre-filled activity report: board changes during the year (services may read the
registry; the parts of the apps above services are registered by those apps)."""

from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from registry.models import BoardMember, Ormas
from services.prefill import Item


def board_changes(ormas: Ormas, year: int) -> list[Item]:
    """Board changes in the registry during the year: seats that began or ended (names and positions only)."""
    items = []
    seats = BoardMember.objects.filter(ormas=ormas).filter(Q(term_start__year=year) | Q(ended_on__year=year))
    for seat in seats.select_related("person", "chapter").order_by("term_start", "pk"):
        values = {"name": seat.person.name, "position": seat.get_position_display(), "chapter": seat.chapter.name}
        if seat.term_start and seat.term_start.year == year:
            items.append(
                Item(
                    _("%(name)s joined the board of %(chapter)s as %(position)s on %(date)s.")
                    % {**values, "date": date_format(seat.term_start)},
                    on=seat.term_start.isoformat(),
                )
            )
        if seat.ended_on and seat.ended_on.year == year:
            items.append(
                Item(
                    _("%(name)s (%(position)s) left the board of %(chapter)s on %(date)s.")
                    % {**values, "date": date_format(seat.ended_on)},
                    on=seat.ended_on.isoformat(),
                )
            )
    return items
