from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The fictional demo data (seed_demo, generate_national): the top layer, which may use every other app."""

    name = "demo"
    verbose_name = _("Demo data")
