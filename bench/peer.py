"""The peer, django-helpdesk, in its own virtual environment under var/bench (never committed).

run(target, profile) creates the venv if missing (pip, from the package index), loads the
same corpus into a peer database next to ours (once per profile) and returns the timings
bench.peer_side measured, or {"error": "..."} when the peer cannot be installed or run.
"""

import json
import subprocess
import sys

from .databases import ROOT, VAR, PostgresTarget

VENV = VAR / "hd-venv"
PACKAGES = ["django-helpdesk==2.6.1", "Django>=6.0,<6.2", "psycopg[binary]>=3.2"]


def python() -> str:
    return str(VENV / "bin" / "python")


def ensure_venv() -> None:
    if (VENV / ".ready").exists():
        return
    subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    done = subprocess.run(
        [python(), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *PACKAGES],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["pip failed"])[-1]
        raise RuntimeError(f"cannot install django-helpdesk: {reason[:200]}")
    (VENV / ".ready").touch()


def _peer_side(action: str, database: str, profile, repeat: int = 5) -> dict:
    shape = json.dumps(profile.incident_shape().__dict__)
    done = subprocess.run(
        [python(), "-m", "bench.peer_side", action, "--database", database, "--shape", shape]
        + ["--repeat", str(repeat)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"peer {action} failed: {reason[:300]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(target, profile, *, repeat: int) -> dict:
    try:
        ensure_venv()
        if isinstance(target, PostgresTarget):
            database = target.peer_url(profile)
            marker = VAR / f"peer-{profile.name}-postgres.loaded"
            if not marker.exists():
                target.recreate(database.rsplit("/", 1)[1])
        else:
            database = str(VAR / f"peer-{profile.name}.sqlite3")
            marker = VAR / f"peer-{profile.name}-sqlite.loaded"
            if not marker.exists():
                for suffix in ("", "-wal", "-shm"):
                    (VAR / f"peer-{profile.name}.sqlite3{suffix}").unlink(missing_ok=True)
        loaded = None
        if not marker.exists():
            loaded = _peer_side("load", database, profile)
            marker.write_text(json.dumps(loaded))
        result = _peer_side("measure", database, profile, repeat=repeat)
        result["load"] = loaded or json.loads(marker.read_text())
        return result
    except (subprocess.CalledProcessError, RuntimeError, OSError) as exc:
        return {"error": str(exc).splitlines()[0][:300]}
