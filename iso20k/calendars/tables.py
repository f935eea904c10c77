"""Table of the calendar list."""

import django_tables2 as tables
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from .engine.hours import format_day, from_json
from .models import BusinessCalendar


class CalendarTable(tables.Table):
    code = tables.Column(verbose_name=_("Code"), linkify=True)
    name = tables.Column(verbose_name=_("Name"), empty_values=(), order_by=("name_en",))
    time_zone = tables.Column(verbose_name=_("Time zone"))
    hours = tables.Column(verbose_name=_("Monday hours"), orderable=False)
    holiday_region = tables.Column(verbose_name=_("Public holidays"), empty_values=())
    data = tables.Column(verbose_name=_("Holiday data"), empty_values=(), orderable=False)
    is_active = tables.BooleanColumn(verbose_name=_("Active"))

    class Meta:
        model = BusinessCalendar
        fields = ["code", "name", "time_zone", "hours", "holiday_region", "data", "is_active"]
        attrs = {"class": "table table-vcenter card-table", "id": "calendar-table"}
        empty_text = _("No calendars yet. Add one with your working hours and holidays.")

    def __init__(self, *args, warnings=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.warnings = warnings or {}

    def render_name(self, record):
        return str(record)

    def render_hours(self, record):
        return format_day(from_json(record.hours)[0]) or "—"

    def render_holiday_region(self, record):
        return record.holiday_region or "—"

    def render_data(self, record):
        return render_to_string(
            "calendars/_data_warnings.html",
            {"warnings": self.warnings.get(record.holiday_region, []), "calendar": record},
        )
