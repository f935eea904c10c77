"""Reads of calendars for pages: lists with their region's data warnings in constant queries."""

import datetime

from django.db.models import QuerySet

from .choices import ANNOUNCED_REGIONS, WARN_DAYS_BEFORE_YEAR, DataSource
from .engine.regions import library_year
from .models import BusinessCalendar, PublicHolidayYear


def for_list(calendars: QuerySet[BusinessCalendar]) -> QuerySet[BusinessCalendar]:
    return calendars.order_by("-is_active", "code")


def region_warnings(regions: set[str], today: datetime.date) -> dict[str, list[dict]]:
    """{region: [{year, source, level}]} for the current and coming year lacking official data.

    One query for every region together (the entered schedules); libraries are cached.
    """
    entered = set(
        PublicHolidayYear.objects.filter(
            region__in=regions, year__in=[today.year, today.year + 1]
        ).values_list("region", "year")
    )
    result: dict[str, list[dict]] = {}
    for region in regions:
        if region not in ANNOUNCED_REGIONS:
            continue
        for year in (today.year, today.year + 1):
            if (region, year) in entered:
                continue
            source = library_year(region, "", year).source
            if source not in {DataSource.ESTIMATE, DataSource.MISSING}:
                continue
            days_until = (datetime.date(year, 1, 1) - today).days
            if year == today.year or days_until <= WARN_DAYS_BEFORE_YEAR:
                level = "danger" if year == today.year else "warning"
                result.setdefault(region, []).append(
                    {"year": year, "source": source, "level": level, "days_until": days_until}
                )
    return result
