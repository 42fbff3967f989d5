"""Panels that apps above the registry add to an Ormas's record page, without the registry naming them.

The registry sits below the apps that know about cases, complaints and risk, so its record page cannot include
their templates by name. Instead it leaves named slots ({% ormas_panels "header" %}, {% ormas_panels "summary" %})
and an app above registers a template for a slot in its AppConfig.ready(). Today the insights app fills both: the
sanction in force under the Ormas's name, and the risk signals above the profile. Each panel template is rendered
with the page's own context (ormas, user, request) and decides itself whether the user may see it.
"""

from wadah.lib.panels import Panel, PanelSlots

SLOTS = ("header", "summary")
_slots = PanelSlots("Ormas", SLOTS)
register = _slots.register
panels_in = _slots.panels_in
render = _slots.render

__all__ = ["SLOTS", "Panel", "panels_in", "register", "render"]
