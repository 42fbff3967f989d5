from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Safe at import time: panels holds no models.
from registry import panels


class GrantsConfig(AppConfig):
    name = "grants"
    verbose_name = _("Grants (hibah)")

    def ready(self) -> None:
        # Audit entries about a proposal are read by whoever may read that proposal (audit/visibility.py).
        from audit import visibility
        from grants.models import Proposal

        visibility.register("grants.proposal", lambda user: Proposal.objects.visible_to(user).values("pk"))
        # The Ormas record lists its grant proposals (the viewer's readable ones) through the registry's panel slot.
        panels.register("summary", "grants/ormas_panel.html", order=20)
        # The grants received, pre-filled in the annual activity report (services/prefill.py).
        from grants.prefill import grants_received
        from services import prefill

        prefill.register("activity-report", "grants.received", _("Grants received"), grants_received, order=20)
