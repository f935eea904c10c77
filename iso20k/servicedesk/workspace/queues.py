"""Queues of the agent's workspace: the tickets a filter selects, one keyset page at a time.

build_page() reads the cleaned filter, narrows what access.py lets the user see, orders by
an indexed sort key + id and returns one page (never OFFSET), the SLA state of each row
(stored columns plus one query for the page's calendars: no clock is computed per row)
and the queue counts, each bounded ("1,000+") so that a big table is never counted whole.
Every list query is a range on one of the indexes of servicedesk.models.ticket_indexes.
"""

import re
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from iso20k.core import keyset, search
from iso20k.core.counting import BoundedCount, bounded_count, bounded_counts
from iso20k.slas.choices import SlaState
from iso20k.slas.display import describe_rows
from iso20k.slas.querysets import breaching_soon_q, past_due_q

from ..choices import Queue, SortOrder
from ..kinds import TicketKind
from ..querysets import group_ids_of
from .filters import OPEN

PAGE_SIZE = 25
SEARCH_WINDOW = 5000
ORDERINGS = {
    SortOrder.NEWEST: keyset.Ordering.of("-created_at", "-id"),
    SortOrder.OLDEST: keyset.Ordering.of("created_at", "id"),
    SortOrder.PRIORITY: keyset.Ordering.of("priority", "created_at", "id"),
    SortOrder.DUE: keyset.Ordering.of("sla_breach_at", "id"),
}
REFERENCE = re.compile(r"^\s*(?:[a-z]{2,3}-)?0*(\d{1,12})\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class QueuePage:
    rows: list
    sla: dict
    page: keyset.KeysetPage
    total: BoundedCount
    counts: dict[str, BoundedCount]
    queue: str
    sort: str
    searched: bool
    short_query: bool
    bad_cursor: bool
    search_window: int | None = None  # the count is a lower bound read among this many matches


def queue_q(queue: str, user, now) -> Q:
    if queue == Queue.MINE:
        return Q(assignee=user, is_open=True)
    if queue == Queue.GROUP:
        return Q(assigned_group__in=group_ids_of(user), is_open=True)
    if queue == Queue.UNASSIGNED:
        return Q(assignee__isnull=True, is_open=True)
    if queue == Queue.BREACHING:
        return breaching_soon_q(now)
    return Q()


def sla_q(state: str, now) -> Q:
    if state == SlaState.BREACHED:
        return past_due_q(now) | Q(sla_stage__in=["running", "paused"], sla_breached=True)
    if state == SlaState.WARNING:
        return Q(sla_stage="running", sla_warning_at__lte=now, sla_breach_at__gt=now)
    if state == SlaState.ON_TRACK:
        return Q(sla_stage="running", sla_breach_at__gt=now) & (
            Q(sla_warning_at__gt=now) | Q(sla_warning_at__isnull=True)
        )
    if state == SlaState.PAUSED:
        return Q(sla_stage="paused")
    if state == "ever_breached":
        return Q(sla_ever_breached=True)
    return Q()


def _search(tickets: QuerySet, kind: TicketKind, query: str, window: int | None) -> QuerySet:
    match = REFERENCE.match(query)
    if match:
        return tickets.filter(pk=int(match.group(1)))
    return tickets.filter(pk__in=search.matching_ids(kind.key, query, newest=window))


def filtered(kind: TicketKind, user, form, now, *, search_window: int | None = None) -> QuerySet:
    """The tickets the filter selects among those the user may see (no ordering)."""
    tickets = kind.visible(user).filter(
        queue_q(form.value("queue", default_queue(kind, user)), user, now)
    )
    status = form.value("status")
    if status == OPEN:
        tickets = tickets.filter(is_open=True)
    elif status:
        tickets = tickets.filter(status=status)
    for name in ("priority", "category", "service", "customer"):
        value = form.value(name)
        if value:
            tickets = tickets.filter(**{name: value})
    if form.value("group"):
        tickets = tickets.filter(assigned_group=form.value("group"))
    if form.value("assignee"):
        tickets = tickets.filter(assignee=form.value("assignee"))
    if form.value("major"):
        tickets = tickets.filter(is_major=True)
    tickets = tickets.filter(sla_q(form.value("sla", ""), now))
    query = form.value("q", "")
    if query and (search.is_searchable(query) or REFERENCE.match(query)):
        tickets = _search(tickets, kind, query, search_window)
    return tickets


def default_queue(kind: TicketKind, user) -> str:
    return Queue.MINE if kind.can_work(user) else Queue.ALL


def sort_of(form, queue: str) -> str:
    if queue == Queue.BREACHING:
        return SortOrder.DUE
    return form.value("sort", SortOrder.NEWEST)


def queue_counts(kind: TicketKind, user, now) -> dict[str, BoundedCount]:
    """The bounded size of each working queue (one LIMITed count each)."""
    visible = kind.visible(user)
    names = [Queue.MINE, Queue.GROUP, Queue.UNASSIGNED, Queue.BREACHING, Queue.ALL]
    if not kind.can_work(user):
        names = [Queue.UNASSIGNED, Queue.BREACHING, Queue.ALL]
    return bounded_counts({name: visible.filter(queue_q(name, user, now)) for name in names})


def _windowed(form, sort: str) -> bool:
    """Whether the newest-first search window can serve this page (see build_page)."""
    query = form.value("q", "")
    reads_forward = not form.value("before") and form.value("page") != "last"
    return (
        sort == SortOrder.NEWEST
        and reads_forward
        and search.is_searchable(query)
        and not REFERENCE.match(query)
    )


def build_page(kind: TicketKind, user, form, *, with_counts: bool = True) -> QueuePage:
    """One page of the queue.

    A search sorted newest first whose words match more than SEARCH_WINDOW entries reads
    the newest SEARCH_WINDOW of them: entries are written when tickets are, so the newest
    matches are the newest tickets, and a common word ("database" in 20,000 tickets) costs a
    page instead of every match. When the window cannot fill the page and prove there is a
    next one, the whole search runs. A windowed total is a lower bound ("137+").
    """
    now = timezone.now()
    queue = form.value("queue", default_queue(kind, user))
    sort = sort_of(form, queue)
    window = None
    if _windowed(form, sort) and search.window_is_full(kind.key, form.value("q"), SEARCH_WINDOW):
        window = SEARCH_WINDOW
    page, tickets, bad_cursor = _read_page(kind, user, form, now, sort, window)
    if window and not page.has_next:
        window = None
        page, tickets, bad_cursor = _read_page(kind, user, form, now, sort, None)
    total = bounded_count(tickets)
    if window and total.exact:
        total = BoundedCount(value=total.value, exact=False, bound=total.value)
    query = form.value("q", "")
    return QueuePage(
        rows=page.rows,
        sla=describe_rows(page.rows, now),
        page=page,
        total=total,
        counts=queue_counts(kind, user, now) if with_counts else {},
        queue=queue,
        sort=sort,
        searched=bool(query),
        short_query=bool(query) and not search.is_searchable(query) and not REFERENCE.match(query),
        bad_cursor=bad_cursor,
        search_window=window,
    )


def _read_page(kind, user, form, now, sort: str, window: int | None) -> tuple:
    """(the keyset page, the filtered tickets it came from, whether the cursor was bad)."""
    tickets = filtered(kind, user, form, now, search_window=window)
    if sort == SortOrder.DUE:
        tickets = tickets.filter(sla_breach_at__isnull=False)
    rows_qs = tickets.select_related("service", "customer", "assigned_group", "assignee")
    direction, cursor = keyset.NEXT, form.value("after")
    if form.value("before"):
        direction, cursor = keyset.PREVIOUS, form.value("before")
    elif form.value("page") == "last":
        direction, cursor = keyset.LAST, None
    bad_cursor = False
    try:
        page = keyset.paginate(
            rows_qs, ORDERINGS[sort], cursor=cursor, direction=direction, size=PAGE_SIZE
        )
    except keyset.InvalidCursor:
        bad_cursor = True
        page = keyset.paginate(rows_qs, ORDERINGS[sort], size=PAGE_SIZE)
    return page, tickets, bad_cursor
