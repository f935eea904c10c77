"""The timeline (Gantt-style) of a programme: milestones with their tasks as bars on dates.

Positions are percentages of the shown range, computed here so the template only draws.
Bars that run past the range are clipped and say so.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from .choices import MilestoneStatus, TaskStatus
from .querysets import today as local_today


@dataclass(frozen=True)
class Bar:
    left: float
    width: float
    clipped_start: bool
    clipped_end: bool


def _bar(start: date, end: date, first: date, last: date) -> Bar | None:
    if end < first or start > last:
        return None
    span = (last - first).days + 1
    begin, finish = max(start, first), min(end, last)
    left = 100 * (begin - first).days / span
    width = max(100 * ((finish - begin).days + 1) / span, 0.6)
    return Bar(round(left, 2), round(min(width, 100 - left), 2), start < first, end > last)


def _months(first: date, last: date) -> list[tuple[date, float]]:
    span = (last - first).days + 1
    months, cursor = [], date(first.year, first.month, 1)
    while cursor <= last:
        if cursor >= first:
            months.append((cursor, round(100 * (cursor - first).days / span, 2)))
        cursor = date(cursor.year + cursor.month // 12, cursor.month % 12 + 1, 1)
    return months


def _task_rows(tasks, first: date, last: date, at: date) -> dict:
    by_milestone: dict[int | None, list] = {}
    for task in tasks:
        start = task.starts_on or min(task.due_on, timezone.localdate(task.created_at))
        row = {
            "task": task,
            "bar": _bar(start, task.due_on, first, last),
            "overdue": task.is_open and task.due_on < at,
        }
        by_milestone.setdefault(task.milestone_id, []).append(row)
    return by_milestone


def _group(milestone, tasks: list, first: date, last: date, at: date) -> dict:
    actual = None
    if milestone.actual_start_on:
        actual = _bar(milestone.actual_start_on, milestone.actual_end_on or at, first, last)
    return {
        "milestone": milestone,
        "bar": _bar(milestone.planned_start_on, milestone.planned_end_on, first, last),
        "actual": actual,
        "overdue": milestone.status != MilestoneStatus.DONE and milestone.planned_end_on < at,
        "tasks": tasks,
    }


def build(programme, *, whole: bool = False, at: date | None = None) -> dict:
    """Rows of the timeline in two queries: each milestone, then its tasks; unlinked last."""
    at = at or local_today()
    milestones = list(programme.milestones.all())
    tasks = list(
        programme.tasks.exclude(status=TaskStatus.CANCELLED)
        .select_related("owner")
        .order_by("due_on", "pk")
    )
    first = min([programme.starts_on, *[m.planned_start_on for m in milestones]])
    ends = [programme.target_on, *[t.due_on for t in tasks]]
    if whole:
        ends += [m.planned_end_on for m in milestones]
    last = max(ends) + timedelta(days=14)
    by_milestone = _task_rows(tasks, first, last, at)
    today_bar = _bar(at, at, first, last)
    return {
        "first": first,
        "last": last,
        "months": _months(first, last),
        "today_left": today_bar.left if today_bar else None,
        "groups": [_group(m, by_milestone.get(m.pk, []), first, last, at) for m in milestones],
        "unlinked": by_milestone.get(None, []),
        "whole": whole,
    }
