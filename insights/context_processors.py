from typing import Any

from django.http import HttpRequest

from insights.models import Notification


def bell(request: HttpRequest) -> dict[str, Any]:
    """The number of unread notifications for the staff navbar's bell (one indexed COUNT, staff pages only)."""
    user = getattr(request, "user", None)
    if not getattr(user, "is_staff_role", False):
        return {}
    return {"unread_notifications": Notification.objects.filter(user=user, read_at__isnull=True).count()}
