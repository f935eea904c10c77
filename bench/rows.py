"""The database rows of one benchmark ticket, as the services would have written them.

TicketRows turns one corpus ticket into its model instance, comments, SLA subject, clocks
and clock events, search entry and the history events its life produced (logged, replies
and notes, resolved, closed). Clock figures come from the SLA engine itself
(slas.engine.evaluate) and the ticket's SLA columns from slas.snapshot, so a built ticket
reads exactly like one the services wrote: met or breached, running or stopped. Primary
keys are assigned here from counters, so that one batch inserts without reading ids back.
"""

import datetime
from dataclasses import dataclass, field
from datetime import UTC

from iso20k.core import search
from iso20k.core.models import SearchEntry
from iso20k.slas import engine
from iso20k.slas.choices import ClockEventKind, ClockKind, TargetSource
from iso20k.slas.clockwork import OUTCOME_FIELDS
from iso20k.slas.models import ClockEvent, SlaClock, TrackedSubject
from iso20k.slas.snapshot import SlaSnapshot

# (impact, urgency) giving each corpus priority through the matrix (slas.priorities).
LEVELS = {1: (1, 1), 2: (1, 2), 3: (2, 2), 4: (2, 3)}
CATEGORIES = ["software", "network", "access", "hardware", "database", "email", "storage"]
RESOLUTIONS = ["fixed", "configuration", "user_guidance", "workaround", "no_fault"]


