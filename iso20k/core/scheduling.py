"""Periodic jobs on top of django.tasks, which has no scheduler of its own.

Apps call `every(task, interval)` in their tasks.py. `manage.py run_scheduler` enqueues
each job when due. A job is claimed with a conditional UPDATE on its next_run_at, so any
number of schedulers can run (one per machine) without enqueuing a run twice.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from .models import ScheduledJob


@dataclass(frozen=True)
class Periodic:
    name: str
    task: object
    interval: timedelta
    first_delay: timedelta = timedelta(0)


_registry: dict[str, Periodic] = {}


def every(task: object, interval: timedelta, *, first_delay: timedelta = timedelta(0)) -> None:
    name = f"{task.module_path}"
    _registry[name] = Periodic(name=name, task=task, interval=interval, first_delay=first_delay)


def registered() -> list[Periodic]:
    return sorted(_registry.values(), key=lambda p: p.name)


def enqueue_due(now: datetime | None = None) -> list[str]:
    """Enqueue every job that is due; returns the names enqueued."""
    now = now or timezone.now()
    enqueued = []
    for job in registered():
        state, _created = ScheduledJob.objects.get_or_create(
            name=job.name, defaults={"next_run_at": now + job.first_delay}
        )
        if state.next_run_at > now:
            continue
        with transaction.atomic():
            claimed = ScheduledJob.objects.filter(
                name=job.name, next_run_at=state.next_run_at
            ).update(next_run_at=now + job.interval, last_enqueued_at=now)
            if claimed:
                job.task.enqueue()
                enqueued.append(job.name)
    return enqueued
