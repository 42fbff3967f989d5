from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Safe at import time: panels holds no models.
from registry import panels


class InsightsConfig(AppConfig):
    """Read models that span apps (risk signals today; the Ormas timeline and dashboards later).

    It reads the capability apps and none of them imports it. Its panels reach the Ormas record page through the
    registry's panel slots (registry/panels.py), so the registry names neither insights nor supervision.
    """

    name = "insights"
    verbose_name = _("Insights")

    def ready(self) -> None:
        panels.register("header", "insights/ormas_sanction.html")
        panels.register("summary", "insights/ormas_risk_signals.html")
