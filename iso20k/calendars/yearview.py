"""The year view of a calendar: twelve months of days with their kind, for the calendar page."""

import calendar as pycalendar
import datetime
from dataclasses import dataclass

from django.utils.dates import MONTHS
from django.utils.translation import pgettext_lazy

from iso20k.core.i18n import language_suffix

from .choices import DayKind
from .engine import CalendarSpec

# Column heads of the month tables: as short as the language allows.
WEEKDAY_LETTERS = [
    pgettext_lazy("weekday column", "Mo"),
    pgettext_lazy("weekday column", "Tu"),
    pgettext_lazy("weekday column", "We"),
    pgettext_lazy("weekday column", "Th"),
    pgettext_lazy("weekday column", "Fr"),
    pgettext_lazy("weekday column", "Sa"),
    pgettext_lazy("weekday column", "Su"),
]


@dataclass(frozen=True)
class Cell:
    date: datetime.date
    kind: str
    name: str
    estimated: bool
    hours: float

    @property
    def is_weekend(self) -> bool:
        return self.date.weekday() >= 5


def _name(names: tuple[str, str]) -> str:
    english, chinese = names
    return (chinese or english) if language_suffix() == "zh_hans" else (english or chinese)


def _month(spec: CalendarSpec, year: int, month: int) -> dict:
    weeks = []
    for week in pycalendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        row = []
        for date in week:
            if date.month != month:
                row.append(None)
                continue
            day = spec.day(date)
            hours = day.working_seconds / 3600
            row.append(Cell(date, day.kind, _name(day.names), day.is_estimated, hours))
        weeks.append(row)
    return {"number": month, "name": MONTHS[month], "weeks": weeks}


def year_view(spec: CalendarSpec, year: int) -> dict:
    """Months (weeks of seven cells, Monday first; None pads) and the year's totals."""
    months = [_month(spec, year, month) for month in range(1, 13)]
    cells = [cell for m in months for w in m["weeks"] for cell in w if cell is not None]
    totals = dict.fromkeys(DayKind.values, 0)
    for cell in cells:
        totals[cell.kind] += 1
    return {
        "year": year,
        "months": months,
        "weekdays": WEEKDAY_LETTERS,
        "totals": totals,
        "working_days": totals[DayKind.WORKING] + totals[DayKind.ADJUSTED_WORKDAY],
        "working_hours": round(sum(cell.hours for cell in cells)),
        "special_days": _runs(cell for cell in cells if cell.kind in SPECIAL),
    }


SPECIAL = {DayKind.PUBLIC_HOLIDAY, DayKind.ADJUSTED_WORKDAY, DayKind.ORGANISATION_HOLIDAY}


@dataclass(frozen=True)
class Run:
    """Consecutive special days of one kind and name, e.g. Spring Festival 15–23 Feb."""

    first: datetime.date
    last: datetime.date
    kind: str
    name: str
    estimated: bool

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def _runs(cells) -> list[Run]:
    runs: list[Run] = []
    for cell in cells:
        previous = runs[-1] if runs else None
        if (
            previous is not None
            and previous.kind == cell.kind
            and previous.name == cell.name
            and previous.last + datetime.timedelta(days=1) == cell.date
        ):
            runs[-1] = Run(previous.first, cell.date, cell.kind, cell.name, previous.estimated)
        else:
            runs.append(Run(cell.date, cell.date, cell.kind, cell.name, cell.estimated))
    return runs


def days_of(view: dict) -> list[dict]:
    """Every day of a year view as plain data (for the API)."""
    return [
        {"date": c.date, "kind": c.kind, "name": c.name, "estimated": c.estimated, "hours": c.hours}
        for month in view["months"]
        for week in month["weeks"]
        for c in week
        if c is not None
    ]
