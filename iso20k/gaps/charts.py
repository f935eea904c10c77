"""Presentation data of assessments: the heat map tiles and the comparison chart."""

from django.utils.translation import gettext as _

from .choices import POINTS, Rating
from .querysets import by_section, score, section_of

# One CSS class per rating; the template always shows the rating's short code beside it.
TILE = {
    Rating.NOT_RATED: ("tile-unrated", "?"),
    Rating.NOT_ADDRESSED: ("tile-0", "0"),
    Rating.INITIAL: ("tile-1", "1"),
    Rating.DEFINED: ("tile-2", "2"),
    Rating.CONFORMING: ("tile-3", "3"),
    Rating.NOT_APPLICABLE: ("tile-na", "N/A"),
}


def heat_map(ratings, open_gaps: dict | None = None) -> list[dict]:
    """Sections 4–10, each with a tile per clause and the section's score."""
    from iso20k.catalogue.models import Clause

    open_gaps = open_gaps or {}
    tops = {c.number: c for c in Clause.objects.current().filter(parent__isnull=True)}
    sections = []
    for number, rows in by_section(ratings).items():
        sections.append(
            {
                "number": number,
                "clause": tops.get(number),
                "score": score(rows),
                "tiles": [
                    {
                        "rating": r,
                        "css": TILE[r.rating][0],
                        "code": TILE[r.rating][1],
                        "gaps": open_gaps.get(r.clause_id, 0),
                    }
                    for r in rows
                ],
            }
        )
    return sections


def comparison_chart(first, second, changes) -> dict:
    """Average maturity (0–3) per section, before and after, as a grouped bar chart."""
    before: dict[str, list] = {}
    after: dict[str, list] = {}
    for change in changes:
        section = section_of(change.clause.number)
        if change.before in POINTS:
            before.setdefault(section, []).append(POINTS[change.before])
        if change.after in POINTS:
            after.setdefault(section, []).append(POINTS[change.after])
    sections = sorted(set(before) | set(after), key=int)

    def average(values):
        return round(sum(values) / len(values), 2) if values else 0

    return {
        "tooltip": {"trigger": "axis"},
        "legend": {"data": [str(first), str(second)], "top": 0, "type": "scroll"},
        "grid": {"left": 8, "right": 8, "top": 44, "bottom": 8, "containLabel": True},
        "xAxis": {
            "type": "category",
            "data": [_("Clause %(n)s") % {"n": s} for s in sections],
            "axisLabel": {"interval": 0},
        },
        "yAxis": {"type": "value", "min": 0, "max": 3, "interval": 1},
        "series": [
            {
                "name": str(first),
                "type": "bar",
                "data": [average(before.get(s, [])) for s in sections],
                "itemStyle": {"color": "#a6c4e8"},
            },
            {
                "name": str(second),
                "type": "bar",
                "data": [average(after.get(s, [])) for s in sections],
                "itemStyle": {"color": "#2fb344"},
            },
        ],
    }


def legend(score=None) -> list[dict]:
    """The ratings in scale order with their tile look and, given a score, their counts."""
    order = [
        Rating.NOT_ADDRESSED,
        Rating.INITIAL,
        Rating.DEFINED,
        Rating.CONFORMING,
        Rating.NOT_APPLICABLE,
        Rating.NOT_RATED,
    ]
    return [
        {
            "value": value,
            "label": Rating(value).label,
            "css": TILE[value][0],
            "code": TILE[value][1],
            "count": score.counts.get(value, 0) if score else None,
        }
        for value in order
    ]
