"""Open exported files the way auditors do: convert them with LibreOffice, headless."""

import shutil
import subprocess
import uuid
from pathlib import Path


def soffice() -> str:
    for name in ("soffice", "libreoffice"):
        path = shutil.which(name)
        if path:
            return path
    raise AssertionError("LibreOffice is missing: `make test` installs libreoffice-*-nogui")


def convert(source: Path, target: str = "pdf") -> Path:
    """Convert `source` with LibreOffice; fail the test if it cannot open the file."""
    outdir = source.parent / f"converted-{uuid.uuid4().hex[:8]}"
    profile = source.parent / f"lo-profile-{uuid.uuid4().hex[:8]}"
    result = subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    converted = outdir / f"{source.stem}.{target.split(':')[0]}"
    assert result.returncode == 0 and converted.exists() and converted.stat().st_size > 0, (
        f"LibreOffice could not convert {source.name}: {result.stdout} {result.stderr}"
    )
    return converted
