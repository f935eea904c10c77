"""Forms of the calendar pages: shape only (times and dates parse); rules live in services/."""

import datetime
import re
import zoneinfo

from django import forms
from django.utils.translation import gettext_lazy as _

from iso20k.core.forms import VersionedForm

from .choices import MissingDataPolicy, ScheduleDayKind
from .engine.regions import supported_regions
from .models import WEEKDAY_CHOICES
from .services import ScheduleDay

HOURS_HELP = _("e.g. 09:00-12:00, 13:00-18:00 · 00:00-24:00 for the whole day · empty: closed")


def time_zone_choices() -> list[tuple[str, str]]:
    return [(zone, zone) for zone in sorted(zoneinfo.available_timezones())]


def region_choices() -> list[tuple[str, str]]:
    return [
        ("", _("None: weekly hours only")),
        ("CN", _("CN · Mainland China (with adjusted working days)")),
    ] + [(code, f"{code} · {name}") for code, name in supported_regions().items() if code != "CN"]


class CalendarSettingsForm(VersionedForm):
    name_zh_hans = forms.CharField(label=_("Name (Chinese)"), max_length=200, required=False)
    name_en = forms.CharField(label=_("Name (English)"), max_length=200, required=False)
    description_zh_hans = forms.CharField(
        label=_("Description (Chinese)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    description_en = forms.CharField(
        label=_("Description (English)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=time_zone_choices)
    holiday_region = forms.ChoiceField(
        label=_("Public holidays of"), choices=region_choices, required=False
    )
    holiday_subdivision = forms.CharField(
        label=_("Region within the country"),
        max_length=16,
        required=False,
        help_text=_("Optional code of a state or province, e.g. BE for Berlin."),
    )
    missing_data_policy = forms.ChoiceField(
        label=_("When a year has no official schedule"),
        choices=MissingDataPolicy.choices,
        widget=forms.RadioSelect,
        initial=MissingDataPolicy.ESTIMATE,
    )
    adjusted_workday_hours_from = forms.TypedChoiceField(
        label=_("Adjusted working days keep the hours of"),
        choices=WEEKDAY_CHOICES,
        coerce=int,
        initial=0,
    )


def hours_fields() -> dict:
    return {
        f"hours_{number}": forms.CharField(
            label=label, max_length=200, required=False, help_text=HOURS_HELP if not number else ""
        )
        for number, label in WEEKDAY_CHOICES
    }


HoursForm = type("HoursForm", (VersionedForm,), hours_fields())


class CalendarForm(CalendarSettingsForm):
    code = forms.CharField(
        label=_("Code"), max_length=40, help_text=_("e.g. cn-office: lower-case, digits, -")
    )
    field_order = ["code"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["version"]
        self.fields.update(hours_fields())


class HolidayForm(VersionedForm):
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    name_zh_hans = forms.CharField(label=_("Name (Chinese)"), max_length=100, required=False)
    name_en = forms.CharField(label=_("Name (English)"), max_length=100, required=False)


class ConfirmForm(VersionedForm):
    pass


LINE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})(?:\s*(?:\.\.|–|~|至)\s*(\d{4}-\d{2}-\d{2}))?\s*(.*)$")
CJK = re.compile(r"[\u3400-\u9fff]")


def _names(text: str) -> tuple[str, str]:
    """ "春节 / Spring Festival" → ("Spring Festival", "春节"), whichever order."""
    english = chinese = ""
    for part in (p.strip() for p in text.split("/")):
        if not part:
            continue
        if CJK.search(part):
            chinese = chinese or part
        else:
            english = english or part
    return english, chinese


def parse_schedule_lines(text: str, kind: str) -> list[ScheduleDay]:
    """One day or range per line: "2027-02-05..2027-02-11 春节 / Spring Festival"."""
    days = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        if not line.strip():
            continue
        match = LINE.match(line)
        try:
            first = datetime.date.fromisoformat(match[1]) if match else None
            last = datetime.date.fromisoformat(match[2]) if match and match[2] else first
        except ValueError:
            first = None
        if first is None:
            raise forms.ValidationError(
                _(
                    "Line %(number)s: start with a date like 2027-02-05 or a range like "
                    "2027-02-05..2027-02-11."
                ),
                code="invalid_line",
                params={"number": number},
            )
        if last < first or (last - first).days > 31:
            raise forms.ValidationError(
                _("Line %(number)s: the range must run forwards and span at most a month."),
                code="invalid_range",
                params={"number": number},
            )
        english, chinese = _names(match[3])
        span = (last - first).days
        days += [
            ScheduleDay(first + datetime.timedelta(days=i), kind, english, chinese)
            for i in range(span + 1)
        ]
    return days


class ScheduleEditForm(VersionedForm):
    note = forms.CharField(
        label=_("Source"),
        max_length=300,
        required=False,
        help_text=_("Where the schedule was announced, e.g. the State Council notice."),
    )
    holidays = forms.CharField(
        label=_("Public holidays"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "One day or range per line, then the name: "
            "2027-02-05..2027-02-11 春节 / Spring Festival"
        ),
    )
    workdays = forms.CharField(
        label=_("Adjusted working days (weekend days that are worked)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("One per line: 2027-02-14 春节调休 / Spring Festival (worked)"),
    )

    def clean_holidays(self):
        return parse_schedule_lines(self.cleaned_data["holidays"], ScheduleDayKind.HOLIDAY)

    def clean_workdays(self):
        return parse_schedule_lines(self.cleaned_data["workdays"], ScheduleDayKind.WORKDAY)

    @staticmethod
    def text_of(days, kind: str) -> str:
        return "\n".join(
            f"{d.date.isoformat()} {' / '.join(n for n in (d.name_zh_hans, d.name_en) if n)}"
            for d in days
            if d.kind == kind
        )


class ScheduleForm(ScheduleEditForm):
    region = forms.ChoiceField(label=_("Country"), choices=lambda: region_choices()[1:])
    year = forms.IntegerField(label=_("Year"), min_value=1990, max_value=2100)
    field_order = ["region", "year"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["version"]
