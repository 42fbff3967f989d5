from django.contrib import admin

from opportunities.models import OfferingParty, PartnerAccount


class PartnerAccountInline(admin.TabularInline):
    model = PartnerAccount
    extra = 1
    raw_id_fields = ("user",)


@admin.register(OfferingParty)
class OfferingPartyAdmin(admin.ModelAdmin):
    """The system administrator registers an offering party and links its users (role "Offering partner")."""

    list_display = ("name", "kind", "office", "is_active")
    list_filter = ("kind", "is_active")
    inlines = [PartnerAccountInline]
