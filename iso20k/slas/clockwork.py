"""Inside the clock API: lock a ticket's SLA row, append events, start, pause, resume and end
clocks, and refresh their stored figures by replaying events (engine.evaluate). Used by
clocks.py (the ticket-facing API) and recompute.py (the worker); nothing else calls it.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from iso20k.calendars.loading import spec_for

from . import engine, subjects
from .choices import OPEN_STAGES, ClockEventKind, ClockKind, ClockStage, TargetSource
from .models import ClockEvent, SlaClock, SlaTarget, TrackedSubject
from .priorities import check_priority
from .snapshot import SlaSnapshot

# A reported time may run this far ahead of the server's clock (clients' clocks drift).
CLOCK_SKEW = datetime.timedelta(minutes=1)
OUTCOME_FIELDS = [
    "stage",
    "started_at",
    "stopped_at",
    "paused_since",
    "business_elapsed_seconds",
    "wall_elapsed_seconds",
    "paused_business_seconds",
    "paused_wall_seconds",
    "remaining_seconds",
    "original_breach_at",
    "breach_at",
    "warning_at",
    "breached",
    "breached_at",
    "uses_estimate",
    "missing_data_year",
]


@dataclass(frozen=True)
class SubjectRef:
    """A ticket named without its model instance: SubjectRef("incidents.incident", 42)."""

    subject_type: str
    subject_id: int


def subject_ref(subject: object) -> SubjectRef:
    if isinstance(subject, SubjectRef):
        return subject
    return SubjectRef(subject._meta.label_lower, int(subject.pk))


def targets_for(agreement, priority: str) -> tuple[int | None, int | None]:
    """(response, resolution) targets in business minutes; None where the agreement sets none."""
    check_priority(priority)
    target = SlaTarget.objects.filter(agreement=agreement, priority=priority).first()
    if target is None:
        return None, None
    return target.response_minutes, target.resolution_minutes


def error(field: str, message: str, code: str, **params) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code, params=params)})


def lock_subject(subject: object) -> TrackedSubject | None:
    ref = subject_ref(subject)
    return (
        TrackedSubject.objects.select_for_update()
        .select_related("agreement")
        .filter(subject_type=ref.subject_type, subject_id=ref.subject_id)
        .first()
    )


def check_at(at: datetime.datetime, tracked: TrackedSubject | None = None) -> None:
    if timezone.is_naive(at):
        raise ValueError("SLA times must be aware datetimes")
    if at > timezone.now() + CLOCK_SKEW:
        raise error("at", _("This time is in the future."), "at_in_future")
    if tracked is None:
        return
    last = tracked.events.order_by("-at").values_list("at", flat=True).first()
    if last is not None and at < last:
        raise error(
            "at",
            _("This time is before the ticket's last recorded SLA event."),
            "at_before_last_event",
        )


def append_event(tracked, kind: str, at, actor, clock=None, **data) -> None:
    ClockEvent.objects.create(
        subject=tracked, clock=clock, kind=kind, at=at, actor=actor, data=data
    )


def target_minutes(tracked: TrackedSubject, kind: str) -> tuple[int | None, str]:
    response, resolution = targets_for(tracked.agreement, tracked.priority)
    if kind == ClockKind.RESPONSE:
        return response, TargetSource.AGREEMENT
    if tracked.resolution_override_minutes:
        return tracked.resolution_override_minutes, TargetSource.OVERRIDE
    return resolution, TargetSource.AGREEMENT


def start_clock(tracked: TrackedSubject, kind: str, at, actor) -> SlaClock | None:
    minutes, source = target_minutes(tracked, kind)
    if not minutes:
        return None
    previous = tracked.clocks.filter(kind=kind).order_by("-cycle").first()
    clock = SlaClock(
        subject=tracked,
        kind=kind,
        cycle=previous.cycle + 1 if previous else 1,
        calendar_id=tracked.agreement.calendar_id,
        priority=tracked.priority,
        target_seconds=minutes * 60,
        target_source=source,
        warning_percent=tracked.agreement.warning_percent,
        stage=ClockStage.RUNNING,
        started_at=at,
    )
    clock.save()
    append_event(
        tracked, ClockEventKind.STARTED, at, actor, clock, target_seconds=clock.target_seconds
    )
    return clock


def open_clocks(tracked: TrackedSubject) -> list[SlaClock]:
    return list(tracked.clocks.filter(stage__in=OPEN_STAGES).order_by("kind"))


def align_pause(tracked: TrackedSubject, clock: SlaClock, at, actor) -> None:
    """Pause or resume `clock` so that it matches the ticket's status and the agreement."""
    pausing = tracked.status in (tracked.agreement.pause_statuses or [])
    if pausing and clock.stage == ClockStage.RUNNING:
        append_event(tracked, ClockEventKind.PAUSED, at, actor, clock, status=tracked.status)
        clock.stage = ClockStage.PAUSED
    elif not pausing and clock.stage == ClockStage.PAUSED:
        append_event(tracked, ClockEventKind.RESUMED, at, actor, clock, status=tracked.status)
        clock.stage = ClockStage.RUNNING


def end_clock(tracked, clock: SlaClock, kind: str, at, actor, **data) -> None:
    append_event(tracked, kind, at, actor, clock, **data)
    clock.stage = ClockStage.STOPPED if kind == ClockEventKind.STOPPED else ClockStage.CANCELLED


def refresh_clock(clock: SlaClock, *, now: datetime.datetime | None = None) -> SlaClock:
    """Replay a clock's events against its calendar and store the outcome."""
    now = now or timezone.now()
    events = [engine.Event(e.kind, e.at) for e in clock.events.order_by("at", "pk")]
    outcome = engine.evaluate(
        spec_for(clock.calendar_id),
        target_seconds=clock.target_seconds,
        warning_percent=clock.warning_percent,
        events=events,
        now=now,
    )
    for name in OUTCOME_FIELDS:
        setattr(clock, name, getattr(outcome, name))
    clock.computed_at = clock.updated_at = now
    clock.save(
        update_fields=[*OUTCOME_FIELDS, "computed_at", "calendar", "target_seconds", "priority"]
        + ["warning_percent", "updated_at"]
    )
    return clock


def finish(tracked: TrackedSubject, clocks: list[SlaClock]) -> SlaSnapshot:
    """Refresh `clocks`, then build the snapshot and hand it to the ticket app's hook."""
    now = timezone.now()
    for clock in {c.pk: c for c in clocks}.values():
        refresh_clock(clock, now=now)
    snapshot = SlaSnapshot.of(tracked, tracked.clocks.all())
    subject_type = subjects.find(tracked.subject_type)
    if subject_type is not None and subject_type.on_change is not None:
        subject_type.on_change(tracked.subject_id, snapshot)
    return snapshot
