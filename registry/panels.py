"""Panels that apps above the registry add to an Ormas's record page, without the registry naming them.

The registry sits below the apps that know about cases, complaints and risk, so its record page cannot include
their templates by name. Instead it leaves named slots ({% ormas_panels "header" %}, {% ormas_panels "summary" %})
and an app above registers a template for a slot in its AppConfig.ready(). Today the insights app fills both: the
sanction in force under the Ormas's name, and the risk signals above the profile. Each panel template is rendered
with the page's own context (ormas, user, request) and decides itself whether the user may see it.
"""

from dataclasses import dataclass

SLOTS = ("header", "summary")


@dataclass(frozen=True)
class Panel:
    slot: str
    template: str
    order: int = 0


_panels: dict[str, Panel] = {}


def register(slot: str, template: str, *, order: int = 0) -> None:
    """Show `template` in `slot` of every Ormas record page (registering the same template twice is harmless)."""
    if slot not in SLOTS:
        raise ValueError(f"unknown Ormas panel slot {slot!r}; the slots are {SLOTS}")
    _panels[template] = Panel(slot, template, order)


def panels_in(slot: str) -> list[Panel]:
    return sorted((p for p in _panels.values() if p.slot == slot), key=lambda p: (p.order, p.template))
