"""`make bench`: build (or reuse) the data set on each database, measure, report.

    python -m bench [--profile default] [--databases sqlite,postgres] [--no-http] [--no-peer]
                    [--runs 20] [--rebuild] [--check-queries]

Preflight first (profile, databases reachable, disk): any failure is one line on stderr and
exit status 2, with nothing created. Each database is built under a temporary name and
renamed when complete (bench.databases); Django work runs in a child process per database
(bench.side), the peer in its own virtual environment (bench.peer). Results: one table per
database on stdout, var/bench/results-<profile>-<date>.json and docs/benchmarks.md.
"""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from . import preflight, report
from .databases import VAR, PostgresTarget, SqliteTarget, identity

ROOT = VAR.parent.parent
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"


def bench_env(database_url: str) -> dict:
    """The app as in production (DEBUG off), with fixed benchmark-only secrets: the history
    key must stay the same between runs, or a reused database's chain would not verify."""
    env = dict(os.environ)
    env.update(
        ISO20K_ENV_FILE="",
        DEBUG="false",
        SECRET_KEY="benchmark-only-secret-key-never-used-in-production-0123456789",
        HISTORY_KEY="bench:benchmark-only-history-key-0123456789",
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        SECURE_SSL_REDIRECT="false",
        STATIC_MANIFEST="false",
        LOG_LEVEL="WARNING",
        PYTHONWARNINGS="ignore::UserWarning",
        DATABASE_URL=database_url,
        DATABASE_CONN_MAX_AGE="600",
    )
    return env


def side(action: str, database_url: str, profile, **options) -> dict:
    """Run bench.side in a child process against one database; its JSON result."""
    with tempfile.NamedTemporaryFile(suffix=".json", dir=VAR, delete=False) as handle:
        out = handle.name
    command = [sys.executable, "-m", "bench.side", action, "--profile", profile.name, "--out", out]
    for name, value in options.items():
        command += [f"--{name}", str(value)]
    try:
        subprocess.run(command, cwd=ROOT, env=bench_env(database_url), check=True)
        with open(out, encoding="utf-8") as result:
            return json.load(result)
    except subprocess.CalledProcessError:
        raise preflight.BenchError(f"{action} failed on {database_url} (see above)") from None
    finally:
        os.unlink(out)


def targets(options, profile) -> list:
    chosen = []
    for name in options.databases.split(","):
        name = name.strip()
        if name == "sqlite":
            chosen.append(SqliteTarget(profile))
        elif name in ("postgres", "postgresql"):
            server = os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES)
            preflight.database_reachable(server)
            chosen.append(PostgresTarget(profile, server))
        else:
            raise preflight.BenchError(f"unknown database {name!r}: choose sqlite and/or postgres")
    return chosen


def ensure_built(target, profile, rebuild: bool) -> dict:
    wanted = identity(profile)
    meta = target.meta()
    if not rebuild and {k: meta.get(k) for k in wanted} == wanted:
        print(f"[{target.vendor}] reusing the built {profile.name} database", flush=True)
        return meta.get("counts", {})
    print(f"[{target.vendor}] building the {profile.name} profile", flush=True)
    target.prepare()
    try:
        counts = side("build", target.url(temporary=True), profile, identity=json.dumps(wanted))
        target.promote()
    except BaseException:
        target.drop_temporary()
        raise
    return counts


def run_database(target, profile, options) -> dict:
    counts = ensure_built(target, profile, options.rebuild)
    url = target.url()
    print(f"[{target.vendor}] measuring in-process ({options.runs} runs each)", flush=True)
    result = {
        "database": target.vendor,
        "version": target.version(),
        "counts": counts,
        **side("measure", url, profile, runs=options.runs),
    }
    if not options.no_http:
        from . import http

        print(f"[{target.vendor}] measuring over HTTP", flush=True)
        setup = side("http-setup", url, profile)
        try:
            result["http"] = http.measure(
                bench_env(url), setup["cookie"], setup["endpoints"], options.http_seconds
            )
        except RuntimeError as exc:
            result["http"] = {"error": str(exc)}
    if not options.no_peer:
        from . import peer

        print(f"[{target.vendor}] measuring the peer (django-helpdesk)", flush=True)
        result["peer"] = peer.run(target, profile, repeat=max(3, options.runs // 3))
    return result


def ensure_wrk() -> None:
    """wrk comes from the system's packages (installed once, after the preflight)."""
    if shutil.which("wrk"):
        return
    script = ROOT / "scripts" / "install_system_packages.sh"
    subprocess.run([str(script)], env={**os.environ, "EXTRA_APT_PACKAGES": "wrk"}, check=False)


def check_queries(options) -> int:
    """Build tiny and small, and fail if a scenario's query count differs between them.
    The small profile's timings are printed, never judged."""
    counts, measured = {}, []
    for name in ("tiny", "small"):
        profile = preflight.profile(name)
        for target in targets(options, profile):
            ensure_built(target, profile, options.rebuild)
            result = side("measure", target.url(), profile, runs=options.runs)
            pages = result["scenarios"] + [
                # The readiness pages read stored outcomes; an evaluation's count follows the
                # checks' branches (e.g. not enough data at one size), so it is only reported.
                e
                for e in result.get("evidence", [])
                if e["name"].startswith("readiness_")
            ]
            counts[(target.vendor, name)] = {s["name"]: s["queries"] for s in pages}
            if name == "small":
                measured.append({"database": target.vendor, "version": target.version(), **result})
    print(report.tables(report.document(preflight.profile("small"), measured, time.time())))
    failures = []
    print("\nqueries per scenario, tiny (2,000 incidents) and small (20,000):")
    for (vendor, name), found in counts.items():
        if name != "small":
            continue
        for scenario, queries in found.items():
            smaller = counts[(vendor, "tiny")].get(scenario)
            marker = "" if smaller == queries else "  <-- grows with the rows"
            print(f"  {vendor:<10} {scenario:<22} tiny {smaller:>3}  small {queries:>3}{marker}")
            if marker:
                failures.append(f"{vendor} {scenario}: {smaller} -> {queries} queries")
    if failures:
        print("query counts grow with the number of rows: " + "; ".join(failures), file=sys.stderr)
        return 1
    print("query counts are the same at both sizes")
    return 0


def _interrupt(_signum, _frame):
    raise KeyboardInterrupt


def main(argv=None) -> int:
    signal.signal(signal.SIGTERM, _interrupt)  # a stopped CI job cleans up like Ctrl-C
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--profile", default="default")
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--http-seconds", type=int, default=8)
    parser.add_argument("--no-http", action="store_true")
    parser.add_argument("--no-peer", action="store_true")
    parser.add_argument("--rebuild", action="store_true", help="build even if one exists")
    parser.add_argument("--check-queries", action="store_true")
    parser.add_argument("--no-docs", action="store_true", help="do not rewrite docs/benchmarks.md")
    options = parser.parse_args(argv)
    try:
        profile = preflight.profile(options.profile)
        chosen = targets(options, profile)
        if options.check_queries:
            preflight.disk(VAR, preflight.profile("small"), len(chosen))
            return check_queries(options)
        preflight.disk(VAR, profile, len(chosen))
        if not options.no_http:
            ensure_wrk()
        started = time.time()
        results = [run_database(target, profile, options) for target in chosen]
        document = report.document(profile, results, started)
        path = report.save(document)
        print(report.tables(document))
        print(f"results written to {path.relative_to(ROOT)}")
        if not options.no_docs:
            print(f"summary written to {report.write_markdown(document).relative_to(ROOT)}")
    except preflight.BenchError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("bench: interrupted; temporary databases removed", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
