"""Background work of the registry (ImmediateBackend in dev and tests, DB worker in production)."""

from django.tasks import task

from registry.names import index


@task()
def rebuild_name_index() -> None:
    index.rebuild()
