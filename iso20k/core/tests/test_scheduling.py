"""Periodic jobs are enqueued when due, once, however many schedulers run."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from iso20k.core import scheduling
from iso20k.core.models import ScheduledJob

pytestmark = pytest.mark.django_db


def test_a_due_job_is_enqueued_once_until_its_next_time(time_machine):
    now = timezone.now()
    first = scheduling.enqueue_due(now)
    assert "iso20k.history.tasks.verify_history_chain" in first
    assert scheduling.enqueue_due(now) == []
    job = ScheduledJob.objects.get(name="iso20k.history.tasks.verify_history_chain")
    assert job.next_run_at > now
    later = scheduling.enqueue_due(job.next_run_at + timedelta(seconds=1))
    assert "iso20k.history.tasks.verify_history_chain" in later
    names = list(DBTaskResult.objects.values_list("task_path", flat=True))
    assert names.count("iso20k.history.tasks.verify_history_chain") == 2
