"""The application menu, organised around the seven stages of the certification journey.

Apps add entries in their own navigation.py (autodiscovered); the shell context processor
asks each entry whether the user may see it, so the menu only shows what exists and what
the user may open.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

STAGES: list[tuple[str, Promise, str]] = [
    ("plan", _("Commit and plan"), "ti-flag"),
    ("learn", _("Learn and find gaps"), "ti-school"),
    ("document", _("Document the system"), "ti-files"),
    ("operate", _("Operate the services"), "ti-headset"),
    ("review", _("Audit and review"), "ti-clipboard-check"),
    ("certify", _("Certification"), "ti-certificate"),
    ("improve", _("Improve"), "ti-trending-up"),
    ("admin", _("Administration"), "ti-settings"),
]


@dataclass(frozen=True)
class NavItem:
    stage: str
    label: Promise
    url_name: str
    icon: str
    visible: Callable[[object], bool]
    order: int = 100


_items: list[NavItem] = []


def register(item: NavItem) -> None:
    if item.stage not in {code for code, _label, _icon in STAGES}:
        raise ValueError(f"unknown navigation stage {item.stage!r} for {item.url_name}")
    if any(existing.url_name == item.url_name for existing in _items):
        return
    _items.append(item)


def menu_for(user: object, current_path: str) -> list[dict]:
    """The stages that have at least one entry the user may open, with their entries.

    Only the entry whose URL is the longest prefix of the current path is active, so that
    /training/matrix/ highlights "Competence matrix" and not also "Training" (/training/).
    """
    menu = []
    for code, label, icon in STAGES:
        entries = []
        for item in sorted((i for i in _items if i.stage == code), key=lambda i: i.order):
            if not item.visible(user):
                continue
            url = reverse(item.url_name)
            entries.append(
                {
                    "label": item.label,
                    "url": url,
                    "icon": item.icon,
                    "active": current_path.startswith(url),
                }
            )
        if entries:
            menu.append(
                {
                    "code": code,
                    "label": label,
                    "icon": icon,
                    "entries": entries,
                    "active": False,
                }
            )
    _keep_longest_active(menu)
    return menu


def _keep_longest_active(menu: list[dict]) -> None:
    active = [e for stage in menu for e in stage["entries"] if e["active"]]
    longest = max(active, key=lambda e: len(e["url"]), default=None)
    for stage in menu:
        for entry in stage["entries"]:
            entry["active"] = entry is longest
        stage["active"] = any(e["active"] for e in stage["entries"])
