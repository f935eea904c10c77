"""The ticket-facing API of the SLA engine: every change to a ticket's clocks goes through here.

Ticket apps call these inside their own service's transaction, passing the ticket (a model
instance, or a SubjectRef) and the business time `at` of what happened (imports may
back-date it; the system time of each event is stamped by the database). Each call appends
ClockEvents, re-evaluates the affected clocks, calls the subject type's on_change hook and
returns the ticket's SlaSnapshot (None when the ticket is not measured). See docs/sla-engine.md.
Raises ValidationError (priority_not_in_matrix, at_in_future, at_before_last_event,
already_tracked, agreement_retired).
"""

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from . import subjects
from .choices import AgreementStatus, ClockEventKind, ClockKind
from .clockwork import (
    SubjectRef,
    align_pause,
    append_event,
    check_at,
    end_clock,
    error,
    finish,
    lock_subject,
    open_clocks,
    start_clock,
    subject_ref,
    target_minutes,
    targets_for,
)
from .models import ServiceLevelAgreement, SlaClock, TrackedSubject
from .priorities import check_priority
from .snapshot import SlaSnapshot

__all__ = [
    "SubjectRef",
    "change_agreement",
    "change_priority",
    "clocks_of",
    "find_agreement",
    "record_first_response",
    "snapshot_of",
    "start_clocks",
    "subject_ref",
    "targets_for",
    "track_status",
]

# --- reads -------------------------------------------------------------------------------


def find_agreement(*, customer=None, service=None) -> ServiceLevelAgreement | None:
    """The active agreement for a ticket of `customer` about `service` (either may be None).

    Most specific first: customer and service, then the customer's agreement for any
    service, then the service's agreement for any customer, then the default agreement.
    One query.
    """
    customer_id = getattr(customer, "pk", customer)
    service_id = getattr(service, "pk", service)
    candidates = Q(customer__isnull=True, service__isnull=True)
    if customer_id is not None:
        candidates |= Q(customer_id=customer_id, service__isnull=True)
    if service_id is not None:
        candidates |= Q(customer__isnull=True, service_id=service_id)
    if customer_id is not None and service_id is not None:
        candidates |= Q(customer_id=customer_id, service_id=service_id)
    found = ServiceLevelAgreement.objects.filter(candidates, status=AgreementStatus.ACTIVE)

    def rank(agreement: ServiceLevelAgreement) -> int:
        return (agreement.customer_id is None) * 2 + (agreement.service_id is None)

    return min(found.select_related("calendar"), key=rank, default=None)


def snapshot_of(subject: object) -> SlaSnapshot | None:
    ref = subject_ref(subject)
    tracked = (
        TrackedSubject.objects.filter(subject_type=ref.subject_type, subject_id=ref.subject_id)
        .select_related("agreement")
        .first()
    )
    return SlaSnapshot.of(tracked, tracked.clocks.all()) if tracked else None


def clocks_of(subject: object) -> list[SlaClock]:
    """Every cycle of every clock of a ticket (for its detail page), oldest first."""
    ref = subject_ref(subject)
    return list(
        SlaClock.objects.filter(
            subject__subject_type=ref.subject_type, subject__subject_id=ref.subject_id
        ).order_by("started_at", "kind", "cycle")
    )


# --- the API -----------------------------------------------------------------------------


def _check_start(ref, agreement, priority: str, at, resolution_target_minutes) -> None:
    check_priority(priority)
    check_at(at)
    if agreement.status != AgreementStatus.ACTIVE:
        raise error("agreement", _("This agreement is retired."), "agreement_retired")
    if resolution_target_minutes is not None and resolution_target_minutes <= 0:
        raise error(
            "resolution_target_minutes",
            _("A target must be more than zero."),
            "target_not_positive",
        )
    tracked = TrackedSubject.objects.filter(
        subject_type=ref.subject_type, subject_id=ref.subject_id
    )
    if tracked.exists():
        raise error("subject", _("This ticket is already measured."), "already_tracked")


@transaction.atomic
def start_clocks(
    subject: object,
    *,
    agreement: ServiceLevelAgreement,
    priority: str,
    at: datetime.datetime,
    actor,
    status: str = "",
    resolution_target_minutes: int | None = None,
) -> SlaSnapshot:
    """Measure a newly logged ticket: start its response and resolution clocks at `at`.

    `resolution_target_minutes` replaces the agreement's resolution target (a request
    item's fulfilment target). A clock whose target is empty for this priority is not
    started. If `status` is one of the agreement's pause statuses, the clocks start paused.
    """
    ref = subject_ref(subject)
    _check_start(ref, agreement, priority, at, resolution_target_minutes)
    tracked = TrackedSubject.objects.create(
        subject_type=ref.subject_type,
        subject_id=ref.subject_id,
        agreement=agreement,
        priority=priority,
        status=status,
        status_at=at,
        resolution_override_minutes=resolution_target_minutes,
    )
    clocks = [
        clock
        for kind in (ClockKind.RESPONSE, ClockKind.RESOLUTION)
        if (clock := start_clock(tracked, kind, at, actor)) is not None
    ]
    for clock in clocks:
        align_pause(tracked, clock, at, actor)
    return finish(tracked, clocks)


