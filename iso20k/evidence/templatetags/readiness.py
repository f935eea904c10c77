"""Presentation of readiness: one colour and icon per status and score band, used everywhere."""

from django import template

register = template.Library()

STATUS_STYLE = {
    "pass": ("bg-green-lt", "ti-circle-check"),
    "warning": ("bg-yellow-lt", "ti-alert-triangle"),
    "fail": ("bg-red-lt", "ti-circle-x"),
    "error": ("bg-red-lt", "ti-bug"),
    "no_data": ("bg-orange-lt", "ti-help-circle"),
    "n/a": ("bg-secondary-lt", "ti-minus"),
}


@register.filter
def status_class(status: str) -> str:
    return STATUS_STYLE.get(status, ("bg-secondary-lt", "ti-point"))[0]


@register.filter
def status_icon(status: str) -> str:
    return STATUS_STYLE.get(status, ("bg-secondary-lt", "ti-point"))[1]


@register.filter
def status_label(status: str) -> str:
    """The status's name in the reader's language ("fail" -> "Fail" / "不通过")."""
    from ..results import Status

    return str(Status(status).label) if status in Status.values else status


@register.filter
def figure_label(key: str) -> str:
    from ..figures import label

    return label(key)


@register.filter
def score_band(score) -> str:
    """CSS class of a score: the heat map's colour scale."""
    if score is None:
        return "score-none"
    value = float(score)
    for limit, band in ((90, "score-5"), (70, "score-4"), (50, "score-3"), (25, "score-2")):
        if value >= limit:
            return band
    return "score-1"
