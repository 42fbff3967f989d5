from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FieldreportsConfig(AppConfig):
    name = "fieldreports"
    verbose_name = _("Field reports (Tim Terpadu)")