def iso(value: datetime.datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value is not None else None


@dataclass
class Event:
    """One history row to be chained: everything record() would store but seq and hashes."""

    at: datetime.datetime
    order: int  # tie-break for events at the same moment (creation order)
    actor: object
    event: str
    object_type: str
    object_id: str
    object_repr: str
    object_version: int | None
    changes: dict = field(default_factory=dict)
    data: dict = field(default_factory=dict)


class Counters:
    """Next primary key per model (the builder starts them after what exists)."""

    def __init__(self, start: dict[str, int]) -> None:
        self.next = dict(start)

    def take(self, name: str) -> int:
        value = self.next[name]
        self.next[name] = value + 1
        return value


@dataclass
class Built:
    ticket: object
    comments: list
    subject: object | None
    clocks: list
    clock_events: list
    search_entry: object
    events: list


class TicketRows:
    """Builds the rows of one ticket kind; `world` holds the reference data (see build.py)."""

    def __init__(self, kind, world, counters: Counters, now: datetime.datetime) -> None:
        self.kind = kind
        self.world = world
        self.counters = counters
        self.now = now
        self.is_request = kind.key == "servicerequests.servicerequest"
        self.comment_name = "request" if self.is_request else "incident"

    def build(self, item) -> Built:
        world = self.world
        pk = self.counters.take(self.kind.key)
        group = world.groups[item.group % len(world.groups)]
        members = world.members[group.pk]
        agent = members[item.agent % len(members)] if item.agent is not None else None
        customer = world.customers[item.customer % len(world.customers)]
        requester = world.contacts[customer.pk]
        impact, urgency = LEVELS[item.priority]
        resolved_at = item.resolved_at if item.resolved_at and item.resolved_at < self.now else None
        closed_at = item.closed_at if resolved_at and item.closed_at < self.now else None
        status = "closed" if closed_at else "resolved" if resolved_at else None
        if status is None:
            status = "in_progress" if agent else "new"
        fields = {
            "pk": pk,
            "subject": item.subject[:200],
            "description": item.description,
            "status": status,
            "impact": impact,
            "urgency": urgency,
            "priority": f"P{item.priority}",
            "customer": customer,
            "requester": requester,
            "assigned_group": group,
            "assignee": agent,
            "source": "portal" if item.number % 3 == 0 else "agent",
            "reported_at": item.created_at,
            "resolved_at": resolved_at,
            "closed_at": closed_at,
            "created_at": item.created_at,
            "updated_at": closed_at or resolved_at or item.created_at,
        }
        if self.is_request:
            request_item = world.items[item.service % len(world.items)]
            fields.update(item=request_item, service_id=request_item.service_id)
        else:
            fields.update(
                service=world.services[item.service % len(world.services)],
                category=CATEGORIES[item.number % len(CATEGORIES)],
                configuration_item=f"host-{item.service:03d}",
            )
        if resolved_at:
            code = RESOLUTIONS[item.number % len(RESOLUTIONS)]
            if not self.is_request:
                fields["resolution_code"] = code
            fields["resolution_notes"] = item.replies[-1].text if item.replies else item.subject
        ticket = self.kind.model(**fields)
        comments, responded = self._comments(ticket, item, agent, requester)
        if resolved_at and responded is None:
            responded = resolved_at
        ticket.first_responded_at = responded
        ticket.version = 1 + (resolved_at is not None) + (closed_at is not None)
        subject, clocks, clock_events = self._sla(ticket, responded)
        entry = SearchEntry(
            pk=self.counters.take("search"),
            object_type=self.kind.key,
            object_id=pk,
            **search.entry_fields(ticket.subject, ticket.description, *(c.body for c in comments)),
        )
        events = self._history(ticket, item, comments, agent or requester, subject)
        return Built(ticket, comments, subject, clocks, clock_events, entry, events)

    def _comments(self, ticket, item, agent, requester):
        comments, responded = [], None
        for reply in item.replies:
            author = agent if (agent is not None and reply.agent is not None) else requester
            public = reply.public or author is requester
            comments.append(
                self.kind.comment_model(
                    pk=self.counters.take(self.kind.comment_model._meta.label_lower),
                    author=author,
                    body=reply.text,
                    is_public=public,
                    at=reply.at,
                    created_at=reply.at,
                    updated_at=reply.at,
                    **{self.comment_name: ticket},
                )
            )
            if responded is None and public and author is not requester:
                responded = reply.at
        return comments, responded

    def _sla(self, ticket, responded):
        agreement = self.world.agreement_for(ticket.customer_id, ticket.service_id)
        if agreement is None:
            return None, [], []
        subject = TrackedSubject(
            pk=self.counters.take("subject"),
            subject_type=self.kind.key,
            subject_id=ticket.pk,
            agreement=agreement,
            priority=ticket.priority,
            status=ticket.status,
            status_at=ticket.closed_at or ticket.resolved_at or ticket.reported_at,
            first_response_at=responded,
            created_at=ticket.created_at,
            updated_at=ticket.updated_at,
        )
        response, resolution = self.world.targets.get((agreement.pk, ticket.priority), (0, 0))
        clocks, events = [], []
        for kind, minutes, stop in (
            (ClockKind.RESPONSE, response, responded),
            (ClockKind.RESOLUTION, resolution, ticket.resolved_at),
        ):
            if not minutes:
                continue
            clock, clock_events = self._clock(subject, agreement, kind, minutes, stop)
            clocks.append(clock)
            events += clock_events
        snapshot = SlaSnapshot.of(subject, clocks)
        for name, value in snapshot.fields().items():
            setattr(ticket, name, value)
        return subject, clocks, events

    def _clock(self, subject, agreement, kind, minutes, stop):
        start = subject.created_at
        timeline = [engine.Event(ClockEventKind.STARTED, start)]
        if stop is not None:
            timeline.append(engine.Event(ClockEventKind.STOPPED, stop))
        outcome = engine.evaluate(
            self.world.specs[agreement.calendar_id],
            target_seconds=minutes * 60,
            warning_percent=agreement.warning_percent,
            events=timeline,
            now=self.now,
        )
        clock = SlaClock(
            pk=self.counters.take("clock"),
            subject=subject,
            kind=kind,
            cycle=1,
            calendar_id=agreement.calendar_id,
            priority=subject.priority,
            target_seconds=minutes * 60,
            target_source=TargetSource.AGREEMENT,
            warning_percent=agreement.warning_percent,
            computed_at=self.now,
            created_at=start,
            updated_at=stop or start,
            **{name: getattr(outcome, name) for name in OUTCOME_FIELDS},
        )
        events = [
            ClockEvent(
                subject=subject,
                clock=clock,
                kind=ClockEventKind.STARTED,
                at=start,
                recorded_at=start,
                data={"target_seconds": minutes * 60},
            )
        ]
        if stop is not None:
            events.append(
                ClockEvent(
                    subject=subject,
                    clock=clock,
                    kind=ClockEventKind.STOPPED,
                    at=stop,
                    recorded_at=stop,
                    data={"status": subject.status},
                )
            )
        return clock, events

    def _history(self, ticket, item, comments, actor, subject) -> list[Event]:
        world, key = self.world, self.kind.key
        ref = {
            "object_type": key,
            "object_id": str(ticket.pk),
            "object_repr": f"{self.kind.reference(ticket.pk)} {ticket.subject}"[:200],
        }
        logged = {}
        for name in self.kind.logged_fields:
            logged[name] = [None, world.label(ticket, name)]
        events = [
            Event(
                at=ticket.reported_at,
                order=item.number,
                actor=actor,
                event=self.kind.event("logged"),
                object_version=1,
                changes=logged,
                data={
                    "at": iso(ticket.reported_at),
                    "agreement": subject.agreement.code if subject else None,
                },
                **ref,
            )
        ]
        for comment in comments:
            events.append(
                Event(
                    at=comment.at,
                    order=item.number,
                    actor=comment.author,
                    event=self.kind.event("replied" if comment.is_public else "noted"),
                    object_version=1,
                    data={
                        "at": iso(comment.at),
                        "comment": comment.pk,
                        "excerpt": comment.body[:200],
                        "files": [],
                    },
                    **ref,
                )
            )
        if ticket.resolved_at:
            before = "in_progress" if ticket.assignee_id else "new"
            changes = {
                "status": [before, "resolved"],
                "resolved_at": [None, iso(ticket.resolved_at)],
                "first_responded_at": [None, iso(ticket.first_responded_at)],
                "resolution_notes": ["", ticket.resolution_notes],
            }
            if not self.is_request:
                changes["resolution_code"] = ["", ticket.resolution_code]
            events.append(
                Event(
                    at=ticket.resolved_at,
                    order=item.number,
                    actor=actor,
                    event=self.kind.event("resolved"),
                    object_version=2,
                    changes=changes,
                    data={"at": iso(ticket.resolved_at)},
                    **ref,
                )
            )
        if ticket.closed_at:
            events.append(
                Event(
                    at=ticket.closed_at,
                    order=item.number,
                    actor=actor,
                    event=self.kind.event("closed"),
                    object_version=3,
                    changes={
                        "status": ["resolved", "closed"],
                        "closed_at": [None, iso(ticket.closed_at)],
                    },
                    data={"at": iso(ticket.closed_at)},
                    **ref,
                )
            )
        return events
