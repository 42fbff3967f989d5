"""The bell: what needs the user, read/unread, and the e-mail digest choice."""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from insights import notifications
from insights.models import Notification, NotificationSettings


class DigestForm(forms.ModelForm):
    class Meta:
        model = NotificationSettings
        fields = ["digest"]
        widgets = {"digest": forms.Select(attrs={"class": "form-select"})}


def _staff(request: HttpRequest) -> Any:
    if not getattr(request.user, "is_staff_role", False):
        raise PermissionDenied
    return request.user


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    user = _staff(request)
    notifications.refresh(user)
    settings_row, _created = NotificationSettings.objects.get_or_create(user=user)
    form = DigestForm(request.POST or None, instance=settings_row)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your e-mail choice is saved."))
        return redirect("insights:notifications")
    items = Notification.objects.filter(user=user)[:100]
    return render(request, "insights/notifications.html", {"items": items, "form": form})


@login_required
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Notification, pk=pk, user_id=request.user.pk)
    if item.read_at is None:
        item.read_at = timezone.now()
        item.save(update_fields=["read_at"])
    if item.link and url_has_allowed_host_and_scheme(item.link, allowed_hosts={request.get_host()}):
        return redirect(item.link)
    return redirect("insights:notifications")


@login_required
@require_POST
def notification_read_all(request: HttpRequest) -> HttpResponse:
    notifications.unread(_staff(request)).update(read_at=timezone.now())
    return redirect("insights:notifications")
