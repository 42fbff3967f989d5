"""What the officer, filing and applicant pages share: which applications a user may reach, and the layout.

Applications are always fetched through a scoped queryset: an officer sees those of offices within their region
scope, an Ormas account only its own Ormas's; anything else is a 404.
"""

from typing import Any

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect

from accounts.models import Role
from accounts.typing import AuthedHttpRequest
from services.models import Application
from workdays.engine import days_left


def visible(request: AuthedHttpRequest) -> Any:
    if request.user.role == Role.ORMAS_ACCOUNT:
        return Application.objects.for_ormas_account(request.user)
    return Application.objects.for_officer(request.user)


def application_for(request: AuthedHttpRequest, reference: str) -> Application:
    """The application if this user may see it; 404 otherwise, so that others' applications do not reveal they exist."""
    return get_object_or_404(
        visible(request).select_related("service_type", "ormas", "office", "letter"), reference=reference
    )


def layout_for(request: AuthedHttpRequest) -> str:
    return "layouts/applicant.html" if request.user.role == Role.ORMAS_ACCOUNT else "layouts/staff.html"


def days_left_for(application: Application) -> int | None:
    due = application.due
    if not due:
        return None
    return days_left(due, region_code=application.office.region_id)


def back(application: Application, anchor: str = "") -> HttpResponse:
    return redirect(application.get_absolute_url() + (f"#{anchor}" if anchor else ""))
