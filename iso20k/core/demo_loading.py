"""The demo organisation: each app contributes its part through a `demo.py` with `load(actor)`.

`manage.py load_demo` calls them in INSTALLED_APPS order (foundation first). Each part is
idempotent: it looks up what it would create and only adds what is missing.
"""

import importlib

from django.apps import apps


def demo_modules() -> list:
    modules = []
    for config in apps.get_app_configs():
        if not config.name.startswith("iso20k."):
            continue
        try:
            modules.append(importlib.import_module(f"{config.name}.demo"))
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.demo":
                raise
    return modules
