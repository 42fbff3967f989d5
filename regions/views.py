from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from regions.models import Region


@require_GET
@login_required
def options(request: HttpRequest) -> HttpResponse:
    """<option>s for the children of the chosen region, for the cascading region picker."""
    parent = request.GET.get("regency") or request.GET.get("district") or ""
    children = Region.objects.filter(parent_id=parent).only("code", "name") if parent else Region.objects.none()
    return render(
        request,
        "regions/options.html",
        {"children": children, "clear_village": "regency" in request.GET},
    )
