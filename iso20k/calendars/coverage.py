"""Where each year's public holidays of a calendar come from, and what to warn about.

A year is covered officially when its schedule was entered by the organisation or comes
from a library that carries the official schedule. A calendar warns when the current year,
or a year starting within WARN_DAYS_BEFORE_YEAR days, is only estimated or missing.
"""

import datetime
from dataclasses import dataclass

from .choices import WARN_DAYS_BEFORE_YEAR, DataSource
from .engine import CalendarSpec
from .engine.regions import china_library, china_official_years


@dataclass(frozen=True)
class YearCoverage:
    year: int
    source: str  # DataSource value
    library: str
    holiday_count: int
    workday_count: int
    usable: bool  # False when the policy refuses to compute business time in this year
    days_until_start: int  # negative once the year has started
    warning: str  # "" | "current_year_unofficial" | "next_year_unofficial"

    @property
    def is_official(self) -> bool:
        return self.source in {DataSource.LIBRARY, DataSource.ENTERED}

    @property
    def level(self) -> str:
        """Severity for display: danger (the year is running), warning (soon), or ''."""
        return {"current_year_unofficial": "danger", "next_year_unofficial": "warning"}.get(
            self.warning, ""
        )


def year_coverage(spec: CalendarSpec, year: int, today: datetime.date) -> YearCoverage:
    data = spec.region_year(year)
    days_until = (datetime.date(year, 1, 1) - today).days
    warning = ""
    unofficial = bool(spec.region) and data.source in {DataSource.ESTIMATE, DataSource.MISSING}
    if unofficial and today.year == year:
        warning = "current_year_unofficial"
    elif unofficial and 0 < days_until <= WARN_DAYS_BEFORE_YEAR:
        warning = "next_year_unofficial"
    return YearCoverage(
        year=year,
        source=data.source,
        library=data.library,
        holiday_count=len(data.holidays),
        workday_count=len(data.workdays),
        usable=spec.year_is_usable(year) if spec.region else True,
        days_until_start=days_until,
        warning=warning,
    )


def years_around(spec: CalendarSpec, today: datetime.date, before: int = 1, after: int = 2):
    return [year_coverage(spec, y, today) for y in range(today.year - before, today.year + after)]


def warnings(spec: CalendarSpec, today: datetime.date) -> list[YearCoverage]:
    """The years a calendar must warn about today (current or upcoming, not official)."""
    return [c for c in years_around(spec, today, before=0, after=2) if c.warning]


def china_library_range() -> dict:
    first, last = china_official_years()
    return {"library": china_library(), "first": first, "last": last}


def region_years(region: str, today: datetime.date, before: int = 2, after: int = 2):
    """Per-year source of a region's data (entered schedules first), as a calendar would use."""
    from .loading import entered_years

    spec = CalendarSpec(
        time_zone="UTC", hours=((),) * 7, region=region, entered=entered_years(region)
    )
    return [year_coverage(spec, y, today) for y in range(today.year - before, today.year + after)]
