from typing import Any

from django.contrib import admin

from ormas_accounts.models import OrmasAccountRequest


@admin.register(OrmasAccountRequest)
class OrmasAccountRequestAdmin(admin.ModelAdmin[OrmasAccountRequest]):
    """Read-only here: confirm and reject through the officer's page, so that the audit trail and e-mails happen."""

    list_display = ["__str__", "ormas", "position", "status", "created_at", "decided_by"]
    list_filter = ["status"]
    raw_id_fields = ["user", "ormas", "decided_by"]
    search_fields = ["user__email", "user__first_name", "ormas__name"]

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_add_permission(self, request: Any) -> bool:
        return False
