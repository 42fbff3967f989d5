from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FieldreportsConfig(AppConfig):
    name = "fieldreports"
    verbose_name = _("Field reports (Tim Terpadu)")

    def ready(self) -> None:
        # Audit entries about a field report follow the report's own rule (compartments; audit/visibility.py).
        from audit import visibility
        from fieldreports.models import FieldReport

        visibility.register("fieldreports.fieldreport", lambda user: FieldReport.objects.visible_to(user).values("pk"))
