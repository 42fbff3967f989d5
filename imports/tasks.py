"""Background work of an import: checking rows and committing them (ImmediateBackend in dev, DB worker in production).

The tasks only load the batch and call the action; every status change and its error message is in actions.py.
"""

from django.tasks import task

from accounts.models import User
from imports import actions
from imports.models import ImportBatch


@task()
def analyse_batch(batch_id: int) -> None:
    actions.run_analysis(ImportBatch.objects.get(pk=batch_id))


@task()
def commit_batch(batch_id: int, user_id: int) -> None:
    actions.run_commit(ImportBatch.objects.get(pk=batch_id), User.objects.get(pk=user_id))
