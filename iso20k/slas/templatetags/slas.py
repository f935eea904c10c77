"""Template helpers of SLAs: the state pill, durations in business terms, stored moments."""

from django import template
from django.utils.dateparse import parse_datetime

from ..display import format_duration, time_left_text

register = template.Library()


@register.filter
def as_datetime(value: str):
    """An ISO timestamp kept in JSON (e-mail context) back to an aware datetime."""
    return parse_datetime(value) if value else None


@register.filter
def business_duration(seconds) -> str:
    return "" if seconds in (None, "") else format_duration(int(seconds))


@register.filter
def time_left(seconds) -> str:
    return time_left_text(None if seconds in (None, "") else int(seconds))


@register.inclusion_tag("components/sla_pill.html")
def sla_pill(state: str, text: str = ""):
    from ..choices import SlaState

    return {"state": state, "label": SlaState(state).label if state else "", "text": text}


@register.filter
def business_minutes(minutes) -> str:
    """A target in business minutes as "8 h", "1 h 30 min"."""
    return "—" if minutes in (None, "") else format_duration(int(minutes) * 60)
