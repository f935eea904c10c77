"""The monthly figures behind the lapse reports, kept current as tickets change.

Ticket services call these inside their transaction. Each bumps counters of one
(ticket type, month, service) row with an UPDATE … SET n = n + 1, creating the row on first
use (a unique constraint settles two workers creating it at once). The month is that of
the event's business time in the organisation's time zone. rebuild() recomputes every row
from the records (attributing each ticket to its current service).
"""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from ..models import TicketMonthStat


def month_of(at: datetime.datetime) -> datetime.date:
    return timezone.localdate(at).replace(day=1)


def bump(kind_key: str, service_id: int | None, at: datetime.datetime, **increments: int) -> None:
    month = month_of(at)
    rows = TicketMonthStat.objects.filter(kind=kind_key, month=month, service_id=service_id)
    changes = {name: F(name) + amount for name, amount in increments.items() if amount}
    if not changes or rows.update(**changes):
        return
    try:
        with transaction.atomic():
            TicketMonthStat.objects.create(
                kind=kind_key, month=month, service_id=service_id, **increments
            )
    except IntegrityError:
        rows.update(**changes)


def _outcome(summary) -> tuple[int, int]:
    """(met, missed) of a clock that has just stopped; nothing for one still open or cancelled."""
    if summary is None or summary.stage != "stopped":
        return 0, 0
    return (0, 1) if summary.breached else (1, 0)


def opened(kind, ticket) -> None:
    bump(kind.key, ticket.service_id, ticket.reported_at, opened=1)


def responded(kind, ticket, snapshot, at) -> None:
    met, missed = _outcome(snapshot.response if snapshot else None)
    bump(kind.key, ticket.service_id, at, response_met=met, response_missed=missed)


def resolved(kind, ticket, snapshot, at, *, first_response: bool) -> None:
    met, missed = _outcome(snapshot.resolution if snapshot else None)
    counts = {"resolved": 1, "resolution_met": met, "resolution_missed": missed}
    if first_response:
        response_met, response_missed = _outcome(snapshot.response if snapshot else None)
        counts.update(response_met=response_met, response_missed=response_missed)
    bump(kind.key, ticket.service_id, at, **counts)


def reopened(kind, ticket, at) -> None:
    bump(kind.key, ticket.service_id, at, reopened=1)


def rated(kind, ticket, rating: int, at) -> None:
    bump(kind.key, ticket.service_id, at, rated=1, rating_total=rating)


def rebuild(kind) -> int:
    """Recompute every monthly row of one ticket kind from the records: tickets (opened,
    ratings), the history (resolutions and reopens, at their business time) and the SLA
    clocks (cycles met or missed), each attributed to the ticket's current service.
    Returns the number of rows written. Used after an import or to repair the figures."""
    from collections import defaultdict

    from django.db.models import Q
    from django.utils.dateparse import parse_datetime

    from iso20k.history.models import ChangeRecord
    from iso20k.slas.models import SlaClock

    tickets = dict(kind.model.objects.values_list("pk", "service_id"))
    rows: dict = defaultdict(lambda: dict.fromkeys(COUNTERS, 0))

    def add(pk, at, **counts):
        for name, amount in counts.items():
            rows[(tickets.get(pk), month_of(at))][name] += amount

    for pk, reported, rating, rated_at in kind.model.objects.values_list(
        "pk", "reported_at", "rating", "rated_at"
    ):
        add(pk, reported, opened=1)
        if rating and rated_at:
            add(pk, rated_at, rated=1, rating_total=rating)
    events = ChangeRecord.objects.filter(
        object_type=kind.key, event__in=[kind.event("resolved"), kind.event("reopened")]
    ).values_list("object_id", "event", "data")
    for object_id, event, data in events:
        at = parse_datetime(data.get("at") or "")
        if at is not None:
            add(int(object_id), at, **{event.rsplit(".", 1)[1]: 1})
    clocks = SlaClock.objects.filter(
        Q(subject__subject_type=kind.key), stage="stopped"
    ).values_list("subject__subject_id", "kind", "breached", "stopped_at")
    for pk, clock_kind, breached, stopped_at in clocks:
        add(pk, stopped_at, **{f"{clock_kind}_{'missed' if breached else 'met'}": 1})
    with transaction.atomic():
        TicketMonthStat.objects.filter(kind=kind.key).delete()
        TicketMonthStat.objects.bulk_create(
            TicketMonthStat(kind=kind.key, service_id=service, month=month, **counts)
            for (service, month), counts in rows.items()
        )
    return len(rows)


COUNTERS = [
    "opened",
    "resolved",
    "reopened",
    "response_met",
    "response_missed",
    "resolution_met",
    "resolution_missed",
    "rated",
    "rating_total",
]
