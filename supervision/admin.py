from django.contrib import admin

from supervision.models import BreachedArticle, Competence, Delegation, StepAuthority


@admin.register(StepAuthority)
class StepAuthorityAdmin(admin.ModelAdmin):
    """Which steps an office takes itself and which it only recommends: data, with its legal source."""

    list_display = ["step_kind", "level", "power", "legal_source", "is_unverified"]
    list_filter = ["power", "level", "is_unverified"]


@admin.register(Competence)
class CompetenceAdmin(admin.ModelAdmin):
    """Which government is competent by where the violation happened (PP 58/2016 Pasal 60): data, with source."""

    list_display = ["spread", "level", "government", "legal_source", "is_unverified"]


@admin.register(BreachedArticle)
class BreachedArticleAdmin(admin.ModelAdmin):
    """The articles a case may find breached; `direct_path` opens Pasal 61(3)."""

    list_display = ["label", "code", "direct_path", "foreign_only", "legal_source", "is_unverified"]
    list_filter = ["direct_path", "foreign_only", "is_unverified"]


@admin.register(Delegation)
class DelegationAdmin(admin.ModelAdmin):
    """The delegation a sanction letter cites when it is issued a.n. the head of government."""

    list_display = ["office", "head_of_government", "instrument", "is_unverified"]
