"""Business calendars: settings, working hours and organisation holidays.

Each function checks its rules, writes the version-checked row, records history and, after
commit, tells the listeners (slas) so that open clocks counted on the calendar are
recomputed by the worker. Raises ValidationError (field-keyed, coded) or ConflictError.
"""

import datetime
import re
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from iso20k.core.concurrency import require_version, save_versioned
from iso20k.history import services as history

from .. import listeners
from ..choices import MissingDataPolicy
from ..engine.hours import HoursError, format_day, from_json, parse_week, to_json, weekly_minutes
from ..engine.regions import region_exists, subdivisions
from ..models import BusinessCalendar, CalendarHoliday

SETTING_FIELDS = [
    "name_en",
    "name_zh_hans",
    "description_en",
    "description_zh_hans",
    "time_zone",
    "holiday_region",
    "holiday_subdivision",
    "missing_data_policy",
    "adjusted_workday_hours_from",
]
CODE = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")

HOURS_MESSAGES = {
    "invalid_hours_format": gettext_lazy(
        "%(weekday)s: “%(value)s” is not a time range; write e.g. 09:00-12:00, 13:00-18:00."
    ),
    "hours_out_of_range": gettext_lazy(
        "%(weekday)s: “%(value)s” is not a time of day (00:00 to 24:00)."
    ),
    "inverted_hours": gettext_lazy("%(weekday)s: “%(value)s” ends before it starts."),
    "overlapping_hours": gettext_lazy("%(weekday)s: %(first)s and %(second)s overlap."),
}


def _error(field: str, message: str, code: str, **params) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code, params=params)})


def _on_commit_changed(calendar_ids: list[int]) -> None:
    transaction.on_commit(lambda: listeners.calendars_changed(calendar_ids))


def check_hours(days: list[str]) -> list:
    """Seven day texts (Monday first) to stored JSON; ValidationError on hours_<weekday>."""
    try:
        week = parse_week([d or "" for d in days])
    except HoursError as exc:
        weekday = exc.params.get("weekday", 0)
        params = {"value": "", "first": "", "second": "", **exc.params}
        params["weekday"] = str(WEEKDAYS[weekday])
        raise _error(f"hours_{weekday}", HOURS_MESSAGES[exc.code], exc.code, **params) from None
    if weekly_minutes(week) == 0:
        raise _error(
            "hours_0", _("Give working hours on at least one day of the week."), "no_working_hours"
        )
    return to_json(week)


def _check_settings(fields: dict) -> dict:
    if not (fields.get("name_en") or "").strip() and not (fields.get("name_zh_hans") or "").strip():
        raise _error("name_en", _("Give a name in at least one language."), "name_required")
    try:
        zoneinfo.ZoneInfo(fields.get("time_zone") or "")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise _error(
            "time_zone",
            _("“%(value)s” is not a known time zone."),
            "unknown_time_zone",
            value=fields.get("time_zone"),
        ) from None
    region = (fields.get("holiday_region") or "").strip().upper()
    subdivision = (fields.get("holiday_subdivision") or "").strip().upper()
    if region and not region_exists(region):
        raise _error(
            "holiday_region",
            _("No maintained holiday data exists for the country code “%(value)s”."),
            "unknown_region",
            value=region,
        )
    if subdivision and subdivision not in subdivisions(region):
        raise _error(
            "holiday_subdivision",
            _("“%(value)s” is not a region of %(country)s in the holiday data."),
            "unknown_subdivision",
            value=subdivision,
            country=region or "—",
        )
    if fields.get("missing_data_policy") not in MissingDataPolicy.values:
        raise _error("missing_data_policy", _("Choose a policy."), "invalid_policy")
    if fields.get("adjusted_workday_hours_from") not in range(7):
        raise _error("adjusted_workday_hours_from", _("Choose a weekday."), "invalid_weekday")
    return {**fields, "holiday_region": region, "holiday_subdivision": subdivision}


@transaction.atomic
def create_calendar(*, actor, code: str, hours: list[str], **fields) -> BusinessCalendar:
    """Add a calendar. Event calendars.businesscalendar.created."""
    code = (code or "").strip().lower()
    if not CODE.match(code):
        raise _error(
            "code", _("Use lower-case letters, digits and hyphens (at most 40)."), "invalid_code"
        )
    if BusinessCalendar.objects.filter(code=code).exists():
        raise _error(
            "code",
            _("A calendar with the code “%(value)s” already exists."),
            "duplicate_code",
            value=code,
        )
    defaults = {"missing_data_policy": MissingDataPolicy.ESTIMATE, "adjusted_workday_hours_from": 0}
    settings = _check_settings({**defaults, **fields})
    calendar = BusinessCalendar.objects.create(code=code, hours=check_hours(hours), **settings)
    changes = history.initial(calendar, ["code", *SETTING_FIELDS])
    changes["hours"] = [None, describe_hours(calendar)]
    history.record(
        calendar, event="calendars.businesscalendar.created", actor=actor, changes=changes
    )
    return calendar


