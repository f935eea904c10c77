"""Evaluate one clock cycle from its events: pure, deterministic, no database.

evaluate(spec, target_seconds=, warning_percent=, events=, now=) replays started / paused /
resumed / stopped / cancelled events against a calendar and returns every figure stored on
SlaClock. The same events and calendar always give the same result, so a calendar or
target change recomputes open clocks by replaying them. Rules (ServiceNow's pause credit,
Jira's cycles):

- business time counts only while running; paused time is kept apart (business and wall);
- the breach is the moment running business time reaches the target, so each pause moves it
  later by the business time paused; while paused it is unknown (None) and `remaining`
  is frozen; original_breach_at is start + target, ignoring pauses;
- a stopped clock is met when the target was not passed before the stop, else missed;
- a day the calendar refuses to compute (no holiday data) leaves the affected moments None
  and names the year in missing_data_year; nothing is guessed.
"""

import datetime
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from iso20k.calendars.engine import (
    CalendarSpec,
    MissingCalendarData,
    add_business,
    business_seconds,
    uses_estimate,
)

from .choices import ClockEventKind, ClockStage

TIMING_EVENTS = {
    ClockEventKind.STARTED,
    ClockEventKind.PAUSED,
    ClockEventKind.RESUMED,
    ClockEventKind.STOPPED,
    ClockEventKind.CANCELLED,
}


@dataclass(frozen=True)
class Event:
    kind: str
    at: datetime.datetime


@dataclass(frozen=True)
class Outcome:
    stage: str
    started_at: datetime.datetime
    stopped_at: datetime.datetime | None
    paused_since: datetime.datetime | None
    business_elapsed_seconds: int
    wall_elapsed_seconds: int
    paused_business_seconds: int
    paused_wall_seconds: int
    remaining_seconds: int | None
    original_breach_at: datetime.datetime | None
    breach_at: datetime.datetime | None
    warning_at: datetime.datetime | None
    breached: bool
    breached_at: datetime.datetime | None
    uses_estimate: bool
    missing_data_year: int | None


@dataclass
class _Timeline:
    stage: str = ClockStage.RUNNING
    started_at: datetime.datetime | None = None
    stopped_at: datetime.datetime | None = None
    running_from: datetime.datetime | None = None
    paused_from: datetime.datetime | None = None
    segments: list = field(default_factory=list)  # closed running spans
    pauses: list = field(default_factory=list)  # closed paused spans


def _timeline(events: Iterable[Event]) -> _Timeline:
    line = _Timeline()
    for event in events:
        kind, at = event.kind, event.at
        if kind == ClockEventKind.STARTED and line.started_at is None:
            line.started_at = line.running_from = at
        elif kind == ClockEventKind.PAUSED and line.stage == ClockStage.RUNNING:
            line.segments.append((line.running_from, at))
            line.stage, line.paused_from = ClockStage.PAUSED, at
        elif kind == ClockEventKind.RESUMED and line.stage == ClockStage.PAUSED:
            line.pauses.append((line.paused_from, at))
            line.stage, line.running_from, line.paused_from = ClockStage.RUNNING, at, None
        elif kind in {ClockEventKind.STOPPED, ClockEventKind.CANCELLED} and line.stage in {
            ClockStage.RUNNING,
            ClockStage.PAUSED,
        }:
            if line.stage == ClockStage.RUNNING:
                line.segments.append((line.running_from, at))
            else:
                line.pauses.append((line.paused_from, at))
            line.stage = (
                ClockStage.STOPPED if kind == ClockEventKind.STOPPED else ClockStage.CANCELLED
            )
            line.stopped_at, line.paused_from = at, None
    if line.started_at is None:
        raise ValueError("a clock's events must begin with 'started'")
    return line


class _Calc:
    """Business arithmetic that records, instead of raising, a year without holiday data."""

    def __init__(self, spec: CalendarSpec) -> None:
        self.spec = spec
        self.missing_year: int | None = None

    def _gap_start(self, year: int) -> datetime.datetime:
        return self.spec.day(datetime.date(year, 1, 1)).starts_at

    def seconds(self, start: datetime.datetime, end: datetime.datetime) -> int:
        try:
            return business_seconds(self.spec, start, end)
        except MissingCalendarData as exc:
            self._note(exc.year)
            gap = self._gap_start(exc.year)
            if start >= gap:
                return 0
            return self.seconds(start, min(end, gap))

    def add(self, start: datetime.datetime, amount: int) -> datetime.datetime | None:
        try:
            return add_business(self.spec, start, amount)
        except MissingCalendarData as exc:
            self._note(exc.year)
            return None

    def _note(self, year: int) -> None:
        if self.missing_year is None or year < self.missing_year:
            self.missing_year = year


