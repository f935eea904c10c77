"""The four lapse reports: SLA achievement per service and month, tickets open past their
deadline, the reopen rate, and satisfaction.

Monthly reports read at most (months × services) rows of TicketMonthStat; the overdue list
is an index range on (sla_stage, sla_breach_at) and shows a bounded number of rows.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet, Sum
from django.utils import timezone

from iso20k.core.counting import bounded_count

from ..kinds import TicketKind
from ..models import TicketMonthStat

# A page an agent reads at a glance; the export holds every overdue ticket. At 200 rows the
# page spent most of its time rendering rows nobody scrolls to.
OVERDUE_SHOWN = 50
EXPORT_LIMIT = 10_000
COUNTERS = [
    "opened",
    "resolved",
    "reopened",
    "response_met",
    "response_missed",
    "resolution_met",
    "resolution_missed",
    "rated",
    "rating_total",
]


def months_back(count: int, today: datetime.date | None = None) -> list[datetime.date]:
    """The first days of the last `count` months, oldest first, this month included."""
    today = today or timezone.localdate()
    month = today.replace(day=1)
    months = []
    for _ in range(count):
        months.append(month)
        month = (month - datetime.timedelta(days=1)).replace(day=1)
    return months[::-1]


def percent(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


@dataclass
class MonthFigures:
    month: datetime.date
    service: object = None
    values: dict = field(default_factory=lambda: dict.fromkeys(COUNTERS, 0))

    def add(self, row) -> None:
        for name in COUNTERS:
            self.values[name] += getattr(row, name) if not isinstance(row, dict) else row[name]

    def __getattr__(self, name):
        values = self.__dict__.get("values", {})
        if name in values:
            return values[name]
        raise AttributeError(name)

    @property
    def resolution_pct(self) -> float | None:
        return percent(self.resolution_met, self.resolution_met + self.resolution_missed)

    @property
    def response_pct(self) -> float | None:
        return percent(self.response_met, self.response_met + self.response_missed)

    @property
    def reopen_pct(self) -> float | None:
        return percent(self.reopened, self.resolved)

    @property
    def rating_average(self) -> float | None:
        return round(self.rating_total / self.rated, 2) if self.rated else None


def _stats(kind: TicketKind, months: list[datetime.date], service=None) -> QuerySet:
    rows = TicketMonthStat.objects.filter(kind=kind.key, month__gte=months[0])
    return rows.filter(service=service) if service is not None else rows


def by_month(kind: TicketKind, months: list[datetime.date], service=None) -> list[MonthFigures]:
    """One row per month, all services together (one aggregate query)."""
    totals = {m: MonthFigures(m) for m in months}
    sums = (
        _stats(kind, months, service)
        .values("month")
        .annotate(**{name: Sum(name) for name in COUNTERS})
    )
    for row in sums:
        if row["month"] in totals:
            totals[row["month"]].add(row)
    return list(totals.values())


def by_service_and_month(kind: TicketKind, months: list[datetime.date], service=None):
    """[(service, [MonthFigures per month], total)] for services with any activity."""
    rows = _stats(kind, months, service).select_related("service")
    grid: dict = {}
    for row in rows:
        key = row.service_id
        if key not in grid:
            grid[key] = (row.service, {m: MonthFigures(m, row.service) for m in months})
        if row.month in grid[key][1]:
            grid[key][1][row.month].add(row)
    result = []
    for service_obj, per_month in grid.values():
        total = MonthFigures(months[0], service_obj)
        for figures in per_month.values():
            total.add(figures.values)
        result.append((service_obj, list(per_month.values()), total))
    return sorted(result, key=lambda item: (item[0] is None, str(item[0] or "")))


def overdue_q(now: datetime.datetime) -> Q:
    """Open tickets past their deadline: the running clock is past due, or a clock that
    breached earlier is now paused."""
    return Q(is_open=True) & (
        Q(sla_stage="running", sla_breach_at__lte=now) | Q(sla_stage="paused", sla_breached=True)
    )


def overdue(kind: TicketKind, user, *, service=None, limit: int = OVERDUE_SHOWN):
    """(the first `limit` overdue tickets, most overdue first; their bounded count; now)."""
    now = timezone.now()
    visible = kind.visible(user)
    if service is not None:
        visible = visible.filter(service=service)
    tickets = visible.filter(overdue_q(now))
    # Each branch of overdue_q reads its own index range (sla_stage, sla_breach_at, id); the
    # OR of both made the databases read every open ticket and sort them. Paused tickets have
    # no deadline while paused, so they follow the running ones (two queries at any size).
    related = visible.select_related("service", "customer", "assigned_group", "assignee")
    running = related.filter(is_open=True, sla_stage="running", sla_breach_at__lte=now)
    paused = related.filter(is_open=True, sla_stage="paused", sla_breached=True)
    rows = list(running.order_by("sla_breach_at", "id")[:limit])
    # Paused clocks have no breach time, so this is by id, but written as the index's order:
    # ORDER BY id alone made SQLite walk the whole table by rowid looking for paused rows.
    rows = (rows + list(paused.order_by("sla_breach_at", "id")[:limit]))[:limit]
    return rows, bounded_count(tickets, bound=max(limit, 1000)), now
