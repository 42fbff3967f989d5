from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Safe at import time: panels holds no models.
from registry import panels


class OpportunitiesConfig(AppConfig):
    name = "opportunities"
    verbose_name = _("Opportunities (peluang)")

    def ready(self) -> None:
        # The Ormas record lists the opportunities it applied for and was served, through the registry's panel slot.
        panels.register("summary", "opportunities/ormas_panel.html", order=30)
