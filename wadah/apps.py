from django.apps import AppConfig

# Importing registers the overflow-safe `__in` lookup on every integer field (no models are defined there).
from wadah import lookups  # noqa: F401


class WadahConfig(AppConfig):
    name = "wadah"
