"""Template helpers of SLAs: the state pill, durations in business terms, stored moments."""

from django import template
from django.utils.dateparse import parse_datetime
from django.utils.html import format_html

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


# state: (badge colour, icon, whether the time left is shown)
PILL_LOOK = {
    "on_track": ("bg-green-lt", "ti-clock-check", True),
    "warning": ("bg-yellow-lt", "ti-alert-triangle", True),
    "breached": ("bg-red-lt", "ti-clock-exclamation", True),
    "paused": ("bg-azure-lt", "ti-player-pause", True),
    "met": ("bg-green-lt", "ti-circle-check", False),
    "missed": ("bg-red-lt", "ti-circle-x", False),
    "unknown": ("bg-purple-lt", "ti-help-circle", False),
    "cancelled": ("bg-secondary-lt", "ti-ban", False),
}


@register.simple_tag
def sla_pill(state: str, text: str = ""):
    """The SLA state as a coloured pill with the business time left where it matters (drawn
    with format_html: queue pages draw one per row)."""
    from ..choices import SlaState

    colour, icon, timed = PILL_LOOK.get(state, ("bg-secondary-lt", "ti-minus", False))
    label = SlaState(state).label if state else ""
    shown = format_html("{} · {}", label, text) if timed and text else label
    return format_html(
        '<span class="badge {} sla-pill" data-sla-state="{}"><i class="ti {}" aria-hidden="true">'
        "</i>{}</span>",
        colour,
        state if state in PILL_LOOK else "none",
        icon,
        shown,
    )


@register.filter
def business_minutes(minutes) -> str:
    """A target in business minutes as "8 h", "1 h 30 min"."""
    return "—" if minutes in (None, "") else format_duration(int(minutes) * 60)
