"""Admin sistem maintains each office's numbering format here; letters themselves are issued by actions only."""

from django.contrib import admin

from letters.models import LetterFormat


@admin.register(LetterFormat)
class LetterFormatAdmin(admin.ModelAdmin[LetterFormat]):
    list_display = ["office", "pattern", "seq_width", "office_code", "place", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["office__name", "pattern"]
