"""The evidence engine at volume (issue 8's targets): a full evaluation of every check, an
incremental one after a ticket changes, and the readiness pages, timed in-process.

    measure(runs=5) -> {"evidence": [{"name", "median_ms", "p95_ms", "queries", "target",
                                      "met"}, ...]}

Run by bench.side in the child process of each database, after the page scenarios; the
report (bench.report) reads rows() without Django.
"""

import statistics
import time

MANAGER = "lina"
# name -> (statistic, limit in ms)
TARGETS = {
    "evidence_full": ("median", 10_000),
    "evidence_incremental": ("median", 1_000),
    "readiness_dashboard": ("p95", 50),
    "readiness_clause": ("p95", 50),
}


def _summary(name: str, samples: list[float], queries: int) -> dict:
    ordered = sorted(samples)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    median = statistics.median(ordered)
    statistic, limit = TARGETS[name]
    value = median if statistic == "median" else p95
    return {
        "name": name,
        "median_ms": round(median, 2),
        "p95_ms": round(p95, 2),
        "queries": queries,
        "target": f"{statistic} ≤ {limit:,} ms",
        "met": value <= limit,
    }


def _timed(action, runs: int) -> tuple[list[float], int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        action()
    # Counted now: each request starts by clearing the connection's query log.
    queries = len(captured.captured_queries)
    samples = []
    for _run in range(runs):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return samples, queries


def _touch_one_incident() -> None:
    """A change as an agent makes it: a note on the newest open incident (history written)."""
    from django.contrib.auth import get_user_model

    from iso20k.incidents import services
    from iso20k.incidents.models import Incident

    agent = get_user_model().objects.get(username="chenjing")
    incident = Incident.objects.filter(is_open=True).order_by("-created_at", "-id").first()
    services.add_incident_comment(
        incident, actor=agent, body="Bench: checked the logs again.", is_public=False
    )


def measure(runs: int = 5) -> dict:
    """Django is set up (bench.side); the database is the built bench database."""
    from django.contrib.auth import get_user_model
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from iso20k.evidence import services

    results = []
    full, queries = _timed(services.evaluate, max(2, runs // 4))
    results.append(_summary("evidence_full", full, queries))

    incremental = []
    incremental_queries = 0
    for _run in range(max(3, runs // 2)):
        with transaction.atomic():
            _touch_one_incident()
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            services.evaluate_changes()
        incremental.append((time.perf_counter() - started) * 1000)
        incremental_queries = len(captured.captured_queries)
    results.append(_summary("evidence_incremental", incremental, incremental_queries))

    client = Client()
    client.force_login(get_user_model().objects.get(username=MANAGER))
    for name, url in (
        ("readiness_dashboard", "/readiness/"),
        ("readiness_clause", "/readiness/clauses/8.6.1/"),
    ):
        client.get(url)
        samples, queries = _timed(lambda url=url: _ok(client.get(url)), runs)
        results.append(_summary(name, samples, queries))
    return {"evidence": results}


def _ok(response) -> None:
    if response.status_code != 200:
        raise RuntimeError(f"{response.request['PATH_INFO']} answered {response.status_code}")


HEAD = ["evidence", "median ms", "p95 ms", "queries", "target", ""]


def rows(result: dict) -> list[list[str]]:
    """The evidence figures of one database's result, as table rows."""
    return [
        [r["name"], f"{r['median_ms']:,.2f}", f"{r['p95_ms']:,.2f}", str(r["queries"])]
        + [r["target"], "met" if r["met"] else "MISSED"]
        for r in result.get("evidence", [])
    ]
