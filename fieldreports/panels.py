"""Panels that other apps add to a field report's page, without fieldreports naming them (the pattern of
registry/panels.py). Coordination sits beside fieldreports and imports it (declared in test_layers.py), so the
report page cannot include coordination's templates by name; it leaves a slot ({% field_report_panels "detail" %})
and coordination registers a template for it in its AppConfig.ready() — today the protocol clauses the report cites.
Each panel renders with the page's context (report, user, request) and decides itself what the user may see.
"""

from dataclasses import dataclass

SLOTS = ("detail",)


@dataclass(frozen=True)
class Panel:
    slot: str
    template: str
    order: int = 0


_panels: dict[str, Panel] = {}


def register(slot: str, template: str, *, order: int = 0) -> None:
    """Show `template` in `slot` of every field report page (registering the same template twice is harmless)."""
    if slot not in SLOTS:
        raise ValueError(f"unknown field report panel slot {slot!r}; the slots are {SLOTS}")
    _panels[template] = Panel(slot, template, order)


def panels_in(slot: str) -> list[Panel]:
    return sorted((p for p in _panels.values() if p.slot == slot), key=lambda p: (p.order, p.template))
