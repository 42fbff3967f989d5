from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "complaints"
    verbose_name = _("Complaints (pengaduan)")

    def ready(self) -> None:
        # A complaint's history (reasons, the internal note) is for its handling officers, as on the complaint page.
        from audit import visibility
        from complaints.models import Complaint

        visibility.register("complaints.complaint", lambda user: Complaint.objects.handled_by(user).values("pk"))
