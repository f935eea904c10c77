"""Weekly working hours: several intervals a day, in minutes after local midnight (0–1440).

Text form, one day: "09:00-12:00, 13:00-18:00"; "00:00-24:00" is the whole day; empty is
closed. Intervals are sorted, must not be inverted or overlap; touching ones are merged.
"""

import re
from dataclasses import dataclass, field

Interval = tuple[int, int]
DayHours = tuple[Interval, ...]
WeeklyHours = tuple[DayHours, ...]  # Monday first, seven entries

DAY_MINUTES = 24 * 60
_INTERVAL = re.compile(r"^\s*(\d{1,2})[:：](\d{2})\s*[-–—~至到]\s*(\d{1,2})[:：](\d{2})\s*$")
_SEPARATORS = re.compile(r"[,，;；\n]+")


@dataclass(frozen=True)
class HoursError(Exception):
    """Bad working hours; `code` is stable, `params` fill the translated message."""

    code: str
    params: dict = field(default_factory=dict)


def _minutes(hours: str, minutes: str, text: str) -> int:
    h, m = int(hours), int(minutes)
    if m >= 60 or h > 24 or (h == 24 and m != 0):
        raise HoursError("hours_out_of_range", {"value": text.strip()})
    return h * 60 + m


def parse_day(text: str) -> DayHours:
    """Intervals of one day from text; raises HoursError on a bad, inverted or overlapping one."""
    intervals = []
    for part in _SEPARATORS.split(text or ""):
        if not part.strip():
            continue
        match = _INTERVAL.match(part)
        if match is None:
            raise HoursError("invalid_hours_format", {"value": part.strip()})
        start = _minutes(match[1], match[2], part)
        end = _minutes(match[3], match[4], part)
        if end <= start:
            raise HoursError("inverted_hours", {"value": part.strip()})
        intervals.append((start, end))
    return check_day(intervals)


def check_day(intervals: list[Interval] | tuple[Interval, ...]) -> DayHours:
    """Sort, refuse overlaps, merge touching intervals."""
    ordered = sorted((int(a), int(b)) for a, b in intervals)
    merged: list[Interval] = []
    for start, end in ordered:
        if not 0 <= start < end <= DAY_MINUTES:
            raise HoursError("inverted_hours" if end <= start else "hours_out_of_range", {})
        if merged and start < merged[-1][1]:
            raise HoursError(
                "overlapping_hours",
                {"first": format_interval(merged[-1]), "second": format_interval((start, end))},
            )
        if merged and start == merged[-1][1]:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return tuple(merged)


def parse_week(days: list[str]) -> WeeklyHours:
    """Seven day texts (Monday first) to WeeklyHours; HoursError.params gains `weekday`."""
    if len(days) != 7:
        raise ValueError("a week has seven days")
    week = []
    for weekday, text in enumerate(days):
        try:
            week.append(parse_day(text))
        except HoursError as exc:
            raise HoursError(exc.code, {**exc.params, "weekday": weekday}) from None
    return tuple(week)


def from_json(value: object) -> WeeklyHours:
    """WeeklyHours from the stored JSON ([[ [start, end], … ] × 7])."""
    days = list(value or [])
    days += [[]] * (7 - len(days))
    return tuple(check_day([tuple(i) for i in day]) for day in days[:7])


def to_json(week: WeeklyHours) -> list[list[list[int]]]:
    return [[[a, b] for a, b in day] for day in week]


def format_minutes(value: int) -> str:
    return f"{value // 60:02d}:{value % 60:02d}"


def format_interval(interval: Interval) -> str:
    return f"{format_minutes(interval[0])}-{format_minutes(interval[1])}"


def format_day(day: DayHours) -> str:
    return ", ".join(format_interval(i) for i in day)


def weekly_minutes(week: WeeklyHours) -> int:
    return sum(end - start for day in week for start, end in day)
