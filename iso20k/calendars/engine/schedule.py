"""CalendarSpec: a calendar's rules as plain data, turning any date into its working intervals.

Precedence for one date: an organisation holiday closes the day; then the region's year
(entered by the organisation, else the library, else an estimate or nothing, depending on
the missing-data policy) makes it a public holiday or an adjusted working day; otherwise
the weekday's hours apply. Intervals are converted from local wall-clock time to UTC with
the calendar's time zone, so a day across a DST change has its real length. Days are
cached on the spec, which is immutable: a changed calendar gets a new spec.
"""

import datetime
import zoneinfo
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

from ..choices import DataSource, DayKind, MissingDataPolicy
from .hours import DAY_MINUTES, DayHours, WeeklyHours
from .regions import Names, RegionYear, library_year

UTC = datetime.UTC


@dataclass(frozen=True)
class Day:
    """One local date of a calendar: its kind, its working intervals in UTC, and provenance."""

    date: datetime.date
    kind: str  # a DayKind value
    intervals: tuple[tuple[datetime.datetime, datetime.datetime], ...] = ()
    source: str = DataSource.NONE
    names: Names = ("", "")
    starts_at: datetime.datetime | None = None  # local midnight, in UTC
    ends_at: datetime.datetime | None = None  # next local midnight, in UTC

    @property
    def is_estimated(self) -> bool:
        return self.source == DataSource.ESTIMATE

    @property
    def working_seconds(self) -> int:
        return int(sum((b - a).total_seconds() for a, b in self.intervals))


def _local(date: datetime.date, minutes: int, zone: zoneinfo.ZoneInfo) -> datetime.datetime:
    if minutes >= DAY_MINUTES:
        date, minutes = date + datetime.timedelta(days=1), minutes - DAY_MINUTES
    naive = datetime.datetime.combine(date, datetime.time(minutes // 60, minutes % 60))
    return naive.replace(tzinfo=zone).astimezone(UTC)


@dataclass(frozen=True, eq=False)
class CalendarSpec:
    """Everything the arithmetic needs to know about one calendar, without a database."""

    time_zone: str
    hours: WeeklyHours
    region: str = ""
    subdivision: str = ""
    policy: str = MissingDataPolicy.ESTIMATE
    adjusted_hours_weekday: int = 0
    organisation_holidays: Mapping[datetime.date, Names] = field(default_factory=dict)
    entered: Mapping[int, RegionYear] = field(default_factory=dict)
    library: Callable[[str, str, int], RegionYear] = library_year
    key: object = None  # identifies the source rows (id, versions) for caches

    def __post_init__(self) -> None:
        object.__setattr__(self, "zone", zoneinfo.ZoneInfo(self.time_zone))
        object.__setattr__(self, "_days", {})
        object.__setattr__(self, "_years", {})
        object.__setattr__(self, "_totals", None)

    def region_year(self, year: int) -> RegionYear:
        """The data in force for `year`: entered by the organisation first, else the library."""
        cached = self._years.get(year)
        if cached is None:
            if not self.region:
                cached = RegionYear(region="", year=year, source=DataSource.NONE)
            else:
                cached = self.entered.get(year) or self.library(self.region, self.subdivision, year)
            self._years[year] = cached
        return cached

    def year_is_usable(self, year: int) -> bool:
        """False when the policy refuses to compute business time in `year`."""
        source = self.region_year(year).source
        if source == DataSource.MISSING:
            return False
        return not (source == DataSource.ESTIMATE and self.policy == MissingDataPolicy.REFUSE)

    def local_date(self, moment: datetime.datetime) -> datetime.date:
        return moment.astimezone(self.zone).date()

    def day(self, date: datetime.date) -> Day:
        cached = self._days.get(date)
        if cached is None:
            cached = self._build_day(date)
            self._days[date] = cached
        return cached

    def days(self, first: datetime.date, last: datetime.date) -> Iterator[Day]:
        current = first
        while current <= last:
            yield self.day(current)
            current += datetime.timedelta(days=1)

    def whole_days(self, first: datetime.date, last: datetime.date) -> tuple[int, bool]:
        """(working seconds of the whole local days first..last, whether any of them has no
        usable data), from running totals kept on the spec, so a long span costs two lookups
        instead of a walk over its days. Reports and clock replays ask for spans of months."""
        if last < first:
            return 0, False
        totals = self._totals
        if (
            totals is None
            or first < totals[0]
            or last > totals[0] + datetime.timedelta(days=len(totals[1]) - 2)
        ):
            low = first if totals is None else min(first, totals[0])
            high = (
                last
                if totals is None
                else max(last, totals[0] + datetime.timedelta(days=len(totals[1]) - 2))
            )
            seconds, unknown = [0], [0]
            for day in self.days(low, high):
                seconds.append(seconds[-1] + day.working_seconds)
                unknown.append(unknown[-1] + (day.kind == DayKind.UNKNOWN))
            totals = (low, seconds, unknown)
            object.__setattr__(self, "_totals", totals)
        origin, seconds, unknown = totals
        a, b = (first - origin).days, (last - origin).days + 1
        return seconds[b] - seconds[a], unknown[b] > unknown[a]

    def _intervals(self, date: datetime.date, hours: DayHours) -> tuple:
        return tuple((_local(date, a, self.zone), _local(date, b, self.zone)) for a, b in hours)

    def _build_day(self, date: datetime.date) -> Day:
        bounds = {
            "starts_at": _local(date, 0, self.zone),
            "ends_at": _local(date, DAY_MINUTES, self.zone),
        }
        if date in self.organisation_holidays:
            return Day(
                date,
                DayKind.ORGANISATION_HOLIDAY,
                source=DataSource.ENTERED,
                names=self.organisation_holidays[date],
                **bounds,
            )
        year = self.region_year(date.year)
        if self.region and not self.year_is_usable(date.year):
            return Day(date, DayKind.UNKNOWN, source=year.source, **bounds)
        if date in year.holidays:
            return Day(
                date,
                DayKind.PUBLIC_HOLIDAY,
                source=year.source,
                names=year.holidays[date],
                **bounds,
            )
        if date in year.workdays:
            hours = self.hours[self.adjusted_hours_weekday]
            return Day(
                date,
                DayKind.ADJUSTED_WORKDAY,
                self._intervals(date, hours),
                source=year.source,
                names=year.workdays[date],
                **bounds,
            )
        hours = self.hours[date.weekday()]
        kind = DayKind.WORKING if hours else DayKind.NON_WORKING
        return Day(date, kind, self._intervals(date, hours), source=year.source, **bounds)
