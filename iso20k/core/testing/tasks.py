"""Run queued django.tasks in-process, inside the test's transaction; task errors fail tests."""

from django_tasks_db.models import DBTaskResult


def run_queued_tasks(limit: int = 1000) -> int:
    ran = 0
    while ran < limit:
        result = DBTaskResult.objects.ready().order_by("enqueued_at").first()
        if result is None:
            return ran
        result.claim("test-worker")
        task_result = result.task_result
        value = result.task.call(*task_result.args, **task_result.kwargs)
        result.set_successful(value)
        ran += 1
    raise AssertionError(f"more than {limit} tasks queued: a task keeps re-enqueuing itself?")
