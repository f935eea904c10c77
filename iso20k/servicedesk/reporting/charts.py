"""ECharts options of the lapse reports (plain data; assets/iso20k/app.js draws them)."""

from django.utils.translation import gettext as _


def _months(totals) -> list[str]:
    return [f.month.strftime("%Y-%m") for f in totals]


def _base(totals, y_name: str, y_max=None) -> dict:
    axis = {"type": "value", "name": y_name, "min": 0}
    if y_max is not None:
        axis["max"] = y_max
    return {
        "tooltip": {"trigger": "axis"},
        "legend": {"bottom": 0},
        "grid": {"left": 48, "right": 48, "top": 36, "bottom": 48, "containLabel": True},
        "xAxis": {"type": "category", "data": _months(totals)},
        "yAxis": [axis],
    }


def achievement(totals) -> dict:
    option = _base(totals, "%", 100)
    option["series"] = [
        {
            "name": _("Resolution target met (%)"),
            "type": "line",
            "data": [f.resolution_pct for f in totals],
            "connectNulls": True,
        },
        {
            "name": _("Response target met (%)"),
            "type": "line",
            "data": [f.response_pct for f in totals],
            "connectNulls": True,
        },
    ]
    return option


def reopens(totals) -> dict:
    option = _base(totals, _("Tickets"))
    option["yAxis"].append({"type": "value", "name": "%", "min": 0})
    option["series"] = [
        {"name": _("Resolved"), "type": "bar", "data": [f.resolved for f in totals]},
        {"name": _("Reopened"), "type": "bar", "data": [f.reopened for f in totals]},
        {
            "name": _("Reopen rate (%)"),
            "type": "line",
            "yAxisIndex": 1,
            "data": [f.reopen_pct for f in totals],
            "connectNulls": True,
        },
    ]
    return option


def satisfaction(totals) -> dict:
    option = _base(totals, _("Average (1–5)"), 5)
    option["yAxis"].append({"type": "value", "name": _("Ratings"), "min": 0})
    option["series"] = [
        {
            "name": _("Average (1–5)"),
            "type": "line",
            "data": [f.rating_average for f in totals],
            "connectNulls": True,
        },
        {"name": _("Ratings"), "type": "bar", "yAxisIndex": 1, "data": [f.rated for f in totals]},
    ]
    return option
