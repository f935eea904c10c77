"""Business calendars (clause 8.3.3): when the clock of a service level target runs.

A calendar has working hours per weekday (several intervals a day) in its time zone, may
follow a region's public holidays and adjusted working days, and has the organisation's
own holidays. Official schedules that a library lacks are entered once per region and year
(PublicHolidayYear) and shared by every calendar following that region.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iso20k.core.i18n import BilingualMixin
from iso20k.core.models import TimeStamped, Versioned

from .choices import MissingDataPolicy, ScheduleDayKind

WEEKDAY_CHOICES = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]


class BusinessCalendar(BilingualMixin, TimeStamped, Versioned):
    """Working hours, time zone and holidays against which SLA clocks count business time."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    name_zh_hans = models.CharField(_("name (Chinese)"), max_length=200, blank=True)
    description_en = models.TextField(_("description (English)"), blank=True, max_length=2000)
    description_zh_hans = models.TextField(_("description (Chinese)"), blank=True, max_length=2000)
    time_zone = models.CharField(_("time zone"), max_length=64)
    hours = models.JSONField(_("working hours"), default=list)
    holiday_region = models.CharField(
        _("public holidays of"),
        max_length=8,
        blank=True,
        help_text=_("Country code whose public holidays the calendar follows, e.g. CN or DE."),
    )
    holiday_subdivision = models.CharField(
        _("region within the country"), max_length=16, blank=True
    )
    missing_data_policy = models.CharField(
        _("when a year has no official schedule"),
        max_length=16,
        choices=MissingDataPolicy.choices,
        default=MissingDataPolicy.ESTIMATE,
    )
    adjusted_workday_hours_from = models.PositiveSmallIntegerField(
        _("adjusted working days keep the hours of"),
        choices=WEEKDAY_CHOICES,
        default=0,
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("business calendar")
        verbose_name_plural = _("business calendars")
        ordering = ["-is_active", "code"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(name_en="", name_zh_hans=""), name="calendar_has_a_name"
            ),
            models.CheckConstraint(
                condition=Q(adjusted_workday_hours_from__lte=6),
                name="calendar_adjusted_weekday_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.localized("name") or self.code

    def get_absolute_url(self) -> str:
        return reverse("calendars:calendar-detail", args=[self.code])


class CalendarHoliday(BilingualMixin, TimeStamped):
    """A whole day the organisation does not work on this calendar (its own holiday)."""

    calendar = models.ForeignKey(
        BusinessCalendar,
        on_delete=models.CASCADE,
        related_name="holidays",
        verbose_name=_("calendar"),
    )
    date = models.DateField(_("date"))
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    name_zh_hans = models.CharField(_("name (Chinese)"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("organisation holiday")
        verbose_name_plural = _("organisation holidays")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["calendar", "date"], name="calendar_holiday_unique"),
            models.CheckConstraint(
                condition=~Q(name_en="", name_zh_hans=""), name="calendar_holiday_has_a_name"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date.isoformat()} {self.localized('name')}"

    def get_absolute_url(self) -> str:
        return self.calendar.get_absolute_url()


class PublicHolidayYear(TimeStamped, Versioned):
    """An official holiday schedule of one region and year, entered by the organisation.

    Used when a library lacks or only estimates the year (China announces each year's
    schedule late in the year before), and in preference to the library when present.
    """

    region = models.CharField(_("country"), max_length=8)
    year = models.PositiveSmallIntegerField(_("year"))
    note = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("Where the schedule was announced, e.g. the State Council notice."),
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("entered by"),
    )

    class Meta:
        verbose_name = _("entered holiday schedule")
        verbose_name_plural = _("entered holiday schedules")
        ordering = ["region", "year"]
        constraints = [
            models.UniqueConstraint(fields=["region", "year"], name="public_year_unique"),
            models.CheckConstraint(
                condition=Q(year__gte=1990, year__lte=2100), name="public_year_in_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.region} {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("calendars:schedule-detail", args=[self.region, self.year])


class PublicHolidayDate(BilingualMixin, models.Model):
    """One day of an entered schedule: a public holiday, or a weekend day that is worked."""

    schedule = models.ForeignKey(
        PublicHolidayYear,
        on_delete=models.CASCADE,
        related_name="days",
        verbose_name=_("schedule"),
    )
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=16, choices=ScheduleDayKind.choices)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    name_zh_hans = models.CharField(_("name (Chinese)"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("entered holiday")
        verbose_name_plural = _("entered holidays")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["schedule", "date"], name="public_date_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.date.isoformat()} {self.get_kind_display()}"

    def get_absolute_url(self) -> str:
        return self.schedule.get_absolute_url()
