"""List exports and periodic recaps: start, follow the progress (htmx polling, survives a reload), download."""

import datetime as dt
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.decorators import registry_reader
from insights import dashboard, exports, recaps, tasks
from insights.models import Job
from wadah.lib.excel import build_xlsx
from wadah.lib.files import private_file_response

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def export_list(request: HttpRequest, key: str) -> HttpResponseBase:
    """The list `key` exactly as filtered (the same query string): at once when small, else in the background."""
    export = exports.EXPORTS.get(key)
    if export is None:
        raise Http404
    user: Any = request.user
    if not getattr(user, "is_staff_role", False):
        raise PermissionDenied
    queryset = export.queryset(user, request.GET)
    total = queryset.count()
    if total <= exports.IMMEDIATE_LIMIT:
        content = build_xlsx(str(export.title), export.headers(user), exports.rows(export, queryset, user))
        response = HttpResponse(content, content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="{key}-{timezone.localdate():%Y%m%d}.xlsx"'
        return response
    job = Job.objects.create(
        user=user,
        kind=Job.Kind.EXPORT,
        name=key,
        title=str(export.title),
        total=min(total, exports.EXPORT_LIMIT),
        params={"query": request.GET.urlencode(), "language": get_language()},
    )
    tasks.build_export.enqueue(job.pk)
    return redirect(job)


def _own_job(request: HttpRequest, pk: int) -> Job:
    return get_object_or_404(Job, pk=pk, user=request.user)


@login_required
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = _own_job(request, pk)
    template = "insights/_job_progress.html" if getattr(request, "htmx", False) else "insights/job.html"
    return render(request, template, {"job": job})


@login_required
def job_download(request: HttpRequest, pk: int, what: str) -> HttpResponseBase:
    job = _own_job(request, pk)
    field_file = job.pdf if what == "pdf" else job.file
    if job.status != Job.Status.DONE or not field_file:
        raise Http404
    return private_file_response(field_file)


@login_required
def job_list(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    jobs = Job.objects.filter(user=user)[:50]
    return render(request, "insights/job_list.html", {"jobs": jobs})


class RecapForm(forms.Form):
    period = forms.ChoiceField(
        label=_("Period"),
        choices=[("month", _("Month")), ("quarter", _("Quarter")), ("year", _("Year"))],
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    start = forms.DateField(
        label=_("A day in the period"),
        widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}),
        help_text=_("For example any day of the month the recap covers."),
    )
    regency = forms.ChoiceField(label=_("Area"), required=False, widget=forms.Select(attrs={"class": "form-select"}))

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        names = dashboard.regency_names(user.scope_code)
        whole = [("", _("Whole area (province)"))] if "." not in (user.scope_code or "") else []
        self.fields["regency"].choices = [*whole, *sorted(names.items())]  # type: ignore[attr-defined]
        if not self.is_bound:
            last_month = timezone.localdate().replace(day=1) - dt.timedelta(days=1)
            self.initial.setdefault("start", last_month.replace(day=1))


@registry_reader
def recap_start(request: HttpRequest) -> HttpResponseBase:
    user: Any = request.user
    form = RecapForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        first, last = recaps.period_bounds(data["period"], data["start"])
        job = Job.objects.create(
            user=user,
            kind=Job.Kind.RECAP,
            name=data["period"],
            title=f"{dict(form.fields['period'].choices)[data['period']]} {first:%Y-%m-%d} – {last:%Y-%m-%d}",  # type: ignore[attr-defined]
            total=recaps.STEPS,
            params={
                "period": data["period"],
                "start": first.isoformat(),
                "regency": data["regency"] or "",
                "language": get_language(),
            },
        )
        tasks.build_recap.enqueue(job.pk)
        return redirect(job)
    recent = Job.objects.filter(user=user, kind=Job.Kind.RECAP)[:10]
    return render(request, "insights/recap_start.html", {"form": form, "recent": recent})
