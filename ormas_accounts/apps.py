from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrmasAccountsConfig(AppConfig):
    """Ormas accounts: self-registration, the account request an officer confirms or rejects, the account's pages."""

    name = "ormas_accounts"
    verbose_name = _("Ormas accounts")
