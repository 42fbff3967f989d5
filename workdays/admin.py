"""Admin sistem keeps the holiday calendar and the statutory periods here."""

from typing import Any

from django.contrib import admin, messages
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils import timezone

from workdays.engine import CUTI_BERSAMA_INTERPRETATION, calendar_warnings
from workdays.models import Holiday, Period


def _calendar_messages(request: HttpRequest) -> None:
    """This year and the next: estimated national holidays, missing cuti bersama, and the interpretation note."""
    year = timezone.localdate().year
    for warning in calendar_warnings([year, year + 1]):
        messages.warning(request, warning)
    messages.info(request, CUTI_BERSAMA_INTERPRETATION)


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin[Holiday]):
    list_display = ["date", "name", "kind", "region", "is_unverified", "legal_source"]
    list_filter = ["kind", "is_unverified", "date"]
    search_fields = ["name", "legal_source", "region__name", "region__code"]
    date_hierarchy = "date"
    autocomplete_fields = ["region"]

    def changelist_view(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> TemplateResponse:
        if request.method == "GET":
            _calendar_messages(request)
        return super().changelist_view(request, extra_context)  # type: ignore[return-value]


@admin.register(Period)
class PeriodAdmin(admin.ModelAdmin[Period]):
    list_display = ["code", "name", "days", "unit", "is_unverified", "legal_source"]
    list_filter = ["unit", "is_unverified"]
    search_fields = ["code", "name", "legal_source"]
    prepopulated_fields = {"code": ["name"]}

    def changelist_view(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> TemplateResponse:
        if request.method == "GET":
            _calendar_messages(request)
        return super().changelist_view(request, extra_context)  # type: ignore[return-value]
