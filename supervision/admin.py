from django.contrib import admin

from supervision.models import StepAuthority


@admin.register(StepAuthority)
class StepAuthorityAdmin(admin.ModelAdmin):
    """Which steps an office takes itself and which it only recommends: data, with its legal source."""

    list_display = ["step_kind", "level", "power", "legal_source", "is_unverified"]
    list_filter = ["power", "level", "is_unverified"]
