from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Safe at import time: panels holds no models.
from registry import panels


class GuidanceConfig(AppConfig):
    name = "guidance"
    verbose_name = _("Guidance (pembinaan)")

    def ready(self) -> None:
        # The Ormas record shows the events it attended and its assessments through the registry's panel slots,
        # so the registry names no guidance template.
        panels.register("summary", "guidance/ormas_guidance.html", order=10)
        # The events attended, pre-filled in the annual activity report (services/prefill.py).
        from guidance.prefill import events_attended
        from services import prefill

        prefill.register("activity-report", "guidance.events", _("Guidance events attended"), events_attended, order=10)
