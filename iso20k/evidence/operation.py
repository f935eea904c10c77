"""Has a process really run for the required period? Judged from when its records entered
the system (database-stamped `created_at`), never from business dates an import may carry.

Certification bodies expect records spread over at least three months of operation, not
typed in a burst before the audit. operation_status() returns the status and the figures.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Min, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from .registry import check
from .results import Status

REQUIRED_DAYS = 90
MIN_ACTIVE_WEEKS = 8  # of the ~13 weeks in 90 days, records entered in at least this many
MAX_BURST_SHARE = 0.5  # no single week may hold more than half of the period's records
MIN_RECORDS = 10
WEEK = timedelta(days=7)


@dataclass(frozen=True)
class Operation:
    status: str
    params: dict


def operation_status(records: QuerySet, at: datetime, *, days: int = REQUIRED_DAYS) -> Operation:
    """Judge `records` (a queryset with created_at) as of `at` against the operating rule."""
    existing = records.filter(created_at__lte=at)
    window_start = at - timedelta(days=days)
    span = existing.aggregate(first=Min("created_at"), total=Count("pk"))
    total = span["total"]
    if total == 0:
        return Operation(
            Status.FAIL,
            {"days": 0, "required": days, "records": 0, "active_weeks": 0, "burst_share": 0.0},
        )
    operated_days = (at - span["first"]).days
    # Records per 7-day period of the window, in one pass over the window's rows (plain
    # comparisons the database does itself, not a date function called per row).
    periods = [
        (window_start + n * WEEK, min(window_start + (n + 1) * WEEK, at))
        for n in range(-(-days // 7))
    ]
    counts = existing.filter(created_at__gt=window_start).aggregate(
        **{
            f"p{n}": Count("pk", filter=Q(created_at__gt=begin, created_at__lte=end))
            for n, (begin, end) in enumerate(periods)
        }
    )
    weeks = [count for count in counts.values() if count]
    in_window = sum(weeks)
    burst = round(max(weeks) / in_window, 3) if in_window else 0.0
    params = {
        "days": operated_days,
        "required": days,
        "records": total,
        "active_weeks": len(weeks),
        "burst_share": round(burst * 100, 1),
        "first": span["first"].date().isoformat(),
    }
    if operated_days < days or total < MIN_RECORDS:
        return Operation(Status.FAIL if operated_days < days else Status.NOT_ENOUGH_DATA, params)
    if len(weeks) < MIN_ACTIVE_WEEKS or burst > MAX_BURST_SHARE:
        return Operation(Status.WARNING, params)
    return Operation(Status.PASS, params)


OPERATION_MESSAGES = {
    Status.PASS: _(
        "Operated for %(days)s days since %(first)s: %(records)s records, entered in "
        "%(active_weeks)s of the last %(weeks)s weeks, at most %(burst_share)s%% in one week."
    ),
    Status.WARNING: _(
        "Operated for %(days)s days, but the records of the last %(required)s days were entered "
        "in only %(active_weeks)s weeks, up to %(burst_share)s%% of them in one week: a burst "
        "rather than steady operation."
    ),
    Status.FAIL: _(
        "Operated for %(days)s of the %(required)s days required (%(records)s records so far)."
    ),
    Status.NOT_ENOUGH_DATA: _(
        "Only %(records)s records in %(days)s days; at least %(minimum)s are needed to judge "
        "operation."
    ),
}


def operation_check(
    code: str, *, clauses: list[str], depends_on: list[str], title, records: Callable
) -> None:
    """Register the 90-day rule for one process, judged on the queryset `records()` returns."""

    def operated(ctx):
        result = operation_status(records(), ctx.at)
        params = {**result.params, "minimum": MIN_RECORDS, "weeks": -(-REQUIRED_DAYS // 7)}
        return ctx.result(result.status, params)

    operated.__name__ = operated.__qualname__ = code.replace(".", "_").replace("-", "_")
    check(code, clauses=clauses, depends_on=depends_on, title=title, messages=OPERATION_MESSAGES)(
        operated
    )
