"""Background work of document control: daily reminders to read overdue documents."""

from datetime import timedelta

from django.tasks import task

from iso20k.core import scheduling
from iso20k.core.context import change_context


@task
def remind_unread_documents() -> int:
    """E-mail each person whose reading of a version in force is overdue, once per version."""
    from .services import send_read_reminders

    with change_context("task"):
        return send_read_reminders()


scheduling.every(remind_unread_documents, timedelta(hours=24), first_delay=timedelta(hours=1))
