"""Forms of the SLA pages: shape only (durations parse); rules live in services.py.

Targets are typed as business durations: "90", "90 min", "4 h", "1 h 30 min", "1:30",
"4小时", "1小时30分钟". The number of minutes goes to the service, which refuses zero or less.
"""

import re
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from iso20k.calendars.models import BusinessCalendar
from iso20k.core.forms import VersionedForm
from iso20k.customers.models import Customer
from iso20k.servicecatalogue.models import Service

from . import subjects
from .choices import ClockKind, Priority
from .display import format_duration
from .services import target_field

_PATTERNS = [
    re.compile(r"^(?P<m>-?\d+)\s*(?:m|min|mins|minutes?|分钟?)?$"),
    re.compile(
        r"^(?P<h>-?\d+)\s*(?:h|hr|hrs|hours?|小时|时)\s*(?:(?P<m>\d+)\s*(?:m|min|mins|minutes?|分钟?)?)?$"
    ),
    re.compile(r"^(?P<h>-?\d+):(?P<m>\d{2})$"),
]


def parse_duration(text: str) -> int | None:
    """Minutes from a typed duration; None for empty; ValueError when unreadable."""
    text = (text or "").strip().lower()
    if not text:
        return None
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            parts = match.groupdict()
            hours, minutes = int(parts.get("h") or 0), int(parts.get("m") or 0)
            sign = -1 if text.startswith("-") else 1
            return hours * 60 + sign * minutes if hours else minutes
    raise ValueError(text)


class DurationInput(forms.TextInput):
    def format_value(self, value):
        if isinstance(value, int):
            return format_duration(value * 60) if value > 0 else str(value)
        return super().format_value(value)


class BusinessDurationField(forms.Field):
    widget = DurationInput

    def to_python(self, value):
        if isinstance(value, int):
            return value
        try:
            return parse_duration(value)
        except ValueError:
            raise forms.ValidationError(
                _("Enter minutes (e.g. 90) or hours and minutes (e.g. 1 h 30 min)."),
                code="invalid_duration",
            ) from None


class AgreementEditForm(VersionedForm):
    name_zh_hans = forms.CharField(label=_("Name (Chinese)"), max_length=200, required=False)
    name_en = forms.CharField(label=_("Name (English)"), max_length=200, required=False)
    description_zh_hans = forms.CharField(
        label=_("Description (Chinese)"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    description_en = forms.CharField(
        label=_("Description (English)"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    customer = forms.ModelChoiceField(
        label=_("Customer"),
        queryset=Customer.objects.filter(is_active=True),
        required=False,
        empty_label=_("Any customer"),
    )
    service = forms.ModelChoiceField(
        label=_("Service"),
        queryset=Service.objects.exclude(status="retired"),
        required=False,
        empty_label=_("Any service"),
    )
    calendar = forms.ModelChoiceField(
        label=_("Business calendar"),
        queryset=BusinessCalendar.objects.filter(is_active=True),
        empty_label=_("Choose a calendar"),
    )
    pause_statuses = forms.MultipleChoiceField(
        label=_("Statuses that pause the clocks"),
        choices=subjects.pause_status_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    warning_percent = forms.IntegerField(
        label=_("Warn at (% of the target used)"),
        help_text=_("Agents and owners are warned once when this much of a target is used."),
    )
    achievement_percent = forms.DecimalField(
        label=_("Agreed achievement (%)"),
        max_digits=4,
        decimal_places=1,
        initial=Decimal("95.0"),
        help_text=_(
            "The share of tickets to be resolved within target; readiness compares the "
            "share achieved with it."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for priority in Priority:
            for kind in ClockKind:
                self.fields[target_field(priority, kind)] = BusinessDurationField(
                    label=f"{priority.label} · {kind.label}", required=False
                )

    def target_names(self) -> set[str]:
        return {target_field(p, k) for p in Priority for k in ClockKind}

    def main_fields(self):
        return [f for f in self.visible_fields() if f.name not in self.target_names()]

    def target_rows(self):
        return [
            (
                priority,
                self[target_field(priority, "response")],
                self[target_field(priority, "resolution")],
            )
            for priority in Priority
        ]

    def service_data(self) -> dict:
        """(fields, targets) for the services."""
        data = dict(self.cleaned_data)
        data.pop("version", None)
        targets = {
            p.value: (
                data.pop(target_field(p, "response")),
                data.pop(target_field(p, "resolution")),
            )
            for p in Priority
        }
        return data, targets


class AgreementForm(AgreementEditForm):
    code = forms.CharField(
        label=_("Code"), max_length=40, help_text=_("e.g. acme-hosting: lower-case, digits, -")
    )
    field_order = ["code"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["version"]


class ConfirmForm(VersionedForm):
    pass


class RecomputeForm(forms.Form):
    pass
