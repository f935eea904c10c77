"""Background-work helpers shared by every app (django.tasks, database backend)."""

from django.db import transaction


def enqueue_on_commit(task: object, *args: object, **kwargs: object) -> None:
    """Enqueue `task` once the current transaction commits; never for a rolled-back change."""
    transaction.on_commit(lambda: task.enqueue(*args, **kwargs))
