from collections.abc import Callable
from typing import Any

from django.apps import AppConfig
from django.db.models import Model, QuerySet
from django.utils.translation import gettext_lazy as _


class SupervisionConfig(AppConfig):
    name = "supervision"
    verbose_name = _("Supervision cases (pengawasan)")

    def ready(self) -> None:
        # Audit entries about a case or a compartmented item are read by who reads that record (audit/visibility.py).
        from audit import visibility
        from supervision import compartments
        from supervision.models import Case, CaseDocument, CaseNote, ClarificationMeeting, MediationSession

        visibility.register("supervision.case", lambda user: Case.objects.visible_to(user).values("pk"))

        def compartment_rule(model: type[Model]) -> Callable[[Any], QuerySet[Any]]:
            return lambda user: compartments.readable(user, model._default_manager.all()).values("pk")

        for model in (CaseNote, CaseDocument, ClarificationMeeting, MediationSession):
            visibility.register(model._meta.label_lower, compartment_rule(model))
