"""Background work of the programme: the hourly reminder run for task due dates."""

from datetime import timedelta

from django.tasks import task

from iso20k.core import scheduling
from iso20k.core.context import change_context


@task
def send_task_reminders() -> dict:
    from . import services

    with change_context("task"):
        run = services.send_task_reminders()
    return {"due_soon": run.due_soon, "overdue": run.overdue}


scheduling.every(send_task_reminders, timedelta(hours=1), first_delay=timedelta(minutes=2))
