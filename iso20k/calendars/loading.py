"""Build CalendarSpecs from the database, cached per process until a calendar or schedule changes.

The cache key (calendar id, version and content, its holidays and the revision of the
entered schedules of its region) is read in one query; a hit costs that query only, so
list pages can describe the SLA state of many rows with one query, whatever the count.
"""

from collections.abc import Iterable

from django.db.models import Count, IntegerField, Max, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from .choices import DataSource, ScheduleDayKind
from .engine import CalendarSpec, RegionYear
from .engine.hours import from_json
from .models import BusinessCalendar, CalendarHoliday, PublicHolidayDate, PublicHolidayYear

_cache: dict[int, tuple[tuple, CalendarSpec]] = {}


def _revision_query():
    years = PublicHolidayYear.objects.filter(region=OuterRef("holiday_region")).values("region")
    own = CalendarHoliday.objects.filter(calendar=OuterRef("pk")).values("calendar")
    return {
        "holiday_count": Coalesce(Subquery(own.annotate(n=Count("pk")).values("n")[:1]), Value(0)),
        "holiday_changed": Subquery(own.annotate(t=Max("created_at")).values("t")[:1]),
        "holiday_last": Subquery(own.annotate(d=Max("date")).values("d")[:1]),
        "entered_count": Coalesce(
            Subquery(years.annotate(n=Count("pk")).values("n")[:1]), Value(0)
        ),
        "entered_versions": Coalesce(
            Subquery(years.annotate(v=Sum("version")).values("v")[:1]),
            Value(0),
            output_field=IntegerField(),
        ),
        "entered_changed": Subquery(years.annotate(t=Max("updated_at")).values("t")[:1]),
    }


def _key(calendar: BusinessCalendar) -> tuple:
    """Everything a spec depends on; a stale cache entry can never match a changed calendar.

    Content is part of the key (not only id and version) because ids can be reused, e.g.
    between tests on SQLite.
    """
    return (
        calendar.pk,
        calendar.version,
        str(calendar.created_at),
        calendar.time_zone,
        repr(calendar.hours),
        calendar.holiday_region,
        calendar.holiday_subdivision,
        calendar.missing_data_policy,
        calendar.adjusted_workday_hours_from,
        calendar.holiday_count,
        str(calendar.holiday_changed),
        str(calendar.holiday_last),
        calendar.entered_count,
        calendar.entered_versions,
        str(calendar.entered_changed),
    )


def entered_years(region: str) -> dict[int, RegionYear]:
    """The schedules the organisation entered for `region`, as RegionYears."""
    if not region:
        return {}
    days = PublicHolidayDate.objects.filter(schedule__region=region).select_related("schedule")
    years: dict[int, dict] = {}
    for day in days:
        entry = years.setdefault(day.schedule.year, {"holidays": {}, "workdays": {}})
        bucket = "holidays" if day.kind == ScheduleDayKind.HOLIDAY else "workdays"
        entry[bucket][day.date] = (day.name_en, day.name_zh_hans)
    for schedule in PublicHolidayYear.objects.filter(region=region):
        years.setdefault(schedule.year, {"holidays": {}, "workdays": {}})
    return {
        year: RegionYear(region=region, year=year, source=DataSource.ENTERED, library="", **entry)
        for year, entry in years.items()
    }


def build_spec(calendar: BusinessCalendar, key: object = None) -> CalendarSpec:
    """A fresh spec from a calendar row (its holidays and region schedules are queried)."""
    holidays = {
        h.date: (h.name_en, h.name_zh_hans)
        for h in calendar.holidays.all().only("date", "name_en", "name_zh_hans")
    }
    return CalendarSpec(
        time_zone=calendar.time_zone,
        hours=from_json(calendar.hours),
        region=calendar.holiday_region,
        subdivision=calendar.holiday_subdivision,
        policy=calendar.missing_data_policy,
        adjusted_hours_weekday=calendar.adjusted_workday_hours_from,
        organisation_holidays=holidays,
        entered=entered_years(calendar.holiday_region),
        key=key,
    )


def specs_for(calendar_ids: Iterable[int]) -> dict[int, CalendarSpec]:
    """Specs of several calendars: one query when all are cached, more only for misses."""
    ids = {pk for pk in calendar_ids if pk is not None}
    if not ids:
        return {}
    rows = BusinessCalendar.objects.filter(pk__in=ids).annotate(**_revision_query())
    result = {}
    for calendar in rows:
        key = _key(calendar)
        cached = _cache.get(calendar.pk)
        if cached is None or cached[0] != key:
            cached = (key, build_spec(calendar, key=key))
            _cache[calendar.pk] = cached
        result[calendar.pk] = cached[1]
    return result


def spec_for(calendar: BusinessCalendar | int) -> CalendarSpec:
    pk = calendar if isinstance(calendar, int) else calendar.pk
    spec = specs_for([pk]).get(pk)
    if spec is None:
        raise BusinessCalendar.DoesNotExist(pk)
    return spec


def forget() -> None:
    """Empty the cache (tests that rewrite rows behind the services' back)."""
    _cache.clear()
