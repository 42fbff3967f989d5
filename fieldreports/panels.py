"""Panels that other apps add to a field report's page, without fieldreports naming them (the pattern of
registry/panels.py). Coordination sits beside fieldreports and imports it (declared in test_layers.py), so the
report page cannot include coordination's templates by name; it leaves a slot ({% field_report_panels "detail" %})
and coordination registers a template for it in its AppConfig.ready() — today the protocol clauses the report cites.
Each panel renders with the page's context (report, user, request) and decides itself what the user may see.
"""

from wadah.lib.panels import Panel, PanelSlots

SLOTS = ("detail",)
_slots = PanelSlots("field report", SLOTS)
register = _slots.register
panels_in = _slots.panels_in
render = _slots.render

__all__ = ["SLOTS", "Panel", "panels_in", "register", "render"]
