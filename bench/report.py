"""Benchmark output: the results document (JSON), one console table per database, and the
generated sections of docs/benchmarks.md (one per profile, between its bench:begin and
bench:end markers; the hand-written text around them is kept)."""

import datetime
import json
import os
import platform
import re
from pathlib import Path

from . import evidence
from .databases import ROOT, VAR

DOCS = ROOT / "docs" / "benchmarks.md"
PEER_TARGETS = {"list": 20, "deep_page": 20, "search": 20, "detail": None, "dashboard": 100}
PEER_OURS = {
    "list": "queue_page_1",
    "deep_page": "queue_deep_page",
    "search": "search_en",
    "detail": "ticket_detail",
    "dashboard": "dashboard",
}
HTTP_RPS, HTTP_P99, RSS_MB = 300, 150, 250


def machine() -> dict:
    memory = 0
    with open("/proc/meminfo", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("MemTotal:"):
                memory = int(line.split()[1]) // 1024
    import django

    return {
        "cpus": os.cpu_count(),
        "ram_mb": memory,
        "cpu_model": _cpu_model(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "system": platform.platform(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def _cpu_model() -> str:
    with open("/proc/cpuinfo", encoding="ascii", errors="replace") as handle:
        for line in handle:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor()


def peer_ratios(result: dict) -> list[dict]:
    peer = result.get("peer") or {}
    ours = {s["name"]: s for s in result["scenarios"]}
    rows = []
    for page, scenario in PEER_OURS.items():
        if page not in peer or scenario not in ours:
            continue
        ratio = peer[page]["median_ms"] / max(ours[scenario]["median_ms"], 0.001)
        wanted = PEER_TARGETS[page]
        rows.append(
            {
                "page": page,
                "peer_median_ms": peer[page]["median_ms"],
                "ours_median_ms": ours[scenario]["median_ms"],
                "ratio": round(ratio, 1),
                "target": f"≥ {wanted}×" if wanted else "",
                "met": ratio >= wanted if wanted else None,
            }
        )
    return rows


def http_verdicts(result: dict) -> dict:
    http = result.get("http") or {}
    queue = (http.get("queue_page_1") or {}).get("c16")
    verdict = {}
    if queue:
        verdict["queue_c16"] = queue["rps"] >= HTTP_RPS and queue["p99_ms"] <= HTTP_P99
    if http.get("worker_rss_mb"):
        verdict["worker_rss"] = http["worker_rss_mb"] < RSS_MB
    return verdict


def document(profile, results: list[dict], started: float) -> dict:
    for result in results:
        result["peer_ratios"] = peer_ratios(result)
        result["http_targets"] = http_verdicts(result)
    return {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "seconds": round(datetime.datetime.now().timestamp() - started, 1),
        "machine": machine(),
        "profile": profile.as_dict(),
        "databases": results,
    }


def save(doc: dict) -> Path:
    VAR.mkdir(parents=True, exist_ok=True)
    path = VAR / f"results-{doc['profile']['name']}-{doc['date'][:10]}.json"
    path.write_text(json.dumps(doc, indent=1, ensure_ascii=False, default=str), encoding="utf-8")
    return path


def _met(value) -> str:
    return "" if value is None else ("met" if value else "MISSED")


def scenario_rows(result: dict) -> list[list[str]]:
    rows = []
    for s in result["scenarios"]:
        rows.append(
            [
                s["name"],
                s["who"],
                f"{s['median_ms']:.2f}",
                f"{s['p95_ms']:.2f}",
                f"{s.get('cpu_median_ms', 0):.2f}",
                str(s["queries"]),
                f"{s['floor_median_ms']:.2f}",
                f"{s['ratio']:.0f}×",
                s["target"],
                _met(s["met"]),
            ]
        )
    return rows


SCENARIO_HEAD = ["scenario", "as", "median ms", "p95 ms", "cpu ms", "queries", "floor ms"]
SCENARIO_HEAD += ["÷ floor"]
SCENARIO_HEAD += ["target", ""]


def _text_table(head: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows]
    header = "  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True))
    return "\n".join([header, "-" * len(header), *lines])


def http_rows(result: dict) -> list[list[str]]:
    rows = []
    for name, figures in (result.get("http") or {}).items():
        if not isinstance(figures, dict) or "c1" not in figures:
            continue
        for level in ("c1", "c16"):
            f = figures[level]
            rows.append(
                [name, level[1:], f"{f['rps']:.0f}", f"{f['p50_ms']:.1f}", f"{f['p95_ms']:.1f}"]
                + [f"{f['p99_ms']:.1f}", str(f["errors"] + f["non_2xx"])]
            )
    return rows


HTTP_HEAD = ["endpoint", "connections", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors"]
PEER_HEAD = ["page", "django-helpdesk ms", "iso20k ms", "ratio", "target", ""]


def peer_rows(result: dict) -> list[list[str]]:
    return [
        [r["page"], f"{r['peer_median_ms']:.1f}", f"{r['ours_median_ms']:.2f}"]
        + [f"{r['ratio']:.0f}×", r["target"], _met(r["met"])]
        for r in result.get("peer_ratios", [])
    ]


def tables(doc: dict) -> str:
    parts = []
    for result in doc["databases"]:
        parts.append(f"\n== {result['version']} · profile {doc['profile']['name']} ==")
        parts.append(_text_table(SCENARIO_HEAD, scenario_rows(result)))
        if evidence.rows(result):
            parts.append("\nEvidence engine (issue 8)")
            parts.append(_text_table(evidence.HEAD, evidence.rows(result)))
        if http_rows(result):
            parts.append("\nHTTP (gunicorn, wrk on loopback)")
            parts.append(_text_table(HTTP_HEAD, http_rows(result)))
            rss = result["http"].get("worker_rss_mb")
            parts.append(f"web worker resident memory: {rss} MB (target < {RSS_MB} MB)")
        if result.get("http", {}).get("error"):
            parts.append(f"HTTP not measured: {result['http']['error']}")
        if peer_rows(result):
            parts.append("\nPeer: django-helpdesk, same tickets")
            parts.append(_text_table(PEER_HEAD, peer_rows(result)))
        if (result.get("peer") or {}).get("error"):
            parts.append(f"peer not measured: {result['peer']['error']}")
    return "\n".join(parts)


def _md_table(head: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def markdown(doc: dict) -> str:
    m, p = doc["machine"], doc["profile"]
    out = [
        f"Run of {doc['date']} on {m['cpus']} CPUs ({m['cpu_model']}), {m['ram_mb']:,} MB RAM, "
        f"Python {m['python']}, Django {m['django']}; load average "
        f"{' / '.join(str(x) for x in m.get('load_average', []))} when the run ended. "
        f"Profile **{p['name']}**: "
        f"{p['incidents']:,} incidents, {p['requests']:,} service requests, "
        f"{p['problems']:,} problems, {p['services']} services, {p['groups']} groups, "
        f"{p['agents']} agents, {p['customers']} customers, {p['months']} months, seed {p['seed']}."
    ]
    if doc.get("note"):
        out.append(f"\n_{doc['note']}._")
    for result in doc["databases"]:
        counts = result.get("counts", {})
        out.append(f"\n#### {result['version']}\n")
        if counts:
            out.append(
                f"Built in {counts.get('seconds', '?')} s: {counts.get('comments', 0):,} replies "
                f"and notes, {counts.get('chain_rows', 0):,} history rows (chain verified in "
                f"{counts.get('chain_verify_seconds', '?')} s).\n"
            )
        out.append(_md_table(SCENARIO_HEAD, scenario_rows(result)))
        if evidence.rows(result):
            out.append("\nEvidence engine: full and incremental evaluation, readiness pages:\n")
            out.append(_md_table(evidence.HEAD, evidence.rows(result)))
        if http_rows(result):
            out.append("\nOver HTTP (gunicorn, 4 workers; wrk on loopback):\n")
            out.append(_md_table(HTTP_HEAD, http_rows(result)))
            verdicts = result["http_targets"]
            out.append(
                f"\nQueue list at 16 connections ≥ {HTTP_RPS} req/s with p99 ≤ {HTTP_P99} ms: "
                f"{_met(verdicts.get('queue_c16'))}. Web worker after the run: "
                f"{result['http'].get('worker_rss_mb')} MB resident (< {RSS_MB} MB: "
                f"{_met(verdicts.get('worker_rss'))})."
            )
        elif result.get("http", {}).get("error"):
            out.append(f"\nHTTP not measured: {result['http']['error']}")
        else:
            out.append("\nHTTP not measured in this run (--no-http).")
        if peer_rows(result):
            out.append("\ndjango-helpdesk with the same tickets (median ms):\n")
            out.append(_md_table(PEER_HEAD, peer_rows(result)))
        elif (result.get("peer") or {}).get("error"):
            out.append(f"\nPeer not measured: {result['peer']['error']}")
        else:
            out.append("\nPeer not measured in this run (--no-peer).")
    return "\n".join(out) + "\n"


def write_markdown(doc: dict) -> Path:
    """Replace this profile's section of docs/benchmarks.md (added after the last one if the
    file has none yet); the other profiles' sections and the hand-written text stay."""
    name = doc["profile"]["name"]
    begin, end = f"<!-- bench:begin {name} -->", f"<!-- bench:end {name} -->"
    text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else ""
    generated = f"{begin}\n### Profile {name}\n\n{markdown(doc)}{end}"
    if begin in text and end in text:
        pattern = re.escape(begin) + ".*?" + re.escape(end)
        text = re.sub(pattern, lambda _m: generated, text, count=1, flags=re.S)
    else:
        ends = [m.end() for m in re.finditer(r"<!-- bench:end [a-z]+ -->", text)]
        at = ends[-1] if ends else len(text)
        text = text[:at] + "\n\n" + generated + "\n" + text[at:]
    DOCS.write_text(text, encoding="utf-8")
    return DOCS


def main(paths: list[str]) -> int:
    """python -m bench.report var/bench/results-<profile>-<date>.json …: rewrite the sections
    of docs/benchmarks.md from saved results, and print their tables."""
    for path in paths:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
        for result in doc["databases"]:
            result["peer_ratios"] = peer_ratios(result)
            result["http_targets"] = http_verdicts(result)
        print(tables(doc))
        write_markdown(doc)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
