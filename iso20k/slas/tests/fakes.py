"""A test-only ticket type: how a ticket app plugs into the SLA engine, end to end.

FakeTickets registers a SubjectType whose tickets live in memory; its on_change hook keeps
the denormalised SLA columns on each FakeTicket exactly as a real ticket model would
(SlaSnapshotFields), and it names recipients for breach warnings.
"""

import itertools
from dataclasses import dataclass, field

from iso20k.slas import subjects
from iso20k.slas.clocks import SubjectRef
from iso20k.slas.snapshot import empty_fields

KEY = "tests.faketicket"


@dataclass
class FakeTicket:
    pk: int
    title: str
    watchers: list = field(default_factory=list)
    changes: int = 0

    def __post_init__(self) -> None:
        for name, value in empty_fields().items():
            setattr(self, name, value)

    @property
    def ref(self) -> SubjectRef:
        return SubjectRef(KEY, self.pk)


class FakeTickets:
    def __init__(self) -> None:
        self.rows: dict[int, FakeTicket] = {}
        self._ids = itertools.count(1)

    def new(self, title: str = "Printer on fire", watchers=()) -> FakeTicket:
        ticket = FakeTicket(pk=next(self._ids), title=title, watchers=list(watchers))
        self.rows[ticket.pk] = ticket
        return ticket

    def _on_change(self, subject_id: int, snapshot) -> None:
        ticket = self.rows[subject_id]
        for name, value in snapshot.fields().items():
            setattr(ticket, name, value)
        ticket.changes += 1

    def _recipients(self, subject_id: int, clock, event: str):
        return self.rows[subject_id].watchers

    def _describe(self, ids):
        return {
            pk: subjects.SubjectInfo(f"FAKE-{pk}", self.rows[pk].title, f"/fake/{pk}/")
            for pk in ids
            if pk in self.rows
        }

    def register(self) -> None:
        subjects.register(
            subjects.SubjectType(
                key=KEY,
                label="Fake ticket",
                stop_statuses={"resolved", "closed"},
                cancel_statuses={"cancelled"},
                recipients=self._recipients,
                describe=self._describe,
                on_change=self._on_change,
            )
        )

    def unregister(self) -> None:
        subjects.unregister(KEY)
