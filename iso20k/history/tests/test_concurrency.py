"""Concurrent writers never fork the chain: several processes append at once, the chain verifies."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
APPEND = """
import django, os
django.setup()
from iso20k.accounts.services import system_actor
from iso20k.history import services
actor = system_actor()
for i in range(int(os.environ["N"])):
    services.record(actor, event="accounts.user.updated", actor=actor, data={"i": i})
"""


def environment(database_url: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO", "DATABASE"))}
    env.update(
        ISO20K_ENV_FILE="",
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="true",
        DATABASE_URL=database_url,
        HISTORY_KEY="test:test-history-key-0123456789abcdef",
        N="25",
    )
    return env


def run_writers(env: dict, writers: int = 4) -> None:
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", APPEND], cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True
        )
        for _ in range(writers)
    ]
    for process in processes:
        _out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err[-2000:]


def verify(env: dict) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", "verify_history"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_four_sqlite_writer_processes_append_without_locking_errors(tmp_path):
    env = environment(f"sqlite:///{tmp_path / 'chain.sqlite3'}")
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
    )
    run_writers(env)
    assert "history chain intact: 100 rows" in verify(env)


def test_four_postgresql_writer_processes_keep_one_chain():
    """Runs when the suite runs on PostgreSQL (DATABASE_URL), against a scratch database."""
    import dj_database_url
    import psycopg

    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.skip("runs when the suite runs on PostgreSQL")
    config = dj_database_url.parse(url)
    name = f"{config['NAME']}_chain_{os.getpid()}"
    admin = psycopg.connect(
        host=config["HOST"] or "127.0.0.1",
        port=config["PORT"] or 5432,
        user=config["USER"],
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        env = environment(url.rsplit("/", 1)[0] + f"/{name}")
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "-v", "0"],
            cwd=ROOT,
            env=env,
            check=True,
            timeout=300,
        )
        run_writers(env)
        assert "history chain intact: 100 rows" in verify(env)
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
