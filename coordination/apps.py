from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Safe at import time: panels holds no models.
from fieldreports import panels as report_panels
from registry import panels


class CoordinationConfig(AppConfig):
    name = "coordination"
    verbose_name = _("Coordination (Rakor and the Tim Terpadu)")

    def ready(self) -> None:
        # Audit entries about a team or a meeting are read by who may open that team or meeting (audit/visibility.py).
        from audit import visibility
        from coordination.models import Meeting, Team

        visibility.register("coordination.team", lambda user: Team.objects.visible_to(user).values("pk"))
        visibility.register("coordination.meeting", lambda user: Meeting.objects.visible_to(user).values("pk"))
        # The Ormas record lists the meetings, decisions and action items about it (only those the viewer may read,
        # coordination.timeline), through the registry's panel slot.
        panels.register("summary", "coordination/_ormas_timeline.html", order=20)
        # A field report's page shows the protocol clauses it cites, and lets its reporters cite one.
        report_panels.register("detail", "coordination/_field_report_citations.html")
