"""The floor of each scenario: the raw SQL a page needs for the same rows, through a bare
database cursor (no ORM, no template, no middleware). Each function returns a callable that
runs it once. Writes run inside a transaction that is rolled back.
"""

import datetime

from django.db import connection, transaction
from django.utils import timezone

from iso20k.core import search as search_index
from iso20k.history.models import ChainHead, ChangeRecord
from iso20k.incidents.models import Incident
from iso20k.servicerequests.models import ServiceRequest

INC = Incident._meta.db_table
REQ = ServiceRequest._meta.db_table
HIST = ChangeRecord._meta.db_table
HEAD = ChainHead._meta.db_table
PAGE = 26  # a page of 25 plus one to know whether another follows
BOUND = 1001
LIST_COLUMNS = (
    "t.id, t.subject, t.status, t.priority, t.created_at, t.sla_stage, t.sla_breach_at, "
    "t.sla_warning_at, t.sla_breached, s.name_en, s.name_zh_hans, c.name_en, c.name_zh_hans, "
    "g.name_en, g.name_zh_hans, u.username, u.display_name"
)


def joined(table: str) -> str:
    return (
        f"FROM {table} t LEFT JOIN servicecatalogue_service s ON s.id = t.service_id "
        "LEFT JOIN customers_customer c ON c.id = t.customer_id "
        "LEFT JOIN servicedesk_supportgroup g ON g.id = t.assigned_group_id "
        "LEFT JOIN accounts_user u ON u.id = t.assignee_id"
    )


def fetch(sql: str, params=()):
    def run():
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    return run


def both(*runs):
    def run():
        return [r() for r in runs]

    return run


def bounded(where: str, params=(), table: str = INC) -> str:
    return f"SELECT COUNT(*) FROM (SELECT 1 FROM {table} t WHERE {where} LIMIT {BOUND}) x"


def queue_page(after: Incident | None = None):
    if after is None:
        order = "ORDER BY t.created_at DESC, t.id DESC"
        return fetch(f"SELECT {LIST_COLUMNS} {joined(INC)} {order} LIMIT {PAGE}")
    sql = (
        f"SELECT {LIST_COLUMNS} {joined(INC)} WHERE t.created_at <= %s AND "
        "(t.created_at < %s OR (t.created_at = %s AND t.id < %s)) "
        f"ORDER BY t.created_at DESC, t.id DESC LIMIT {PAGE}"
    )
    moment = after.created_at
    return fetch(sql, [moment, moment, moment, after.pk])


def open_by_priority():
    sql = (
        f"SELECT {LIST_COLUMNS} {joined(INC)} WHERE t.is_open "
        f"ORDER BY t.priority, t.created_at, t.id LIMIT {PAGE}"
    )
    if connection.vendor == "sqlite":
        sql = sql.replace("WHERE t.is_open", "WHERE t.is_open = 1")
    return fetch(sql)


def detail(ticket: Incident):
    ticket_sql = f"SELECT {LIST_COLUMNS}, t.description, t.version {joined(INC)} WHERE t.id = %s"
    history_sql = (
        f"SELECT h.seq, h.recorded_at, h.actor_label, h.event, h.changes, h.data FROM {HIST} h "
        "WHERE h.object_type = %s AND h.object_id = %s ORDER BY h.seq DESC LIMIT 50"
    )
    comments_sql = (
        "SELECT m.id, m.body, m.is_public, m.at, a.username FROM incidents_incidentcomment m "
        "JOIN accounts_user a ON a.id = m.author_id WHERE m.incident_id = %s ORDER BY m.at, m.id"
    )
    clocks_sql = (
        "SELECT k.kind, k.stage, k.breach_at, k.remaining_seconds FROM slas_slaclock k "
        "JOIN slas_trackedsubject x ON x.id = k.subject_id "
        "WHERE x.subject_type = %s AND x.subject_id = %s"
    )
    return both(
        fetch(ticket_sql, [ticket.pk]),
        fetch(history_sql, ["incidents.incident", str(ticket.pk)]),
        fetch(comments_sql, [ticket.pk]),
        fetch(clocks_sql, ["incidents.incident", ticket.pk]),
    )


def search_ids(query: str) -> tuple[str, list]:
    """The subquery of matching incident ids, as the search index answers it."""
    terms = search_index.terms_of(query)
    if connection.vendor == "sqlite":
        phrases = []
        for term in terms:
            column, text = ("tokens", f" {term.text} ") if term.is_token else ("body", term.text)
            phrases.append(f'{column} : "{text}"')
        sql = (
            "SELECT e.object_id FROM core_searchentry e WHERE e.object_type = %s AND e.id IN "
            f"(SELECT rowid FROM {search_index.FTS_TABLE} WHERE {search_index.FTS_TABLE} MATCH %s)"
        )
        return sql, ["incidents.incident", " AND ".join(phrases)]
    clauses, params = [], ["incidents.incident"]
    for term in terms:
        if term.is_token:
            clauses.append("e.tokens LIKE %s")
            params.append(f"% {term.text} %")
        else:
            clauses.append("e.body LIKE %s")
            params.append(f"%{term.text}%")
    where = " AND ".join(clauses)
    return (
        f"SELECT e.object_id FROM core_searchentry e WHERE e.object_type = %s AND {where}",
        params,
    )


