"""Guards on the conventions a reviewer would otherwise have to check by hand."""

import re
from pathlib import Path

APPS = Path(__file__).resolve().parents[2]
# A model or queryset write: obj.save(), obj.delete(), Model.objects…create/update(…), qs.update(…).
WRITE = re.compile(
    r"\.(save|delete)\(|(objects|\))\.(update|create|get_or_create|update_or_create|bulk_create|bulk_update)\("
)


def test_views_forms_and_api_never_write_to_the_database_directly():
    offenders = []
    for path in APPS.rglob("*.py"):
        relative = path.relative_to(APPS)
        if "tests" in relative.parts or "migrations" in relative.parts:
            continue
        if path.name in {"views.py", "forms.py"} or "api" in relative.parts:
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if WRITE.search(line) and "services." not in line:
                    offenders.append(f"{relative}:{number}: {line.strip()}")
    assert offenders == []


def test_every_app_has_the_modules_conventions_expect():
    for app in ["accounts", "organisations", "catalogue", "history"]:
        for module in ["apps.py", "models.py", "access.py", "views.py", "urls.py"]:
            assert (APPS / app / module).exists(), f"{app}/{module}"
