from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = _("Ormas services (layanan)")

    def ready(self) -> None:
        # An application's history is for the handling office and the applicant (audit/visibility.py).
        from audit import visibility
        from services import prefill
        from services.models import Application
        from services.prefill_board import board_changes

        visibility.register(
            "services.application",
            lambda user: (Application.objects.for_officer(user) | Application.objects.for_ormas_account(user)).values(
                "pk"
            ),
        )
        # The registry's part of the pre-filled activity report; the apps above services register theirs.
        prefill.register("activity-report", "registry.board", _("Board changes"), board_changes, order=50)
