from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The open-data API (/api/v1/): the public register for anyone, and token-authenticated endpoints for partner
    systems. Every endpoint calls the same query functions as the HTML pages (portal/register.py)."""

    name = "api"
    verbose_name = _("Open-data API")
    default_auto_field = "django.db.models.BigAutoField"
