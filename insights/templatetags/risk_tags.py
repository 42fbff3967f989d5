"""{% risk_signals ormas as signals %}: the Ormas's explainable risk signals for the person looking at its record."""

from typing import Any

from django import template

from insights.risk import Signal, risk_signals

register = template.Library()

# Kesbangpol staff and Tim Terpadu members see the signals; administrators and Ormas accounts do not.
READERS = {"petugas", "pimpinan", "anggota_tim"}


@register.simple_tag(takes_context=True, name="risk_signals")
def risk_signals_tag(context: template.Context, ormas: Any) -> list[Signal] | None:
    """None when the user may not see signals; otherwise the list (possibly empty), computed once per render."""
    user = context.get("user")
    if ormas is None or getattr(user, "role", None) not in READERS or not getattr(user, "is_authenticated", False):
        return None
    return risk_signals(ormas, user=user)
