"""Background building of large exports and recaps, and the dashboard's figures (ImmediateBackend in development and tests, db_worker in
production). Progress is written to the Job row as rows are produced, so the progress page can show it."""

import logging

from django.core.files.base import ContentFile
from django.http import QueryDict
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from accounts.models import User
from insights import exports, figures, recaps
from insights.models import Job
from wadah.lib.excel import build_xlsx

log = logging.getLogger(__name__)
PROGRESS_EVERY = 500


def _progress(job: Job, done: int) -> None:
    Job.objects.filter(pk=job.pk).update(done=done)


@task()
def build_export(job_id: int) -> None:
    job = Job.objects.select_related("user").get(pk=job_id)
    export = exports.EXPORTS[job.name]
    language = job.params.get("language") or "id"
    try:
        with override(language):
            params = QueryDict(job.params.get("query", ""))
            queryset = export.queryset(job.user, params)
            total = min(queryset.count(), exports.EXPORT_LIMIT)
            Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, total=total)

            def counted():
                for index, row in enumerate(exports.rows(export, queryset, job.user), start=1):
                    if index % PROGRESS_EVERY == 0:
                        _progress(job, index)
                    yield row

            content = build_xlsx(str(export.title), export.headers(job.user), counted())
        job.refresh_from_db()
        job.file.save(f"{job.name}-{timezone.localdate():%Y%m%d}.xlsx", ContentFile(content), save=False)
        job.status, job.done, job.finished_at = Job.Status.DONE, total, timezone.now()
        job.save()
    except Exception:
        log.exception("export %s failed", job_id)
        Job.objects.filter(pk=job_id).update(status=Job.Status.FAILED, error=_("The file could not be built."))


@task()
def build_recap(job_id: int) -> None:
    job = Job.objects.select_related("user").get(pk=job_id)
    try:
        with override(job.params.get("language") or "id"):
            Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, total=recaps.STEPS)
            recap = recaps.build(
                User.objects.get(pk=job.user_id),
                period=job.params["period"],
                start=job.params["start"],
                regency=job.params.get("regency", ""),
                progress=lambda step: _progress(job, step),
            )
            xlsx, pdf = recaps.workbook(recap), recaps.pdf(recap)
        job.refresh_from_db()
        stem = f"rekap-{recap.slug}"
        job.file.save(f"{stem}.xlsx", ContentFile(xlsx), save=False)
        job.pdf.save(f"{stem}.pdf", ContentFile(pdf), save=False)
        job.status, job.done, job.finished_at = Job.Status.DONE, recaps.STEPS, timezone.now()
        job.save()
    except Exception:
        log.exception("recap %s failed", job_id)
        Job.objects.filter(pk=job_id).update(status=Job.Status.FAILED, error=_("The recap could not be built."))


@task()
def refresh_figures(province: str) -> None:
    """Recompute one province's dashboard figures (insights/figures.py; queued by figures.request_refresh)."""
    figures.refresh(province)
