import json
from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from audit import labels, visibility
from audit.models import Entry


class ActionFilter(admin.SimpleListFilter):
    """Filter by what happened, listed by label (the codes stay behind the scenes)."""

    title = _("what happened")
    parameter_name = "action"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return sorted(((code, labels.label(code)) for code in labels.labelled_codes()), key=lambda pair: pair[1])

    def queryset(self, request: HttpRequest, queryset: QuerySet[Entry]) -> QuerySet[Entry]:
        return queryset.filter(action=self.value()) if self.value() else queryset


@admin.register(Entry)
class EntryAdmin(admin.ModelAdmin[Entry]):
    """The trail as its reader may see it: the same visibility rules as every history page, personal data masked."""

    list_display = ["at", "actor", "what", "subject_repr"]
    list_filter = [ActionFilter]
    search_fields = ["subject_repr", "action"]
    fields = ("at", "actor", "what", "subject_repr", "ormas", "ip_address", "shown_changes", "shown_data")
    readonly_fields = fields

    def get_queryset(self, request: HttpRequest) -> QuerySet[Entry]:
        # Superusers included: a case file or a complaint's reasons are not readable because of an admin flag.
        return visibility.readable(request.user, super().get_queryset(request), scoped=True)

    def _shown(self, obj: Entry, request_user: Any) -> Entry:
        return visibility.redact([obj], request_user)[0]

    def get_object(self, request: HttpRequest, object_id: str, from_field: str | None = None) -> Entry | None:
        obj = super().get_object(request, object_id, from_field)
        return self._shown(obj, request.user) if obj is not None else None

    @admin.display(description=_("what happened"), ordering="action")
    def what(self, obj: Entry) -> str:
        return labels.label(obj.action)

    @admin.display(description=_("changes"))
    def shown_changes(self, obj: Entry) -> str:
        return format_html("<pre>{}</pre>", json.dumps(obj.changes, ensure_ascii=False, indent=1, default=str))

    @admin.display(description=_("data"))
    def shown_data(self, obj: Entry) -> str:
        return format_html("<pre>{}</pre>", json.dumps(obj.data, ensure_ascii=False, indent=1, default=str))

    # The trail is read-only for everyone, superusers included.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Entry | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Entry | None = None) -> bool:
        return False
