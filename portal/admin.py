from django.contrib import admin

from portal.models import PublicationRule


@admin.register(PublicationRule)
class PublicationRuleAdmin(admin.ModelAdmin):
    """Which card fields the public register publishes (portal/register.py reads these on every request)."""

    list_display = ["field", "published", "basis"]
    list_editable = ["published"]
