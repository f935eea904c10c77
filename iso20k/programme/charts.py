"""ECharts options of the programme pages (data only; app.js draws them)."""

from django.utils.translation import gettext as _

from .choices import BudgetCategory


def budget_chart(by_category: list[dict]) -> dict:
    """Planned against actual spending per category, as a grouped bar chart."""
    labels = dict(BudgetCategory.choices)
    names = [str(labels.get(row["category"], row["category"])) for row in by_category]
    return {
        "tooltip": {"trigger": "axis"},
        "legend": {"data": [_("Planned"), _("Actual")], "top": 0},
        "grid": {"left": 8, "right": 8, "top": 36, "bottom": 8, "containLabel": True},
        "xAxis": {"type": "category", "data": names, "axisLabel": {"interval": 0, "rotate": 30}},
        "yAxis": {"type": "value"},
        "series": [
            {
                "name": _("Planned"),
                "type": "bar",
                "data": [float(row["planned"]) for row in by_category],
                "itemStyle": {"color": "#a6c4e8"},
            },
            {
                "name": _("Actual"),
                "type": "bar",
                "data": [float(row["actual"]) for row in by_category],
                "itemStyle": {"color": "#206bc4"},
            },
        ],
    }
