from typing import Any

from django import forms
from django.contrib import admin, messages
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from api import actions
from api.models import ApiToken, Scope


class ApiTokenForm(forms.ModelForm):
    scopes = forms.MultipleChoiceField(
        label=_lazy("scopes"),
        choices=Scope.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_lazy("The partner endpoints it may read; none ticked = none."),
    )

    class Meta:
        model = ApiToken
        fields = ["name", "organisation", "scopes", "expires_at"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Adding a token here issues it (shown once, in the message); "Revoke" ends it. Both are audited."""

    form = ApiTokenForm
    list_display = [
        "name",
        "organisation",
        "prefix",
        "scopes",
        "created_at",
        "expires_at",
        "revoked_at",
        "last_used_at",
    ]
    fields = ["name", "organisation", "scopes", "expires_at"]
    actions = ["revoke"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # revoke instead: the trail keeps who used which token

    def save_model(self, request: HttpRequest, obj: ApiToken, form: Any, change: bool) -> None:
        token, plain = actions.issue_token(
            name=obj.name,
            organisation=obj.organisation,
            scopes=form.cleaned_data.get("scopes") or [],
            expires_at=obj.expires_at,
            by=request.user,
        )
        obj.pk = token.pk
        messages.warning(
            request,
            _("Token for %(name)s: %(token)s — copy it now; it is not shown again.")
            % {"name": token.name, "token": plain},
        )

    @admin.action(description=_lazy("Revoke the selected tokens"))
    def revoke(self, request: HttpRequest, queryset: Any) -> None:
        for token in queryset:
            actions.revoke_token(token, by=request.user)
