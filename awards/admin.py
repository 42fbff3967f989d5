from django.contrib import admin

from awards.models import AwardCriterion, AwardRound


class AwardCriterionInline(admin.TabularInline):
    model = AwardCriterion
    extra = 0


@admin.register(AwardRound)
class AwardRoundAdmin(admin.ModelAdmin):
    """Read-only outside the pages: criteria parameters (e.g. years, targets) are data an admin may adjust."""

    list_display = ("title", "year", "office", "status", "decision_number")
    readonly_fields = ("status", "decision_number", "decision_date", "decided_by", "decided_at", "computed_at")
    inlines = [AwardCriterionInline]