def searched(query: str):
    ids, params = search_ids(query)
    sql = (
        f"SELECT {LIST_COLUMNS} {joined(INC)} WHERE t.id IN ({ids}) "
        f"ORDER BY t.created_at DESC, t.id DESC LIMIT {PAGE}"
    )
    return fetch(sql, params)


def _is_true(column: str) -> str:
    return f"{column} = 1" if connection.vendor == "sqlite" else column


def dashboard(agent_id=None):
    """Per ticket kind: the 8 open tickets breaching first and the bounded queue counts."""
    now = timezone.now()
    runs = []
    for table in (INC, REQ):
        open_ = _is_true("t.is_open")
        runs.append(
            fetch(
                f"SELECT {LIST_COLUMNS} {joined(table)} WHERE {open_} AND t.sla_stage = 'running' "
                "AND t.sla_breach_at IS NOT NULL ORDER BY t.sla_breach_at, t.id LIMIT 8"
            )
        )
        for where, params in (
            (f"t.assignee_id = %s AND {open_}", [agent_id or 0]),
            (f"t.assignee_id IS NULL AND {open_}", []),
            ("t.sla_stage = 'running' AND t.sla_warning_at <= %s", [now]),
            ("1 = 1", []),
        ):
            runs.append(fetch(bounded(where, table=table), params))
    return both(*runs)


def achievement():
    since = (timezone.now() - datetime.timedelta(days=366)).date().replace(day=1)
    sql = (
        "SELECT m.month, m.service_id, SUM(m.response_met), SUM(m.response_missed), "
        "SUM(m.resolution_met), SUM(m.resolution_missed), SUM(m.opened), SUM(m.resolved) "
        "FROM servicedesk_ticketmonthstat m WHERE m.kind = %s AND m.month >= %s "
        "GROUP BY m.month, m.service_id ORDER BY m.month"
    )
    return fetch(sql, ["incidents.incident", since])


def overdue():
    now = timezone.now()
    sql = (
        f"SELECT {LIST_COLUMNS} {joined(INC)} WHERE t.sla_stage = 'running' "
        f"AND t.sla_breach_at <= %s ORDER BY t.sla_breach_at, t.id LIMIT {PAGE}"
    )
    return both(
        fetch(sql, [now]),
        fetch(bounded("t.sla_stage = 'running' AND t.sla_breach_at <= %s"), [now]),
    )


def portal(customer_id: int):
    runs = []
    for table in (INC, REQ):
        sql = (
            f"SELECT {LIST_COLUMNS} {joined(table)} WHERE t.customer_id = %s "
            f"ORDER BY t.created_at DESC, t.id DESC LIMIT {PAGE}"
        )
        runs.append(fetch(sql, [customer_id]))
    return both(*runs)


def _copy_columns(model) -> str:
    names = [
        f.column
        for f in model._meta.concrete_fields
        if not f.primary_key and not getattr(f, "generated", False)
    ]
    return ", ".join(names)


def _history_copy(cursor) -> None:
    columns = _copy_columns(ChangeRecord).replace("seq", "%s", 1)
    cursor.execute(f"SELECT MAX(seq) FROM {HIST}")
    top = cursor.fetchone()[0]
    cursor.execute(
        f"INSERT INTO {HIST} ({_copy_columns(ChangeRecord)}) SELECT {columns} FROM {HIST} "
        "WHERE seq = %s",
        [top + 1, top],
    )
    cursor.execute(f"UPDATE {HEAD} SET seq = %s WHERE id = 1", [top + 1])


def write_insert():
    """INSERT one incident (a copy of the newest) and its history row, UPDATE the head."""
    columns = _copy_columns(Incident)

    def run():
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SELECT MAX(id) FROM {INC}")
            newest = cursor.fetchone()[0]
            cursor.execute(
                f"INSERT INTO {INC} ({columns}) SELECT {columns} FROM {INC} WHERE id = %s",
                [newest],
            )
            _history_copy(cursor)
            transaction.set_rollback(True)

    return run


def write_update():
    """UPDATE one open incident to resolved (version-checked), stop its clocks, history."""

    def run():
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SELECT id, version FROM {INC} WHERE status = 'in_progress' LIMIT 1")
            pk, version = cursor.fetchone()
            cursor.execute(
                f"UPDATE {INC} SET status = 'resolved', resolved_at = %s, version = version + 1 "
                "WHERE id = %s AND version = %s",
                [timezone.now(), pk, version],
            )
            cursor.execute(
                "UPDATE slas_slaclock SET stage = 'stopped', stopped_at = %s WHERE subject_id IN "
                "(SELECT id FROM slas_trackedsubject WHERE subject_type = %s AND subject_id = %s)",
                [timezone.now(), "incidents.incident", pk],
            )
            _history_copy(cursor)
            transaction.set_rollback(True)

    return run
