from django.contrib import admin

from grants.models import Criterion, EligibilityRule, GrantWindow


@admin.register(EligibilityRule)
class EligibilityRuleAdmin(admin.ModelAdmin):
    list_display = ("code", "description", "description_en", "version", "is_unverified", "enabled")
    list_editable = ("enabled",)


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 1


@admin.register(GrantWindow)
class GrantWindowAdmin(admin.ModelAdmin):
    list_display = ("title", "budget_year", "office", "opens_on", "closes_on", "recommendation_only")
    filter_horizontal = ("eligible_fields",)
    raw_id_fields = ("eligible_regions",)
    inlines = [CriterionInline]
