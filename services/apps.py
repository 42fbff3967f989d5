from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = _("Ormas services (layanan)")

    def ready(self) -> None:
        # An application's history is for the handling office and the applicant (audit/visibility.py).
        from audit import visibility
        from services.models import Application

        visibility.register(
            "services.application",
            lambda user: (Application.objects.for_officer(user) | Application.objects.for_ormas_account(user)).values(
                "pk"
            ),
        )
