"""Background work of an import: checking rows and committing them (ImmediateBackend in dev, DB worker in production)."""

import logging

from django.core.exceptions import ValidationError
from django.tasks import task
from django.utils.translation import gettext as _

from accounts.models import User
from imports import services
from imports.models import ImportBatch

log = logging.getLogger(__name__)


@task()
def analyse_batch(batch_id: int) -> None:
    batch = ImportBatch.objects.get(pk=batch_id)
    try:
        services.analyse(batch)
    except ValidationError as error:
        ImportBatch.objects.filter(pk=batch_id).update(
            status=ImportBatch.Status.FAILED, error="; ".join(error.messages)
        )
    except Exception:
        log.exception("import analysis failed for batch %s", batch_id)
        ImportBatch.objects.filter(pk=batch_id).update(
            status=ImportBatch.Status.FAILED, error=_("The file could not be checked because of an unexpected error.")
        )


@task()
def commit_batch(batch_id: int, user_id: int) -> None:
    batch = ImportBatch.objects.get(pk=batch_id)
    user = User.objects.get(pk=user_id)
    try:
        services.commit(batch, user)
    except services.CommitBlocked as error:
        ImportBatch.objects.filter(pk=batch_id).update(
            status=ImportBatch.Status.READY, error=_("Nothing was imported. %(reason)s") % {"reason": error}
        )
    except Exception:
        log.exception("import commit failed for batch %s", batch_id)
        ImportBatch.objects.filter(pk=batch_id).update(
            status=ImportBatch.Status.READY,
            error=_("Nothing was imported: an unexpected error stopped the import. Try again or ask an administrator."),
        )
