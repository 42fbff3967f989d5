"""Upload → column mapping → preview (per-row decisions) → confirm → done. Long work runs as tasks."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from accounts.decorators import registry_editor
from accounts.typing import AuthedHttpRequest
from imports import actions
from imports.analysis import cell_text, counts, locate
from imports.forms import MappingForm, UploadForm
from imports.models import ImportBatch, ImportRow
from imports.tasks import analyse_batch, commit_batch
from regions.models import Region

PAGE_SIZE = 50


def _batch(request: AuthedHttpRequest, public_id) -> ImportBatch:
    return get_object_or_404(ImportBatch.objects.visible_to(request.user), public_id=public_id)


@registry_editor
def start(request: AuthedHttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            batch = actions.create_batch(by=request.user, upload=form.cleaned_data["file"], kind=form.kind)
        except ValidationError as error:
            form.add_error("file", error)
        else:
            return redirect("imports:mapping", batch.public_id)
    batches = ImportBatch.objects.visible_to(request.user).select_related("created_by")[:20]
    return render(request, "imports/start.html", {"form": form, "batches": batches})


@registry_editor
def mapping(request: AuthedHttpRequest, public_id) -> HttpResponse:
    batch = _batch(request, public_id)
    if not batch.can_move_to(ImportBatch.Status.ANALYSING):
        return redirect("imports:batch", batch.public_id)
    form = MappingForm(
        request.POST or None,
        columns=batch.columns,
        mapping=batch.mapping,
        scope=request.user.scope_code or "",
        initial={"default_region": batch.default_region_id or ""},
    )
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data.get("default_region")
        region = Region.objects.get(code=code) if code else None
        try:
            actions.start_analysis(batch, mapping=form.mapping(), default_region=region)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            transaction.on_commit(lambda: analyse_batch.enqueue(batch.pk))
        return redirect("imports:batch", batch.public_id)
    samples = list(zip(*_sample_rows(batch), strict=False)) if batch.columns else []
    rows = [(field, samples[i] if i < len(samples) else ()) for i, field in enumerate(form.column_fields())]
    return render(request, "imports/mapping.html", {"batch": batch, "form": form, "rows": rows})


def _sample_rows(batch: ImportBatch) -> list[list[str]]:
    """Up to three data rows, to show next to each column in the mapping form."""
    try:
        with batch.file.open("rb") as handle:
            _sheet, _index, _height, headings, body = locate(handle.read(), batch.file_kind)
    except (ValidationError, OSError):
        return []
    width = len(headings)
    samples = [r for r in body if any(cell_text(v) for v in r)][:3]
    return [[cell_text(r[i]) if i < len(r) else "" for i in range(width)] for r in samples]


@registry_editor
def batch(request: AuthedHttpRequest, public_id) -> HttpResponse:
    batch = _batch(request, public_id)
    if batch.status == ImportBatch.Status.MAPPING:
        return redirect("imports:mapping", batch.public_id)
    if batch.is_running or batch.status == ImportBatch.Status.FAILED:
        return render(request, "imports/progress.html", {"batch": batch})
    rows = batch.rows.all()
    summary = {
        "total": rows.exclude(state=ImportRow.State.BLANK).count(),
        "errors": rows.filter(state=ImportRow.State.ERROR).count(),
        "duplicates": rows.filter(possible_duplicate=True).count(),
        "blank": rows.filter(state=ImportRow.State.BLANK).count(),
        "undecided": rows.filter(action="").exclude(state=ImportRow.State.BLANK).count(),
        "create": rows.filter(action=ImportRow.Action.CREATE).count(),
        "update": rows.filter(action=ImportRow.Action.UPDATE).count(),
        "skip": rows.filter(action=ImportRow.Action.SKIP).exclude(state=ImportRow.State.BLANK).count(),
    }
    if batch.status == ImportBatch.Status.DONE:
        results = rows.filter(result__isnull=False).select_related("result")[:100]
        return render(request, "imports/done.html", {"batch": batch, "summary": summary, "results": results})
    show = request.GET.get("show", "all")
    if show == "problems":
        rows = rows.filter(Q(state__in=[ImportRow.State.ERROR, ImportRow.State.DUPLICATE]) | Q(possible_duplicate=True))
    elif show == "undecided":
        rows = rows.filter(action="").exclude(state=ImportRow.State.BLANK)
    else:
        rows = rows.exclude(state=ImportRow.State.BLANK)
        show = "all"
    page = Paginator(rows.order_by("number"), PAGE_SIZE).get_page(request.GET.get("page"))
    has_board = any(t in batch.mapping.values() for t in ("chair", "secretary", "treasurer"))
    context = {
        "batch": batch,
        "summary": summary,
        "page": page,
        "show": show,
        "querystring": urlencode({"show": show}),
        "here": f"{request.path}?{urlencode({'show': show, 'page': page.number})}",
        "has_board": has_board,
    }
    if request.htmx and request.htmx.target == "preview":
        return render(request, "imports/preview.html#table", context)
    return render(request, "imports/preview.html", context)


@registry_editor
def progress(request: AuthedHttpRequest, public_id) -> HttpResponse:
    batch = _batch(request, public_id)
    if not batch.is_running:
        url = reverse("imports:batch", args=[batch.public_id])
        return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    return render(request, "imports/progress.html#bar", {"batch": batch})


def _safe_next(request: AuthedHttpRequest, batch: ImportBatch) -> str:
    url = request.POST.get("next", "")
    base = reverse("imports:batch", args=[batch.public_id])
    return url if url.startswith(base) else base


@registry_editor
@require_POST
def decide(request: AuthedHttpRequest, public_id) -> HttpResponse:
    """Save the per-row choices of one preview page: create, skip, or update:<id of a matched Ormas>."""
    batch = _batch(request, public_id)
    if batch.status != ImportBatch.Status.READY:
        return redirect("imports:batch", batch.public_id)
    ids = [int(k[4:]) for k in request.POST if k.startswith("row-") and k[4:].isdigit()]
    actions.decide_rows(batch, {pk: request.POST.get(f"row-{pk}", "") for pk in ids})
    messages.success(request, _("Your choices were saved."))
    return redirect(_safe_next(request, batch))


@registry_editor
@require_POST
def skip_errors(request: AuthedHttpRequest, public_id) -> HttpResponse:
    batch = _batch(request, public_id)
    if batch.status == ImportBatch.Status.READY:
        count = actions.skip_errors(batch)
        messages.success(request, _("%(count)d rows with errors will be skipped.") % {"count": count})
    return redirect(_safe_next(request, batch))


@registry_editor
def confirm(request: AuthedHttpRequest, public_id) -> HttpResponse:
    batch = _batch(request, public_id)
    if batch.status != ImportBatch.Status.READY:
        return redirect("imports:batch", batch.public_id)
    summary = counts(batch.rows.all())
    if request.method == "POST" and not summary["undecided"]:
        try:
            actions.request_commit(batch)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            user_id, batch_id = request.user.pk, batch.pk
            transaction.on_commit(lambda: commit_batch.enqueue(batch_id, user_id))
        return redirect("imports:batch", batch.public_id)
    return render(request, "imports/confirm.html", {"batch": batch, "summary": summary})
