from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from accounts.models import Agency, Office, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "get_full_name", "role", "office", "agency", "is_active"]
    list_filter = ["role", "office", "agency", "is_active"]
    list_select_related = ["office", "agency"]
    raw_id_fields = ["ormas"]
    fieldsets = (
        *BaseUserAdmin.fieldsets,  # type: ignore[misc]
        ("Wadah", {"fields": ("role", "office", "agency", "ormas", "nip", "phone")}),
    )
    add_fieldsets = (
        *BaseUserAdmin.add_fieldsets,
        ("Wadah", {"fields": ("first_name", "last_name", "email", "role", "office", "agency")}),
    )


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin[Office]):
    list_display = ["short_name", "name", "region"]
    raw_id_fields = ["region"]


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin[Agency]):
    list_display = ["abbreviation", "name", "kind", "region", "is_active"]
    list_filter = ["kind", "is_active"]
    raw_id_fields = ["region"]
