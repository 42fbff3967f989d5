"""Admin sistem maintains reference data here; officers work in the staff pages, not the admin."""

from django.contrib import admin

from registry.models import DocumentType, FieldOfActivity, ReservedName


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
    list_display = ["name", "abbreviation", "category", "legal_basis", "is_active", "source"]
    list_filter = ["category", "is_active"]
    search_fields = ["name", "abbreviation", "legal_basis", "source"]