ISO_WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def describe_hours(calendar: BusinessCalendar) -> str:
    """Hours as "Mon 09:00-12:00, 13:00-18:00; …" for history: a fixed notation, like a
    code, so that a record reads the same in either language years later."""
    week = from_json(calendar.hours)
    return "; ".join(f"{ISO_WEEKDAYS[i]} {format_day(day) or '—'}" for i, day in enumerate(week))


@transaction.atomic
def update_calendar(
    calendar: BusinessCalendar, *, actor, expected_version: int | None, **fields
) -> BusinessCalendar:
    """Change names, time zone, holiday region and policy. Open clocks are recomputed."""
    require_version(calendar, expected_version)
    if set(fields) - set(SETTING_FIELDS):
        raise ValueError(f"not calendar settings: {sorted(set(fields) - set(SETTING_FIELDS))}")
    merged = _check_settings({n: fields.get(n, getattr(calendar, n)) for n in SETTING_FIELDS})
    before = history.snapshot(calendar, list(fields))
    for name in fields:
        setattr(calendar, name, merged[name])
    save_versioned(calendar, fields=list(fields), expected_version=expected_version)
    history.record(
        calendar,
        event="calendars.businesscalendar.updated",
        actor=actor,
        changes=history.diff(before, history.snapshot(calendar, list(fields))),
    )
    _on_commit_changed([calendar.pk])
    return calendar


@transaction.atomic
def set_working_hours(
    calendar: BusinessCalendar, *, actor, expected_version: int | None, days: list[str]
) -> BusinessCalendar:
    """Replace the weekly hours (seven day texts, Monday first). Open clocks are recomputed."""
    require_version(calendar, expected_version)
    hours = check_hours(days)
    before = describe_hours(calendar)
    calendar.hours = hours
    save_versioned(calendar, fields=["hours"], expected_version=expected_version)
    history.record(
        calendar,
        event="calendars.businesscalendar.hours_changed",
        actor=actor,
        changes={"hours": [before, describe_hours(calendar)]},
    )
    _on_commit_changed([calendar.pk])
    return calendar


@transaction.atomic
def set_calendar_active(
    calendar: BusinessCalendar, *, actor, expected_version: int | None, active: bool
) -> BusinessCalendar:
    """Retire a calendar (no new agreement may use it) or bring it back."""
    require_version(calendar, expected_version)
    if not active and calendar.agreements.filter(status="active").exists():
        raise _error(
            "is_active",
            _("Active agreements still count time on this calendar; move them first."),
            "calendar_in_use",
        )
    calendar.is_active = active
    save_versioned(calendar, fields=["is_active"], expected_version=expected_version)
    event = "reactivated" if active else "retired"
    history.record(
        calendar,
        event=f"calendars.businesscalendar.{event}",
        actor=actor,
        changes={"is_active": [not active, active]},
    )
    return calendar


@transaction.atomic
def add_holiday(
    calendar: BusinessCalendar,
    *,
    actor,
    expected_version: int | None,
    date: datetime.date,
    name_en: str = "",
    name_zh_hans: str = "",
) -> CalendarHoliday:
    """Close the calendar for one day of the organisation's own. Open clocks are recomputed."""
    require_version(calendar, expected_version)
    if not name_en.strip() and not name_zh_hans.strip():
        raise _error("name_en", _("Give a name in at least one language."), "name_required")
    if calendar.holidays.filter(date=date).exists():
        raise _error(
            "date",
            _("%(date)s is already an organisation holiday on this calendar."),
            "duplicate_holiday",
            date=date.isoformat(),
        )
    holiday = CalendarHoliday.objects.create(
        calendar=calendar, date=date, name_en=name_en.strip(), name_zh_hans=name_zh_hans.strip()
    )
    save_versioned(calendar, fields=[], expected_version=expected_version)
    history.record(
        calendar,
        event="calendars.businesscalendar.holiday_added",
        actor=actor,
        changes={"holidays": [None, str(holiday)]},
    )
    _on_commit_changed([calendar.pk])
    return holiday


@transaction.atomic
def remove_holiday(
    calendar: BusinessCalendar, *, actor, expected_version: int | None, date: datetime.date
) -> BusinessCalendar:
    """Reopen a day that was an organisation holiday. Open clocks are recomputed."""
    require_version(calendar, expected_version)
    holiday = calendar.holidays.filter(date=date).first()
    if holiday is None:
        raise _error("date", _("No organisation holiday on that day."), "no_such_holiday")
    text = str(holiday)
    holiday.delete()
    save_versioned(calendar, fields=[], expected_version=expected_version)
    history.record(
        calendar,
        event="calendars.businesscalendar.holiday_removed",
        actor=actor,
        changes={"holidays": [text, None]},
    )
    _on_commit_changed([calendar.pk])
    return calendar
