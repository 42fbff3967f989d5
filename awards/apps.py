from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Safe at import time: panels holds no models.
from registry import panels


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = _("Awards (penghargaan)")

    def ready(self) -> None:
        # The Ormas record shows its shortlistings and awards through the registry's panel slot.
        panels.register("summary", "awards/ormas_panel.html", order=40)
