from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from accounts import staff_actions
from accounts.models import Agency, Office, User
from accounts.staff_actions import PRIVILEGED_FIELDS


class ResetTwoFactorForm(forms.Form):
    reason = forms.CharField(label=_("Reason (how the user's identity was checked)"), max_length=300)


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    """Users for the admin sistem, without the powers of a role: it cannot make anyone (itself included) a Pimpinan,
    an officer of another office or a superuser, nor take over a login by setting its password. Those changes are
    for a superuser and go through accounts.staff_actions (audited)."""

    list_display = ["username", "get_full_name", "role", "office", "agency", "is_active"]
    list_filter = ["role", "office", "agency", "is_active"]
    list_select_related = ["office", "agency"]
    raw_id_fields = ["ormas"]
    actions = ["reset_two_factor"]
    fieldsets = (
        *BaseUserAdmin.fieldsets,  # type: ignore[misc]
        ("Wadah", {"fields": ("role", "office", "agency", "ormas", "nip", "phone")}),
    )
    add_fieldsets = (
        *BaseUserAdmin.add_fieldsets,
        ("Wadah", {"fields": ("first_name", "last_name", "email", "role", "office", "agency")}),
    )

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if request.user.is_superuser:  # type: ignore[union-attr]
            return ["last_login", "date_joined"]
        # Username and e-mail too: changing another login's e-mail and then resetting its password is a takeover.
        return [*PRIVILEGED_FIELDS, "username", "email", "groups", "user_permissions", "last_login", "date_joined"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        # A new login starts with a role; only a superuser gives one.
        return bool(request.user.is_superuser) and super().has_add_permission(request)  # type: ignore[union-attr]

    def user_change_password(self, request: HttpRequest, id: str, form_url: str = "") -> HttpResponse:
        if not request.user.is_superuser and str(request.user.pk) != str(id):  # type: ignore[union-attr]
            raise PermissionDenied  # users reset their own password by e-mail
        return super().user_change_password(request, id, form_url)

    def save_model(self, request: HttpRequest, obj: User, form: Any, change: bool) -> None:
        by: User = request.user  # type: ignore[assignment]
        if not change:
            super().save_model(request, obj, form, change)
            staff_actions.record_account_created(obj, by=by)
            return
        privileged = {f: form.cleaned_data[f] for f in form.changed_data if f in PRIVILEGED_FIELDS}
        if privileged:
            stored = User.objects.get(pk=obj.pk)
            for field in privileged:
                setattr(obj, field, getattr(stored, field))
        super().save_model(request, obj, form, change)
        if privileged:
            staff_actions.change_role(obj, by=by, **privileged)

    @admin.action(description=_("Reset two-step verification (lost phone)"))
    def reset_two_factor(self, request: HttpRequest, queryset: Any) -> HttpResponse | None:
        form = ResetTwoFactorForm(request.POST if "reason" in request.POST else None)
        if form.is_valid():
            for user in queryset:
                try:
                    staff_actions.reset_two_factor(user, by=request.user, reason=form.cleaned_data["reason"])  # type: ignore[arg-type]
                except (PermissionDenied, ValidationError) as error:
                    self.message_user(
                        request, f"{user}: {' '.join(getattr(error, 'messages', [str(error)]))}", messages.ERROR
                    )
                else:
                    self.message_user(request, _("%(user)s pairs a new app at the next login.") % {"user": user})
            return None
        return render(
            request,
            "admin/accounts/reset_two_factor.html",
            {
                **self.admin_site.each_context(request),
                "users": queryset,
                "form": form,
                "title": _("Reset two-step verification"),
            },
        )


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin[Office]):
    list_display = ["short_name", "name", "region"]
    raw_id_fields = ["region"]


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin[Agency]):
    list_display = ["abbreviation", "name", "kind", "region", "is_active"]
    list_filter = ["kind", "is_active"]
    raw_id_fields = ["region"]
