"""iso20k's side of the benchmark, run by bench.__main__ in a child process per database.

    python -m bench.side build|measure|http-setup --profile tiny --out result.json

The database comes from DATABASE_URL (set by the orchestrator to the temporary or the
built database). `build` migrates, builds (bench.build), verifies the history chain and
stores the meta row the orchestrator reads to reuse a build; `measure` runs the in-process
scenarios (bench.scenarios); `http-setup` prints a session cookie for the HTTP run.
"""

import argparse
import json
import os
import sys
import time

META_TABLE = "bench_meta"


def setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def write_meta(meta: dict) -> None:
    from django.db import connection, transaction

    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {META_TABLE} (name varchar(40) PRIMARY KEY, value text)"
        )
        cursor.execute(f"DELETE FROM {META_TABLE}")
        for name, value in meta.items():
            cursor.execute(
                f"INSERT INTO {META_TABLE} (name, value) VALUES (%s, %s)", [name, json.dumps(value)]
            )


def build(profile, identity: dict) -> dict:
    from django.core.management import call_command

    from iso20k.history.services import verify_chain

    from .build import Builder

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    print(f"  migrated in {time.perf_counter() - started:.1f} s", flush=True)
    counts = Builder(profile, out=lambda line: print(line, flush=True)).run()
    checked = time.perf_counter()
    report = verify_chain()
    if not report.ok:
        raise SystemExit(f"history chain broken at {report.first_broken_seq}: {report.reason}")
    counts["chain_rows"] = report.checked
    counts["chain_verify_seconds"] = round(time.perf_counter() - checked, 1)
    print(f"  history chain verified: {report.checked:,} rows", flush=True)
    write_meta({**identity, "counts": counts})
    return counts


def session_cookie(username: str) -> str:
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("action", choices=["build", "measure", "http-setup"])
    parser.add_argument("--profile", required=True)
    parser.add_argument("--identity", default="{}")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--out", required=True)
    options = parser.parse_args()
    setup()
    from .profiles import PROFILES

    profile = PROFILES[options.profile]
    if options.action == "build":
        result = build(profile, json.loads(options.identity))
    elif options.action == "measure":
        from . import evidence
        from .scenarios import run_all

        result = run_all(profile, runs=options.runs)
        result.update(evidence.measure(runs=max(4, options.runs // 2)))
    else:
        from .scenarios import http_endpoints

        result = {"cookie": session_cookie("chenjing"), "endpoints": http_endpoints()}
    with open(options.out, "w", encoding="utf-8") as handle:
        json.dump(result, handle, default=str)
    return 0


if __name__ == "__main__":
    sys.exit(main())
