"""iso20k under its production server (gunicorn, several workers) and wrk on loopback.

Measures requests per second and p50/p95/p99 at 1 and 16 connections for each endpoint,
then the resident memory of a web worker. The session cookie of a signed-in agent is
created in the benchmark database beforehand, so every request is a real, authorised page.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LUA = Path(__file__).resolve().parent / "wrk_report.lua"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, env: dict, workers: int = 4) -> None:
        self.port = free_port()
        self.env = env
        self.workers = workers
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "Server":
        gunicorn = str(Path(sys.executable).with_name("gunicorn"))
        self.process = subprocess.Popen(
            [
                gunicorn,
                "config.wsgi",
                "--workers",
                str(self.workers),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--log-level",
                "warning",
                "--access-logfile",
                "-",
                "--access-logformat",
                "-",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/health/", timeout=2)
                return self
            except OSError:
                time.sleep(0.3)
        self.__exit__(None, None, None)
        raise RuntimeError("the production server did not start within 60 s")

    def worker_rss_mb(self) -> float:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        pids = children.read_text().split() if children.exists() else []
        sizes = []
        for pid in pids:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(int(line.split()[1]) / 1024)
        return round(max(sizes), 1) if sizes else 0.0

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)


def wrk(url: str, *, connections: int, seconds: int, cookie: str) -> dict:
    binary = shutil.which("wrk")
    if binary is None:
        raise RuntimeError("wrk is missing: `make bench` installs it (apt-get install wrk)")
    threads = max(1, min(connections, 2))
    result = subprocess.run(
        [
            binary,
            "-t",
            str(threads),
            "-c",
            str(connections),
            "-d",
            f"{seconds}s",
            "--latency",
            "-s",
            str(LUA),
            "-H",
            f"Cookie: {cookie}",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
    )
    line = [row for row in result.stdout.splitlines() if row.startswith("{")]
    if result.returncode != 0 or not line:
        raise RuntimeError(f"wrk failed on {url}: {result.stderr.strip()[:200]}")
    return json.loads(line[-1])


def measure(env: dict, cookie: str, endpoints: dict[str, str], seconds: int) -> dict:
    """{endpoint: {"c1": {...}, "c16": {...}}, "worker_rss_mb": N} under gunicorn."""
    results: dict = {}
    with Server(env) as server:
        for name, path in endpoints.items():
            url = f"http://127.0.0.1:{server.port}{path}"
            wrk(url, connections=4, seconds=1, cookie=cookie)  # warm every worker
            results[name] = {
                f"c{c}": wrk(url, connections=c, seconds=seconds, cookie=cookie) for c in (1, 16)
            }
        results["worker_rss_mb"] = server.worker_rss_mb()
    return results
