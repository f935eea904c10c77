"""Checks before building anything: a known profile, a reachable database, enough disk.

Each failure is one line naming what is wrong; nothing has been created yet when they run.
"""

import shutil
from pathlib import Path
from urllib.parse import urlparse

from .profiles import PROFILES, Profile


class BenchError(Exception):
    """Stops the benchmark with one line for the operator."""


def profile(name: str) -> Profile:
    if name not in PROFILES:
        raise BenchError(f"unknown profile {name!r}: choose one of {', '.join(PROFILES)}")
    return PROFILES[name]


def database_reachable(url: str) -> None:
    if not url.startswith(("postgres://", "postgresql://")):
        return
    import psycopg

    parts = urlparse(url)
    try:
        psycopg.connect(
            host=parts.hostname or "127.0.0.1",
            port=parts.port or 5432,
            user=parts.username or "postgres",
            password=parts.password or None,
            dbname="postgres",
            connect_timeout=5,
        ).close()
    except psycopg.Error as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise BenchError(
            f"cannot reach PostgreSQL at {parts.hostname}:{parts.port or 5432}: {reason}"
        ) from None


def disk(directory: Path, chosen: Profile, databases: int) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    needed = chosen.bytes_per_db * databases * 2  # the build and its temporary copy
    free = shutil.disk_usage(directory).free
    if free < needed:
        raise BenchError(
            f"not enough disk in {directory}: {free / 1024**3:.1f} GB free, the "
            f"{chosen.name} profile needs about {needed / 1024**3:.1f} GB"
        )