@transaction.atomic
def track_status(
    subject: object, *, status: str, at: datetime.datetime, actor
) -> SlaSnapshot | None:
    """Report the ticket's new status; clocks pause, resume, stop, cancel or restart.

    A stop status (the subject type's, e.g. resolved) stops every open clock; a cancel
    status cancels them; leaving a stop or cancel status for another one is a reopen and
    starts a new resolution cycle with the full target. Otherwise the clocks pause while
    the status is one of the agreement's pause statuses and run again when it is not.
    """
    tracked = lock_subject(subject)
    if tracked is None:
        return None
    check_at(at, tracked)
    previous = tracked.status
    if status == previous:
        return SlaSnapshot.of(tracked, tracked.clocks.all())
    subject_type = subjects.get(tracked.subject_type)
    append_event(tracked, ClockEventKind.STATUS, at, actor, previous=previous, status=status)
    tracked.status, tracked.status_at = status, at
    tracked.save(update_fields=["status", "status_at"])
    clocks = open_clocks(tracked)
    if status in subject_type.cancel_statuses:
        for clock in clocks:
            end_clock(tracked, clock, ClockEventKind.CANCELLED, at, actor, status=status)
        return finish(tracked, clocks)
    if status in subject_type.stop_statuses:
        for clock in clocks:
            end_clock(tracked, clock, ClockEventKind.STOPPED, at, actor, status=status)
        return finish(tracked, clocks)
    ended = subject_type.stop_statuses | subject_type.cancel_statuses
    if previous in ended and not any(c.kind == ClockKind.RESOLUTION for c in clocks):
        reopened = start_clock(tracked, ClockKind.RESOLUTION, at, actor)
        clocks += [reopened] if reopened else []
    for clock in clocks:
        align_pause(tracked, clock, at, actor)
    return finish(tracked, clocks)


@transaction.atomic
def record_first_response(subject: object, *, at: datetime.datetime, actor) -> SlaSnapshot | None:
    """The first public response to the customer: stops the response clock. Later ones do
    nothing (internal notes must not be reported)."""
    tracked = lock_subject(subject)
    if tracked is None:
        return None
    check_at(at, tracked)
    if tracked.first_response_at is not None:
        return SlaSnapshot.of(tracked, tracked.clocks.all())
    tracked.first_response_at = at
    tracked.save(update_fields=["first_response_at"])
    append_event(tracked, ClockEventKind.FIRST_RESPONSE, at, actor)
    clocks = [c for c in open_clocks(tracked) if c.kind == ClockKind.RESPONSE]
    for clock in clocks:
        end_clock(tracked, clock, ClockEventKind.STOPPED, at, actor, reason="first_response")
    return finish(tracked, clocks)


def _retarget(tracked: TrackedSubject, at, actor, **reason) -> list[SlaClock]:
    """Apply the ticket's (new) agreement and priority to its open clocks, and start the
    clocks that now have a target but never ran."""
    touched = []
    for clock in open_clocks(tracked):
        minutes, source = target_minutes(tracked, clock.kind)
        if not minutes:
            end_clock(tracked, clock, ClockEventKind.CANCELLED, at, actor, reason="no_target")
        else:
            clock.target_seconds, clock.target_source = minutes * 60, source
            clock.priority, clock.calendar_id = tracked.priority, tracked.agreement.calendar_id
            clock.warning_percent = tracked.agreement.warning_percent
            append_event(
                tracked, ClockEventKind.RETARGETED, at, actor, clock, target=minutes, **reason
            )
            align_pause(tracked, clock, at, actor)
        touched.append(clock)
    subject_type = subjects.find(tracked.subject_type)
    ended = subject_type.stop_statuses | subject_type.cancel_statuses if subject_type else set()
    if tracked.status in ended:
        return touched
    for kind in (ClockKind.RESPONSE, ClockKind.RESOLUTION):
        if tracked.clocks.filter(kind=kind).exists():
            continue
        if kind == ClockKind.RESPONSE and tracked.first_response_at is not None:
            continue
        started = start_clock(tracked, kind, at, actor)
        if started is not None:
            align_pause(tracked, started, at, actor)
            touched.append(started)
    return touched


@transaction.atomic
def change_priority(
    subject: object, *, priority: str, at: datetime.datetime, actor
) -> SlaSnapshot | None:
    """The ticket's priority changed: open clocks take the new priority's targets for their
    whole cycle (as Jira recalculates goals); a clock without a target there is cancelled."""
    check_priority(priority)
    tracked = lock_subject(subject)
    if tracked is None:
        return None
    check_at(at, tracked)
    if priority == tracked.priority:
        return SlaSnapshot.of(tracked, tracked.clocks.all())
    previous, tracked.priority = tracked.priority, priority
    tracked.save(update_fields=["priority"])
    return finish(tracked, _retarget(tracked, at, actor, previous_priority=previous))


@transaction.atomic
def change_agreement(
    subject: object, *, agreement: ServiceLevelAgreement, at: datetime.datetime, actor
) -> SlaSnapshot | None:
    """The ticket now falls under another agreement (e.g. its service changed): open clocks
    take that agreement's calendar, targets and pause statuses."""
    tracked = lock_subject(subject)
    if tracked is None:
        return None
    check_at(at, tracked)
    if agreement.pk == tracked.agreement_id:
        return SlaSnapshot.of(tracked, tracked.clocks.all())
    previous, tracked.agreement = tracked.agreement.code, agreement
    tracked.save(update_fields=["agreement"])
    return finish(tracked, _retarget(tracked, at, actor, previous_agreement=previous))
