"""Admin sistem maintains reference data here; officers work in the staff pages, not the admin."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from registry import logos
from registry.models import DocumentType, Emblem, FieldOfActivity, LegalRequirement, NameTerm, ReservedName
from registry.names import index


@admin.register(FieldOfActivity)
class FieldOfActivityAdmin(admin.ModelAdmin[FieldOfActivity]):
    list_display = ["name", "is_active", "source"]
    list_filter = ["is_active"]
    search_fields = ["name"]


@admin.register(DocumentType)
class DocumentTypeAdmin(admin.ModelAdmin[DocumentType]):
    list_display = ["name", "code", "order", "is_active", "legal_basis"]
    list_editable = ["order", "is_active"]
    search_fields = ["name", "code"]
    prepopulated_fields = {"code": ["name"]}


@admin.register(ReservedName)
class ReservedNameAdmin(admin.ModelAdmin[ReservedName]):
    list_display = ["name", "abbreviation", "category", "effect", "legal_basis", "is_active", "source"]
    list_filter = ["category", "effect", "is_active"]
    search_fields = ["name", "abbreviation", "legal_basis", "source"]


@admin.register(NameTerm)
class NameTermAdmin(admin.ModelAdmin[NameTerm]):
    list_display = ["term", "kind", "replacement", "is_active", "source"]
    list_filter = ["kind", "is_active"]
    search_fields = ["term", "replacement", "source"]

    # The name index reads names with these lists: a change reads every name again, after the change is saved.
    def save_model(self, request: HttpRequest, obj: NameTerm, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        index.lexicon_changed()

    def delete_model(self, request: HttpRequest, obj: NameTerm) -> None:
        super().delete_model(request, obj)
        index.lexicon_changed()

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        super().delete_queryset(request, queryset)
        index.lexicon_changed()


@admin.register(Emblem)
class EmblemAdmin(admin.ModelAdmin[Emblem]):
    list_display = ["name", "category", "is_active", "source"]
    list_filter = ["category", "is_active"]
    search_fields = ["name", "legal_basis", "source"]

    def save_model(self, request: HttpRequest, obj: Emblem, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        # Hash the uploaded image now, so logo checks compare against it from the next upload on.
        value = logos.emblem_phash(obj)
        obj.phash = logos.to_signed(value) if value is not None else None
        obj.save(update_fields=["phash"])


@admin.register(LegalRequirement)
class LegalRequirementAdmin(admin.ModelAdmin[LegalRequirement]):
    list_display = ["name", "code", "number", "date", "is_active", "is_unverified", "legal_source"]
    list_filter = ["is_active", "is_unverified"]
    search_fields = ["name", "code", "legal_source"]

    def get_readonly_fields(self, request: HttpRequest, obj: LegalRequirement | None = None) -> list[str]:
        return ["code"] if obj else []  # the code is what registry/requirements.py looks for
