"""Kinds of days, where holiday data comes from, and the history events of calendars."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from iso20k.history import events


class DayKind(models.TextChoices):
    WORKING = "working", _("Working day")
    NON_WORKING = "non_working", _("Non-working day")
    PUBLIC_HOLIDAY = "public_holiday", _("Public holiday")
    ADJUSTED_WORKDAY = "adjusted_workday", _("Adjusted working day")
    ORGANISATION_HOLIDAY = "organisation_holiday", _("Organisation holiday")
    UNKNOWN = "unknown", _("No holiday data")


class DataSource(models.TextChoices):
    """Where a calendar's public holidays for one year come from."""

    NONE = "none", _("No public holidays followed")
    LIBRARY = "library", _("Official, from the maintained library")
    ESTIMATE = "estimate", _("Estimated (not yet official)")
    ENTERED = "entered", _("Entered by the organisation")
    MISSING = "missing", _("No data")


class MissingDataPolicy(models.TextChoices):
    """What the SLA engine does in a year whose official schedule is not known."""

    ESTIMATE = "estimate", _("Use the estimate and flag every deadline it affects")
    REFUSE = (
        "refuse",
        _("Refuse: deadlines in that year stay unknown until the schedule is entered"),
    )


class ScheduleDayKind(models.TextChoices):
    HOLIDAY = "holiday", _("Holiday")
    WORKDAY = "workday", _("Adjusted working day")


# Regions whose governments announce each year's schedule late in the year before, so a
# library may lack or only estimate the next year. Other regions follow fixed rules.
ANNOUNCED_REGIONS = frozenset({"CN"})

# How many days before a year starts a calendar warns that the year has no official data.
WARN_DAYS_BEFORE_YEAR = 90

events.register_fields(
    "calendars.publicholidayyear",
    {"holidays": _("public holidays"), "workdays": _("adjusted working days")},
)
events.register(
    {
        "calendars.businesscalendar.created": _("Calendar created"),
        "calendars.businesscalendar.updated": _("Calendar updated"),
        "calendars.businesscalendar.hours_changed": _("Working hours changed"),
        "calendars.businesscalendar.holiday_added": _("Organisation holiday added"),
        "calendars.businesscalendar.holiday_removed": _("Organisation holiday removed"),
        "calendars.businesscalendar.retired": _("Calendar retired"),
        "calendars.businesscalendar.reactivated": _("Calendar reactivated"),
        "calendars.publicholidayyear.entered": _("Official holiday schedule entered"),
        "calendars.publicholidayyear.updated": _("Official holiday schedule corrected"),
        "calendars.publicholidayyear.withdrawn": _("Entered holiday schedule withdrawn"),
    }
)
