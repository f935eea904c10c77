"""Business-time arithmetic over calendars: pure functions, no database, no Django settings.

hours: parse and check weekly working hours. regions: public holidays and adjusted working
days of a region and year, from maintained libraries. schedule: CalendarSpec, which turns
a calendar's rules into the working intervals of each day (cached per day). arithmetic:
business seconds between two moments, and the moment a number of business seconds after
another. calendars.loading builds specs from the database; slas uses the arithmetic.
"""

from .arithmetic import (
    MissingCalendarData,
    NoWorkingTime,
    add_business,
    business_seconds,
    uses_estimate,
)
from .hours import HoursError, WeeklyHours, format_day, parse_day, parse_week
from .regions import RegionYear, library_year
from .schedule import CalendarSpec, Day

__all__ = [
    "CalendarSpec",
    "Day",
    "HoursError",
    "MissingCalendarData",
    "NoWorkingTime",
    "RegionYear",
    "WeeklyHours",
    "add_business",
    "business_seconds",
    "format_day",
    "library_year",
    "parse_day",
    "parse_week",
    "uses_estimate",
]
