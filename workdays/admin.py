"""Admin sistem keeps the holiday calendar and the statutory periods here."""

from django.contrib import admin

from workdays.models import Holiday, Period


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin[Holiday]):
    list_display = ["date", "name", "kind", "region", "is_unverified", "legal_source"]
    list_filter = ["kind", "is_unverified", "date"]
    search_fields = ["name", "legal_source", "region__name", "region__code"]
    date_hierarchy = "date"
    autocomplete_fields = ["region"]


@admin.register(Period)
class PeriodAdmin(admin.ModelAdmin[Period]):
    list_display = ["code", "name", "days", "unit", "is_unverified", "legal_source"]
    list_filter = ["unit", "is_unverified"]
    search_fields = ["code", "name", "legal_source"]
    prepopulated_fields = {"code": ["name"]}
