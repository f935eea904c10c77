"""Database triggers that refuse UPDATE, DELETE (and TRUNCATE on PostgreSQL) of history rows.

Installed by migration 0002 on both databases. `suspended()` lifts them only for the test
suite's table flush; nothing in the product calls it.
"""

import contextlib
from collections.abc import Iterator

from django.db import connection

TABLE = "history_changerecord"
TRIGGER_NAMES = {
    "postgresql": ["history_no_update_delete", "history_no_truncate"],
    "sqlite": ["history_no_update", "history_no_delete"],
}

POSTGRES_INSTALL = [
    """
    CREATE OR REPLACE FUNCTION history_refuse_change() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION 'history rows are append-only: % refused', TG_OP
            USING ERRCODE = 'insufficient_privilege';
    END;
    $$ LANGUAGE plpgsql
    """,
    f"""CREATE TRIGGER history_no_update_delete BEFORE UPDATE OR DELETE ON {TABLE}
        FOR EACH ROW EXECUTE FUNCTION history_refuse_change()""",
    f"""CREATE TRIGGER history_no_truncate BEFORE TRUNCATE ON {TABLE}
        FOR EACH STATEMENT EXECUTE FUNCTION history_refuse_change()""",
]
POSTGRES_REMOVE = [
    f"DROP TRIGGER IF EXISTS history_no_update_delete ON {TABLE}",
    f"DROP TRIGGER IF EXISTS history_no_truncate ON {TABLE}",
    "DROP FUNCTION IF EXISTS history_refuse_change()",
]
SQLITE_INSTALL = [
    f"""CREATE TRIGGER IF NOT EXISTS history_no_update BEFORE UPDATE ON {TABLE}
        BEGIN SELECT RAISE(ABORT, 'history rows are append-only: UPDATE refused'); END""",
    f"""CREATE TRIGGER IF NOT EXISTS history_no_delete BEFORE DELETE ON {TABLE}
        BEGIN SELECT RAISE(ABORT, 'history rows are append-only: DELETE refused'); END""",
]
SQLITE_REMOVE = [
    "DROP TRIGGER IF EXISTS history_no_update",
    "DROP TRIGGER IF EXISTS history_no_delete",
]


def install(conn=connection) -> None:
    statements = POSTGRES_INSTALL if conn.vendor == "postgresql" else SQLITE_INSTALL
    with conn.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def remove(conn=connection) -> None:
    statements = POSTGRES_REMOVE if conn.vendor == "postgresql" else SQLITE_REMOVE
    with conn.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def installed_triggers(conn=connection) -> set[str]:
    with conn.cursor() as cursor:
        if conn.vendor == "postgresql":
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = %s::regclass AND NOT tgisinternal",
                [TABLE],
            )
        else:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s", [TABLE]
            )
        return {name for (name,) in cursor.fetchall()}


@contextlib.contextmanager
def suspended(conn=connection) -> Iterator[None]:
    """Test-suite only: lift the triggers while the test database is flushed."""
    remove(conn)
    try:
        yield
    finally:
        install(conn)
