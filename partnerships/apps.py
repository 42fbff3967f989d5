from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Safe at import time: panels holds no models.
from registry import panels


class PartnershipsConfig(AppConfig):
    name = "partnerships"
    verbose_name = _("Partnerships and business units")

    def ready(self) -> None:
        # The Ormas record shows its network and business units through the registry's panel slot.
        panels.register("summary", "partnerships/ormas_network.html", order=30)
        # The links and business units, pre-filled in the annual activity report (services/prefill.py).
        from partnerships.prefill import business_units_in, partnerships_in
        from services import prefill

        prefill.register("activity-report", "partnerships.links", _("Partnerships"), partnerships_in, order=30)
        prefill.register(
            "activity-report",
            "partnerships.business_units",
            _("Business units"),
            business_units_in,
            order=40,
            edit_url_name="partnerships:mine",
        )
        # Award rounds score partnerships in force (awards/criteria.py); partnerships points at awards, not back.
        from partnerships import award_criteria

        award_criteria.register()
