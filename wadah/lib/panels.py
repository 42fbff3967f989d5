"""Slots on a page that apps above its owner fill with their own templates, without the owner naming them.

An app low in the layers (the registry's Ormas record, a field report) cannot include the templates of the apps
above it; it creates a PanelSlots with the names of its slots, leaves {% …_panels "slot" %} in its page, and each
app above registers a template for a slot from its AppConfig.ready(). Each panel renders with the page's context
and decides itself what the user may see.
"""

from dataclasses import dataclass

from django import template
from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True)
class Panel:
    slot: str
    template: str
    order: int = 0


class PanelSlots:
    def __init__(self, page: str, slots: tuple[str, ...]) -> None:
        self.page = page
        self.slots = slots
        self._panels: dict[str, Panel] = {}

    def register(self, slot: str, template_name: str, *, order: int = 0) -> None:
        """Show `template_name` in `slot` of every such page (registering the same template twice is harmless)."""
        if slot not in self.slots:
            raise ValueError(f"unknown {self.page} panel slot {slot!r}; the slots are {self.slots}")
        self._panels[template_name] = Panel(slot, template_name, order)

    def panels_in(self, slot: str) -> list[Panel]:
        return sorted((p for p in self._panels.values() if p.slot == slot), key=lambda p: (p.order, p.template))

    def render(self, context: template.Context, slot: str) -> SafeString:
        """The slot's panels, each rendered like an {% include %}: with the page's context, autoescaped by its own
        template (for the page's template tag)."""
        engine = context.template.engine  # type: ignore[union-attr]
        return mark_safe("".join(engine.get_template(p.template).render(context) for p in self.panels_in(slot)))
