"""The four lapse reports: SLA achievement per service and month, tickets open past their
deadline, the reopen rate, and satisfaction.

Monthly reports read at most (months × services) rows of TicketMonthStat; the overdue list
is an index range on (sla_stage, sla_breach_at) and shows a bounded number of rows.
"""

import datetime
from dataclasses import dataclass, field
from typing import NamedTuple

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext

from iso20k.core.counting import bounded_count
from iso20k.core.i18n import NAME_FIELDS, name_or_code
from iso20k.servicecatalogue.models import Service
from iso20k.slas.querysets import past_due_q

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


SERVICES_SHOWN = 25


class GridOrder:
    WORST = "worst"
    NAME = "name"


class ServiceRow(NamedTuple):
    """One service's line of a grid report: its name, each month's figures, the period."""

    label: str
    per_month: list[MonthFigures]
    total: MonthFigures


@dataclass
class ServiceGrid:
    """A page of a service × month report: `rows` for the services of `page` (a Django page
    of the ranked services; one page of all of them for an export)."""

    rows: list[ServiceRow]
    page: Page

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


def _sums(rows: QuerySet, *group: str) -> QuerySet:
    return rows.values(*group).annotate(**{name: Sum(name) for name in COUNTERS}).order_by()


def _ranked(totals: dict, labels: dict, order: str, metric: str) -> list:
    def by_name(sid):
        return (sid is None, labels[sid].casefold())

    ids = sorted(totals, key=by_name)
    if order == GridOrder.WORST:
        # Lowest first; services with nothing to measure in the period go last.
        ids.sort(
            key=lambda sid: (
                getattr(totals[sid], metric) is None,
                getattr(totals[sid], metric) or 0,
            )
        )
    return ids


def service_grid(
    kind: TicketKind,
    months: list[datetime.date],
    service=None,
    *,
    order: str = GridOrder.NAME,
    metric: str = "resolution_pct",
    page: int = 1,
    size: int | None = SERVICES_SHOWN,
) -> ServiceGrid:
    """Services with activity in the period, ranked by name or by `metric` (lowest first),
    one page of them with their monthly figures. Two aggregate queries and one for names,
    whatever the number of services: the period totals of every service rank them, the
    months are read for the page's services only."""
    stats = _stats(kind, months, service)
    totals = {}
    for row in _sums(stats, "service_id"):
        totals[row["service_id"]] = MonthFigures(months[0])
        totals[row["service_id"]].add(row)
    names = Service.objects.filter(pk__in=[sid for sid in totals if sid is not None])
    labels = {row["pk"]: name_or_code(row) for row in names.values("pk", *NAME_FIELDS)}
    labels[None] = gettext("No service")
    ranked = _ranked(totals, labels, order, metric)
    shown_page = Paginator(ranked, size or max(len(ranked), 1)).get_page(page)
    shown = list(shown_page.object_list)
    per_month = {sid: {m: MonthFigures(m) for m in months} for sid in shown}
    if shown:
        wanted = Q(service_id__in=[sid for sid in shown if sid is not None])
        if None in per_month:
            wanted |= Q(service_id__isnull=True)
        for row in _sums(stats.filter(wanted), "service_id", "month"):
            figures = per_month[row["service_id"]].get(row["month"])
            if figures is not None:
                figures.add(row)
    rows = [ServiceRow(labels[sid], list(per_month[sid].values()), totals[sid]) for sid in shown]
    return ServiceGrid(rows=rows, page=shown_page)


def paused_after_breach_q() -> Q:
    """Open tickets whose clock breached and is now paused (no deadline while paused)."""
    return Q(is_open=True, sla_stage="paused", sla_breached=True)


def overdue_q(now: datetime.datetime) -> Q:
    """Open tickets past their deadline: the running clock is past due, or a clock that
    breached earlier is now paused."""
    return past_due_q(now) | paused_after_breach_q()


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
    running = related.filter(past_due_q(now))
    paused = related.filter(paused_after_breach_q())
    rows = list(running.order_by("sla_breach_at", "id")[:limit])
    # Paused clocks have no breach time, so this is by id, but written as the index's order:
    # ORDER BY id alone made SQLite walk the whole table by rowid looking for paused rows.
    rows = (rows + list(paused.order_by("sla_breach_at", "id")[:limit]))[:limit]
    return rows, bounded_count(tickets, bound=max(limit, 1000)), now
