from django.contrib import admin

from services.models import ChecklistItem, ReminderLog, ServiceType


class ChecklistItemInline(admin.TabularInline):
    model = ChecklistItem
    extra = 0
    fields = ["order", "document_type", "required", "condition", "hint"]


@admin.register(ServiceType)
class ServiceTypeAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "code",
        "decision_period",
        "letter_kind",
        "online_allowed",
        "requires_field_check",
        "is_active",
    ]
    list_editable = ["online_allowed", "is_active"]
    inlines = [ChecklistItemInline]


@admin.register(ReminderLog)
class ReminderLogAdmin(admin.ModelAdmin):
    list_display = ["sent_on", "key", "recipient"]
    date_hierarchy = "sent_on"

    def has_add_permission(self, request: object) -> bool:
        return False