def _moments(calc: _Calc, line: _Timeline, target: int, percent: int, elapsed: int, now):
    """(breach_at, warning_at, breached_at) of a timeline, per the rules in the docstring."""
    running = line.stage == ClockStage.RUNNING
    segments = list(line.segments)
    open_from = line.running_from if running else None
    breach_at, passed = _reach(calc, segments, open_from, target)
    warning_at, _warned = _reach(
        calc, segments, open_from, max(1, math.ceil(target * percent / 100))
    )
    breached = (breach_at is not None and breach_at <= now) if running else passed
    breached_at = breach_at if breached else None
    if line.stage == ClockStage.PAUSED:
        return None, None, breached_at
    if not running and breach_at is None and segments:
        breach_at = calc.add(segments[-1][1], target - elapsed)
    return breach_at, warning_at, breached_at


def _spans(line: _Timeline, now: datetime.datetime) -> tuple[list, list]:
    """(running spans, paused spans) up to `now`, the open one included."""
    measured, pauses = list(line.segments), list(line.pauses)
    if line.stage == ClockStage.RUNNING and now > line.running_from:
        measured.append((line.running_from, now))
    if line.stage == ClockStage.PAUSED and now > line.paused_from:
        pauses.append((line.paused_from, now))
    return measured, pauses


def _wall(start: datetime.datetime, end: datetime.datetime) -> int:
    return max(0, int((end - start).total_seconds()))


def _reach(calc: _Calc, segments, open_from, amount: int):
    """(moment, passed): when running business time reaches `amount`.

    `segments` are closed running spans; `open_from` starts a span still running. Passed is
    True when the amount was exceeded within a closed span (not merely used up at its end).
    Returns (None, False) when a closed timeline never reaches the amount.
    """
    used = 0
    for start, end in segments:
        span = calc.seconds(start, end)
        if used + span >= amount:
            return calc.add(start, amount - used), used + span > amount
        used += span
    if open_from is not None:
        return calc.add(open_from, amount - used), False
    return None, False


def evaluate(
    spec: CalendarSpec,
    *,
    target_seconds: int,
    warning_percent: int,
    events: Iterable[Event],
    now: datetime.datetime,
) -> Outcome:
    """Every stored figure of a clock, as of `now`, from its events (ordered by time)."""
    if target_seconds <= 0:
        raise ValueError("a clock needs a positive target")
    line = _timeline(e for e in events if e.kind in TIMING_EVENTS)
    calc = _Calc(spec)
    measured, pauses = _spans(line, now)
    elapsed = sum(calc.seconds(a, b) for a, b in measured)
    breach_at, warning_at, breached_at = _moments(
        calc, line, target_seconds, warning_percent, elapsed, now
    )
    paused = line.stage == ClockStage.PAUSED
    horizon = max(filter(None, [now, line.stopped_at, breach_at]))
    return Outcome(
        stage=line.stage,
        started_at=line.started_at,
        stopped_at=line.stopped_at,
        paused_since=line.paused_from if paused else None,
        business_elapsed_seconds=elapsed,
        wall_elapsed_seconds=sum(_wall(a, b) for a, b in measured),
        paused_business_seconds=sum(calc.seconds(a, b) for a, b in pauses),
        paused_wall_seconds=sum(_wall(a, b) for a, b in pauses),
        remaining_seconds=target_seconds - elapsed,
        original_breach_at=calc.add(line.started_at, target_seconds),
        breach_at=breach_at,
        warning_at=warning_at,
        breached=breached_at is not None,
        breached_at=breached_at,
        uses_estimate=_uses_estimate(spec, line.started_at, horizon),
        missing_data_year=calc.missing_year,
    )


def _uses_estimate(spec: CalendarSpec, start: datetime.datetime, end: datetime.datetime) -> bool:
    try:
        return uses_estimate(spec, start, end)
    except MissingCalendarData:  # pragma: no cover - uses_estimate reads days, never refuses
        return False
