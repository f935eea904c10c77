"""What a ticket keeps about its SLA: a frozen summary of its clocks, cheap to store and sort.

SlaSnapshot.fields() gives the values of SlaSnapshotFields (the abstract model ticket apps
inherit). The headline clock is the one a list should show: the open clock due first
(response until answered, then resolution), else the latest resolution cycle.
"""

import datetime
from dataclasses import dataclass

from .choices import OPEN_STAGES, ClockKind, ClockStage


@dataclass(frozen=True)
class ClockSummary:
    kind: str
    cycle: int
    stage: str
    target_seconds: int
    started_at: datetime.datetime
    stopped_at: datetime.datetime | None
    paused_since: datetime.datetime | None
    breach_at: datetime.datetime | None
    warning_at: datetime.datetime | None
    original_breach_at: datetime.datetime | None
    remaining_seconds: int | None
    breached: bool
    uses_estimate: bool
    missing_data_year: int | None

    @classmethod
    def of(cls, clock) -> "ClockSummary":
        return cls(
            kind=clock.kind,
            cycle=clock.cycle,
            stage=clock.stage,
            target_seconds=clock.target_seconds,
            started_at=clock.started_at,
            stopped_at=clock.stopped_at,
            paused_since=clock.paused_since,
            breach_at=clock.breach_at,
            warning_at=clock.warning_at,
            original_breach_at=clock.original_breach_at,
            remaining_seconds=clock.remaining_seconds,
            breached=clock.breached,
            uses_estimate=clock.uses_estimate,
            missing_data_year=clock.missing_data_year,
        )

    @property
    def is_open(self) -> bool:
        return self.stage in OPEN_STAGES


@dataclass(frozen=True)
class SlaSnapshot:
    agreement_id: int
    calendar_id: int
    priority: str
    response: ClockSummary | None
    resolution: ClockSummary | None
    headline: ClockSummary | None
    ever_breached: bool

    @classmethod
    def of(cls, subject, clocks) -> "SlaSnapshot":
        """From a TrackedSubject and all of its clocks (every kind and cycle)."""
        clocks = sorted(clocks, key=lambda c: (c.kind, c.cycle))
        latest = {}
        for clock in clocks:
            latest[clock.kind] = ClockSummary.of(clock)
        response, resolution = latest.get(ClockKind.RESPONSE), latest.get(ClockKind.RESOLUTION)
        return cls(
            agreement_id=subject.agreement_id,
            calendar_id=subject.agreement.calendar_id,
            priority=subject.priority,
            response=response,
            resolution=resolution,
            headline=_headline(response, resolution),
            ever_breached=any(c.breached for c in clocks),
        )

    @property
    def stage(self) -> str:
        return self.headline.stage if self.headline else "none"

    def fields(self, prefix: str = "sla_") -> dict:
        """Values for the ticket's denormalised columns (see SlaSnapshotFields)."""
        head = self.headline
        return {
            f"{prefix}stage": self.stage,
            f"{prefix}breach_at": head.breach_at if head else None,
            f"{prefix}warning_at": head.warning_at if head else None,
            f"{prefix}remaining_seconds": head.remaining_seconds if head else None,
            f"{prefix}breached": bool(head and head.breached),
            f"{prefix}ever_breached": self.ever_breached,
            f"{prefix}calendar_id": self.calendar_id,
        }


def _headline(*summaries: ClockSummary | None) -> ClockSummary | None:
    present = [s for s in summaries if s is not None]
    running = [s for s in present if s.stage == ClockStage.RUNNING]
    if running:
        far = datetime.datetime.max.replace(tzinfo=datetime.UTC)
        return min(running, key=lambda s: s.breach_at or far)
    paused = [s for s in present if s.stage == ClockStage.PAUSED]
    if paused:
        return paused[-1]
    return present[-1] if present else None


def empty_fields(prefix: str = "sla_") -> dict:
    """Column values of a ticket no agreement applies to."""
    return {
        f"{prefix}stage": "none",
        f"{prefix}breach_at": None,
        f"{prefix}warning_at": None,
        f"{prefix}remaining_seconds": None,
        f"{prefix}breached": False,
        f"{prefix}ever_breached": False,
        f"{prefix}calendar_id": None,
    }
