"""Official holiday schedules entered by the organisation (one per region and year).

China announces each year's holidays and adjusted working days late in the year before; a
library may not carry them yet. An administrator enters the announced schedule once and
every calendar following that region uses it (in preference to the library).
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from iso20k.core.concurrency import require_version, save_versioned
from iso20k.history import services as history

from .. import listeners
from ..choices import ScheduleDayKind
from ..engine.regions import region_exists
from ..models import BusinessCalendar, PublicHolidayDate, PublicHolidayYear

MAX_DAYS = 120


@dataclass(frozen=True)
class ScheduleDay:
    date: datetime.date
    kind: str  # ScheduleDayKind value
    name_en: str = ""
    name_zh_hans: str = ""


def _error(field: str, message: str, code: str, **params) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code, params=params)})


def _field(kind: str) -> str:
    return "workdays" if kind == ScheduleDayKind.WORKDAY else "holidays"


def _check_days(year: int, days: list[ScheduleDay]) -> list[ScheduleDay]:
    if not any(d.kind == ScheduleDayKind.HOLIDAY for d in days):
        raise _error("holidays", _("List at least one public holiday."), "holidays_required")
    if len(days) > MAX_DAYS:
        raise _error(
            "holidays", _("At most %(limit)s days in one year."), "too_many_days", limit=MAX_DAYS
        )
    seen: dict[datetime.date, str] = {}
    for day in days:
        field = _field(day.kind)
        if day.kind not in ScheduleDayKind.values:
            raise _error(field, _("Unknown kind of day."), "invalid_kind")
        if day.date.year != year:
            raise _error(
                field,
                _("%(date)s is not in %(year)s."),
                "date_outside_year",
                date=day.date.isoformat(),
                year=year,
            )
        if day.date in seen:
            code = "date_in_both" if seen[day.date] != day.kind else "duplicate_date"
            raise _error(
                field,
                _("%(date)s is listed twice.")
                if code == "duplicate_date"
                else _("%(date)s cannot be both a holiday and a working day."),
                code,
                date=day.date.isoformat(),
            )
        if day.kind == ScheduleDayKind.WORKDAY and day.date.weekday() < 5:
            raise _error(
                field,
                _("%(date)s is a weekday; adjusted working days are weekend days that are worked."),
                "workday_not_weekend",
                date=day.date.isoformat(),
            )
        seen[day.date] = day.kind
    return sorted(days, key=lambda d: d.date)


def _calendars_of(region: str) -> list[int]:
    return list(BusinessCalendar.objects.filter(holiday_region=region).values_list("pk", flat=True))


def _summary(days: list[ScheduleDay], kind: str) -> str:
    return ", ".join(d.date.isoformat() for d in days if d.kind == kind)


def _store_days(schedule: PublicHolidayYear, days: list[ScheduleDay]) -> None:
    schedule.days.all().delete()
    PublicHolidayDate.objects.bulk_create(
        PublicHolidayDate(
            schedule=schedule,
            date=d.date,
            kind=d.kind,
            name_en=d.name_en.strip()[:100],
            name_zh_hans=d.name_zh_hans.strip()[:100],
        )
        for d in days
    )


def _check_region_year(region: str, year: int) -> str:
    region = (region or "").strip().upper()
    if not region_exists(region):
        raise _error(
            "region",
            _("No maintained holiday data exists for the country code “%(value)s”."),
            "unknown_region",
            value=region,
        )
    if not 1990 <= int(year) <= 2100:
        raise _error("year", _("Enter a year between 1990 and 2100."), "year_out_of_range")
    return region


def _existing(region: str, year: int, expected_version: int | None):
    schedule = PublicHolidayYear.objects.filter(region=region, year=year).first()
    if schedule is not None and expected_version is None:
        raise _error(
            "year",
            _("A schedule for %(region)s %(year)s was already entered; correct that one."),
            "schedule_exists",
            region=region,
            year=year,
        )
    return schedule


def _texts(schedule: PublicHolidayYear | None, days: list[ScheduleDay] | None, note: str):
    """{"holidays", "workdays", "note"} as history shows them, from stored or new days."""
    if days is None:
        days = [ScheduleDay(d.date, d.kind) for d in schedule.days.all()] if schedule else []
    return {
        "holidays": _summary(days, ScheduleDayKind.HOLIDAY),
        "workdays": _summary(days, ScheduleDayKind.WORKDAY),
        "note": note,
    }


@transaction.atomic
def enter_public_schedule(
    *,
    actor,
    region: str,
    year: int,
    days: list[ScheduleDay],
    note: str = "",
    expected_version: int | None = None,
) -> PublicHolidayYear:
    """Enter (or, with the version it started from, correct) a region's official schedule.

    Events calendars.publicholidayyear.entered / .updated. Open clocks of every calendar
    following the region are recomputed after commit.
    """
    region = _check_region_year(region, year)
    days = _check_days(int(year), list(days))
    schedule = _existing(region, year, expected_version)
    before = _texts(schedule, None, schedule.note if schedule else "")
    if schedule is None:
        schedule = PublicHolidayYear.objects.create(
            region=region, year=year, note=note, entered_by=actor
        )
        event = "calendars.publicholidayyear.entered"
    else:
        require_version(schedule, expected_version)
        schedule.note, schedule.entered_by = note, actor
        save_versioned(schedule, fields=["note", "entered_by"], expected_version=expected_version)
        event = "calendars.publicholidayyear.updated"
    _store_days(schedule, days)
    after = _texts(schedule, days, note)
    changes = {k: [before[k] or None, after[k]] for k in after if before[k] != after[k]}
    history.record(schedule, event=event, actor=actor, changes=changes)
    calendar_ids = _calendars_of(region)
    transaction.on_commit(lambda: listeners.calendars_changed(calendar_ids))
    return schedule


@transaction.atomic
def withdraw_public_schedule(
    schedule: PublicHolidayYear, *, actor, expected_version: int | None
) -> None:
    """Remove an entered schedule (the library, or its absence, applies again)."""
    require_version(schedule, expected_version)
    region, year = schedule.region, schedule.year
    days = list(schedule.days.all())
    history.record(
        schedule,
        event="calendars.publicholidayyear.withdrawn",
        actor=actor,
        data={
            "region": region,
            "year": year,
            "holidays": [d.date.isoformat() for d in days if d.kind == ScheduleDayKind.HOLIDAY],
            "workdays": [d.date.isoformat() for d in days if d.kind == ScheduleDayKind.WORKDAY],
        },
    )
    deleted, _count = PublicHolidayYear.objects.filter(
        pk=schedule.pk, version=expected_version
    ).delete()
    if not deleted:
        from iso20k.core.errors import ConflictError

        raise ConflictError(current=schedule, expected_version=expected_version)
    calendar_ids = _calendars_of(region)
    transaction.on_commit(lambda: listeners.calendars_changed(calendar_ids))
