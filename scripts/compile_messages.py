"""Compile locale/*/LC_MESSAGES/django.po into .mo files with polib (no gettext tools needed)."""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    for po_path in ROOT.glob("locale/*/LC_MESSAGES/*.po"):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        print(f"compiled {po_path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
