from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "registry"
    verbose_name = _("Ormas registry (Buku Induk)")

    def ready(self) -> None:
        # Who may read the entries about an Ormas at all (audit/visibility.py): whoever may read the Ormas.
        from audit import visibility
        from registry.models import Ormas

        visibility.register(visibility.ORMAS_KIND, lambda user: Ormas.objects.visible_to(user).values("pk"))
