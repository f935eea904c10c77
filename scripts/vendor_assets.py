"""Copy the front-end assets installed by npm into var/vendor, where the app serves them.

Nothing here is committed: npm installs from the registry (package-lock.json pins versions
and hashes), this script copies the files the templates use.
"""

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = ROOT / "node_modules"
TARGET = ROOT / "var" / "vendor"

FILES = {
    "@tabler/core/dist/css/tabler.min.css": "tabler/tabler.min.css",
    "@tabler/core/dist/js/tabler.min.js": "tabler/tabler.min.js",
    "@tabler/icons-webfont/dist/tabler-icons.min.css": "tabler-icons/tabler-icons.min.css",
    "@tabler/icons-webfont/dist/fonts/tabler-icons.woff2": "tabler-icons/fonts/tabler-icons.woff2",
    "@tabler/icons-webfont/dist/fonts/tabler-icons.woff": "tabler-icons/fonts/tabler-icons.woff",
    "@tabler/icons-webfont/dist/fonts/tabler-icons.ttf": "tabler-icons/fonts/tabler-icons.ttf",
    "htmx.org/dist/htmx.min.js": "htmx/htmx.min.js",
    "echarts/dist/echarts.min.js": "echarts/echarts.min.js",
}


def main() -> int:
    missing = [source for source in FILES if not (MODULES / source).is_file()]
    if missing:
        print("missing front-end files (run `npm ci`): " + ", ".join(missing), file=sys.stderr)
        return 1
    for source, target in FILES.items():
        destination = TARGET / target
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(MODULES / source, destination)
    print(f"front-end assets copied to {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
