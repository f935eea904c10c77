"""Where each benchmark database lives, built under a temporary name and renamed on success.

SQLite: var/bench/<profile>.sqlite3 (built as <profile>.sqlite3.tmp). PostgreSQL:
iso20k_bench_<profile> (built as iso20k_bench_<profile>_tmp). A built database carries a
bench_meta table (profile, seed, schema fingerprint); a second run with the same identity
reuses it. Any failure or Ctrl-C drops the temporary database, never the built one.
"""

import contextlib
import hashlib
import json
import os
import sqlite3
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "bench"
BUILDER_VERSION = 1
# What the built data depends on: the schema and the code that generates the rows.
FINGERPRINTED = ["bench/corpus.py", "bench/rows.py", "bench/build.py", "bench/profiles.py"]


def identity(profile) -> dict:
    digest = hashlib.sha256()
    for path in sorted(ROOT.glob("iso20k/*/migrations/*.py")) + [ROOT / p for p in FINGERPRINTED]:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return {
        "profile": profile.name,
        "seed": profile.seed,
        "builder": BUILDER_VERSION,
        "schema": digest.hexdigest()[:16],
    }


class SqliteTarget:
    vendor = "sqlite"

    def __init__(self, profile) -> None:
        self.final = VAR / f"{profile.name}.sqlite3"
        self.temporary = VAR / f"{profile.name}.sqlite3.tmp"

    def url(self, temporary: bool = False) -> str:
        return f"sqlite:///{self.temporary if temporary else self.final}"

    def meta(self) -> dict:
        if not self.final.exists():
            return {}
        with contextlib.closing(sqlite3.connect(self.final)) as db:
            try:
                rows = db.execute("SELECT name, value FROM bench_meta").fetchall()
            except sqlite3.DatabaseError:
                return {}
        return {name: json.loads(value) for name, value in rows}

    def prepare(self) -> None:
        self.drop_temporary()

    def promote(self) -> None:
        with contextlib.closing(sqlite3.connect(self.temporary)) as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            db.execute("PRAGMA journal_mode=DELETE")
        for suffix in ("-wal", "-shm"):
            Path(f"{self.final}{suffix}").unlink(missing_ok=True)
        os.replace(self.temporary, self.final)
        self.drop_temporary()

    def drop_temporary(self) -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{self.temporary}{suffix}").unlink(missing_ok=True)

    def version(self) -> str:
        return f"SQLite {sqlite3.sqlite_version}"


class PostgresTarget:
    vendor = "postgresql"

    def __init__(self, profile, server_url: str) -> None:
        self.server = urlparse(server_url)
        self.final = f"iso20k_bench_{profile.name}"
        self.temporary = f"{self.final}_tmp"

    def url(self, temporary: bool = False) -> str:
        name = self.temporary if temporary else self.final
        return urlunparse(self.server._replace(path=f"/{name}"))

    def _connect(self, dbname: str = "postgres"):
        import psycopg

        return psycopg.connect(
            host=self.server.hostname or "127.0.0.1",
            port=self.server.port or 5432,
            user=self.server.username or "postgres",
            password=self.server.password or None,
            dbname=dbname,
            autocommit=True,
            connect_timeout=5,
        )

    def _exists(self, name: str) -> bool:
        with self._connect() as db:
            return bool(
                db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            )

    def meta(self) -> dict:
        import psycopg

        if not self._exists(self.final):
            return {}
        try:
            with self._connect(self.final) as db:
                rows = db.execute("SELECT name, value FROM bench_meta").fetchall()
        except psycopg.Error:
            return {}
        return {name: json.loads(value) for name, value in rows}

    def _drop(self, db, name: str) -> None:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def prepare(self) -> None:
        with self._connect() as db:
            self._drop(db, self.temporary)
            db.execute(f'CREATE DATABASE "{self.temporary}"')

    def promote(self) -> None:
        with self._connect() as db:
            self._drop(db, self.final)
            db.execute(f'ALTER DATABASE "{self.temporary}" RENAME TO "{self.final}"')

    def drop_temporary(self) -> None:
        with self._connect() as db:
            self._drop(db, self.temporary)

    def version(self) -> str:
        with self._connect() as db:
            return "PostgreSQL " + db.execute("SHOW server_version").fetchone()[0].split()[0]

    def peer_url(self, profile) -> str:
        return urlunparse(self.server._replace(path=f"/iso20k_bench_peer_{profile.name}"))

    def recreate(self, name: str) -> None:
        with self._connect() as db:
            self._drop(db, name)
            db.execute(f'CREATE DATABASE "{name}"')
