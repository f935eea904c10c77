"""Recompute open clocks after a calendar or an agreement changed (run by the task worker).

Targets and calendars apply to a whole open cycle, so the clocks are replayed from their
events with the agreement's current target and calendar. Pause statuses apply from the
moment of the change: clocks are paused or resumed at `effective_at`, leaving the time
already measured as it was agreed then. Completed cycles are records and never change.
"""

import datetime

from django.db import transaction
from django.db.models import Q, QuerySet

from .choices import OPEN_STAGES, ClockEventKind, TargetSource
from .clockwork import SubjectRef, align_pause, end_clock, finish, lock_subject, target_minutes
from .models import SlaClock, TrackedSubject

BATCH = 200


def open_clocks_of_agreement(agreement_id: int) -> QuerySet[SlaClock]:
    return SlaClock.objects.filter(stage__in=OPEN_STAGES, subject__agreement_id=agreement_id)


def open_clocks_of_calendars(calendar_ids: list[int]) -> QuerySet[SlaClock]:
    return SlaClock.objects.filter(stage__in=OPEN_STAGES).filter(
        Q(calendar_id__in=calendar_ids) | Q(subject__agreement__calendar_id__in=calendar_ids)
    )


def _recompute_subject(tracked: TrackedSubject, effective_at, actor) -> int:
    clocks = list(tracked.clocks.filter(stage__in=OPEN_STAGES))
    last = tracked.events.order_by("-at").values_list("at", flat=True).first()
    in_order = effective_at is not None and (last is None or effective_at >= last)
    for clock in clocks:
        clock.calendar_id = tracked.agreement.calendar_id
        clock.warning_percent = tracked.agreement.warning_percent
        minutes, source = target_minutes(tracked, clock.kind)
        if minutes and source == TargetSource.AGREEMENT:
            clock.target_seconds = minutes * 60
        elif not minutes and in_order:
            end_clock(
                tracked, clock, ClockEventKind.CANCELLED, effective_at, actor, reason="no_target"
            )
            continue
        if in_order:
            align_pause(tracked, clock, effective_at, actor)
    finish(tracked, clocks)
    return len(clocks)


def recompute(
    clocks: QuerySet[SlaClock],
    *,
    actor,
    effective_at: datetime.datetime | None = None,
) -> int:
    """Recompute every open clock in `clocks`, one ticket per transaction. Returns the count."""
    subject_ids = list(clocks.values_list("subject_id", flat=True).distinct().order_by())
    done = 0
    for start in range(0, len(subject_ids), BATCH):
        for tracked in TrackedSubject.objects.filter(pk__in=subject_ids[start : start + BATCH]):
            with transaction.atomic():
                locked = lock_subject(SubjectRef(tracked.subject_type, tracked.subject_id))
                if locked is not None:
                    done += _recompute_subject(locked, effective_at, actor)
    return done
