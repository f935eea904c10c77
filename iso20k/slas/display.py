"""How an SLA state reads: the state at a moment, and time left in business terms.

state_of(...) needs only stored columns and `now`, so a list can show on track / warning /
breached for every row without queries. time_left(...) counts business time to the breach
on the calendar; describe_rows(rows) does it for a page of tickets with one query for all
their calendars (cached specs). Text is translated when shown ("2 h 15 min left").
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from iso20k.calendars.engine import MissingCalendarData, business_seconds

from .choices import ClockStage, SlaState


def state_of(
    stage: str,
    *,
    breach_at: datetime.datetime | None,
    warning_at: datetime.datetime | None,
    breached: bool,
    now: datetime.datetime,
) -> str:
    """The SlaState of a clock (or a ticket's headline clock) at `now`."""
    if stage == ClockStage.RUNNING:
        if breach_at is None:
            return SlaState.UNKNOWN
        if breached or breach_at <= now:
            return SlaState.BREACHED
        if warning_at is not None and warning_at <= now:
            return SlaState.WARNING
        return SlaState.ON_TRACK
    if stage == ClockStage.PAUSED:
        return SlaState.PAUSED
    if stage == ClockStage.STOPPED:
        return SlaState.MISSED if breached else SlaState.MET
    if stage == ClockStage.CANCELLED:
        return SlaState.CANCELLED
    return SlaState.NONE


def state_of_row(row: object, now: datetime.datetime, prefix: str = "sla_") -> str:
    """state_of() for a ticket row carrying SlaSnapshotFields."""
    return state_of(
        getattr(row, f"{prefix}stage"),
        breach_at=getattr(row, f"{prefix}breach_at"),
        warning_at=getattr(row, f"{prefix}warning_at"),
        breached=getattr(row, f"{prefix}breached"),
        now=now,
    )


def format_duration(seconds: int) -> str:
    """ "2 h 15 min", "45 min", "3 h" for a number of (business) seconds; sign ignored."""
    minutes = abs(int(seconds)) // 60
    hours, minutes = divmod(minutes, 60)
    if hours and minutes:
        return _("%(hours)s h %(minutes)s min") % {"hours": hours, "minutes": minutes}
    if hours:
        return _("%(hours)s h") % {"hours": hours}
    return ngettext("%(minutes)s min", "%(minutes)s min", minutes) % {"minutes": minutes}


def time_left_text(seconds: int | None) -> str:
    """ "2 h 15 min left" or "1 h 5 min overdue" (business time)."""
    if seconds is None:
        return ""
    if seconds < 0:
        return _("%(duration)s overdue") % {"duration": format_duration(seconds)}
    return _("%(duration)s left") % {"duration": format_duration(seconds)}


def time_left(spec, breach_at: datetime.datetime | None, now: datetime.datetime) -> int | None:
    """Business seconds from `now` to the breach (negative once past); None when unknown."""
    if spec is None or breach_at is None:
        return None
    try:
        if breach_at >= now:
            return business_seconds(spec, now, breach_at)
        return -business_seconds(spec, breach_at, now)
    except MissingCalendarData:
        return None


@dataclass(frozen=True)
class SlaDisplay:
    state: str
    seconds_left: int | None
    text: str

    @property
    def label(self) -> str:
        return str(SlaState(self.state).label)


def describe_row(row: object, spec, now: datetime.datetime, prefix: str = "sla_") -> SlaDisplay:
    state = state_of_row(row, now, prefix)
    if state in {SlaState.ON_TRACK, SlaState.WARNING, SlaState.BREACHED}:
        seconds = time_left(spec, getattr(row, f"{prefix}breach_at"), now)
    elif state == SlaState.PAUSED:
        seconds = getattr(row, f"{prefix}remaining_seconds")
    else:
        seconds = None
    return SlaDisplay(state=state, seconds_left=seconds, text=time_left_text(seconds))


def describe_rows(
    rows: Iterable[object], now: datetime.datetime, prefix: str = "sla_"
) -> dict[int, SlaDisplay]:
    """{row.pk: SlaDisplay} for a page of tickets: one query for all calendars, then CPU only."""
    from iso20k.calendars.loading import specs_for

    rows = list(rows)
    specs = specs_for({getattr(r, f"{prefix}calendar_id") for r in rows})
    return {
        row.pk: describe_row(row, specs.get(getattr(row, f"{prefix}calendar_id")), now, prefix)
        for row in rows
    }


OPEN_CLOCKS_SHOWN = 50


def open_clock_rows(agreement, now) -> tuple[int, list[dict]]:
    """The first open clocks of an agreement with their tickets named by the ticket apps."""
    from iso20k.calendars.loading import specs_for

    from . import querysets, subjects

    clocks = querysets.open_clocks_of(agreement)
    count = clocks.count()
    shown = list(clocks[:OPEN_CLOCKS_SHOWN])
    specs = specs_for({c.calendar_id for c in shown})
    by_type = defaultdict(list)
    for clock in shown:
        by_type[clock.subject.subject_type].append(clock.subject.subject_id)
    infos = {}
    for key, ids in by_type.items():
        subject_type = subjects.find(key)
        described = subject_type.describe(ids) if subject_type else {}
        infos.update({(key, pk): info for pk, info in described.items()})
    rows = []
    for clock in shown:
        state = state_of(
            clock.stage,
            breach_at=clock.breach_at,
            warning_at=clock.warning_at,
            breached=clock.breached,
            now=now,
        )
        left = (
            clock.remaining_seconds
            if clock.stage == "paused"
            else time_left(specs.get(clock.calendar_id), clock.breach_at, now)
        )
        info = infos.get((clock.subject.subject_type, clock.subject.subject_id))
        rows.append({"clock": clock, "info": info, "state": state, "text": time_left_text(left)})
    return count, rows
