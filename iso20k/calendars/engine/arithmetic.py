"""Business time: seconds inside a calendar's working intervals, and moments so many seconds on.

add_business walks the calendar day by day (days are cached on the spec), so its cost grows
with the number of calendar days spanned, never with the number of seconds; business_seconds
takes the whole days of a long span from running totals kept on the spec. A day
of a year the spec refuses to compute raises MissingCalendarData instead of guessing.
"""

import datetime

from ..choices import DayKind
from .schedule import CalendarSpec, Day

ONE_SECOND = datetime.timedelta(seconds=1)
ONE_DAY = datetime.timedelta(days=1)
# Spans longer than this many days count their whole days from the spec's running totals.
WALK_DAYS = 7
# add_business gives up after this many calendar days without finding enough working time.
MAX_SPAN_DAYS = 3 * 366


class MissingCalendarData(Exception):
    """Business time would need a year for which the calendar has no usable holiday data."""

    def __init__(self, year: int) -> None:
        self.year = year
        super().__init__(f"no usable holiday data for {year}")


class NoWorkingTime(Exception):
    """The calendar has no working time within MAX_SPAN_DAYS of the start."""


def _require_aware(*moments: datetime.datetime) -> None:
    for moment in moments:
        if moment.tzinfo is None:
            raise ValueError("business-time arithmetic needs aware datetimes")


def _check(day: Day, start: datetime.datetime, end: datetime.datetime | None) -> None:
    if day.kind != DayKind.UNKNOWN:
        return
    overlaps = day.ends_at > start and (end is None or day.starts_at < end)
    if overlaps:
        raise MissingCalendarData(day.date.year)


def business_seconds(spec: CalendarSpec, start: datetime.datetime, end: datetime.datetime) -> int:
    """Whole working seconds in [start, end); 0 when end is not after start."""
    _require_aware(start, end)
    if end <= start:
        return 0
    first, last = spec.local_date(start), spec.local_date(end)
    if (last - first).days > WALK_DAYS:
        # The days strictly between lie wholly inside [start, end): take them from the
        # spec's running totals and walk only the two partial days at the ends.
        middle, unknown = spec.whole_days(first + ONE_DAY, last - ONE_DAY)
        if not unknown:
            head = _walk(spec, start, end, first, first)
            return head + middle + _walk(spec, start, end, last, last)
    return _walk(spec, start, end, first, last)


def _walk(spec: CalendarSpec, start, end, first: datetime.date, last: datetime.date) -> int:
    total = datetime.timedelta(0)
    for day in spec.days(first, last):
        _check(day, start, end)
        for a, b in day.intervals:
            low, high = max(a, start), min(b, end)
            if high > low:
                total += high - low
    return total // ONE_SECOND


def add_business(spec: CalendarSpec, start: datetime.datetime, seconds: int) -> datetime.datetime:
    """The moment at which `seconds` of working time after `start` have passed.

    When the amount ends exactly at the end of an interval, that end is returned (not the
    start of the next interval). Zero returns `start`.
    """
    _require_aware(start)
    if seconds < 0:
        raise ValueError("add_business needs a non-negative amount")
    if seconds == 0:
        return start
    remaining = datetime.timedelta(seconds=seconds)
    date = spec.local_date(start)
    for _offset in range(MAX_SPAN_DAYS):
        day = spec.day(date)
        _check(day, start, None)
        for a, b in day.intervals:
            low = max(a, start)
            if b <= low:
                continue
            available = b - low
            if available >= remaining:
                return low + remaining
            remaining -= available
        date += datetime.timedelta(days=1)
    raise NoWorkingTime


def uses_estimate(spec: CalendarSpec, start: datetime.datetime, end: datetime.datetime) -> bool:
    """True when any day between start and end comes from an estimated holiday schedule."""
    _require_aware(start, end)
    if end < start:
        start, end = end, start
    return any(day.is_estimated for day in spec.days(spec.local_date(start), spec.local_date(end)))


def next_working_moment(spec: CalendarSpec, moment: datetime.datetime) -> datetime.datetime:
    """`moment` if it is inside working time, else the start of the next working interval."""
    date = spec.local_date(moment)
    for _offset in range(MAX_SPAN_DAYS):
        day = spec.day(date)
        _check(day, moment, None)
        for a, b in day.intervals:
            if b > moment:
                return max(a, moment)
        date += datetime.timedelta(days=1)
    raise NoWorkingTime
