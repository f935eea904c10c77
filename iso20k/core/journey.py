"""The readiness journey on the home page: the seven stages and what each app reports on them.

Apps register `JourneyCard` providers in their navigation.py. A provider returns None when
the card does not apply to the user, so the page shows each person what concerns them.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

STAGE_TEXT: dict[str, Promise] = {
    "plan": _("Top management commits; the purpose, scope, timeline, budget and team are set."),
    "learn": _(
        "People learn the standard; practice is compared clause by clause and gaps are listed."
    ),
    "document": _(
        "Manual, procedures, work instructions and record forms are written, approved and read."
    ),
    "operate": _("The processes run in real tools for at least three months and produce records."),
    "review": _("Internal audits and a management review check that the system works."),
    "certify": _(
        "The certification body reviews documents (stage 1) and practice on site (stage 2)."
    ),
    "improve": _(
        "Monitoring, feedback and audits drive continual improvement through the three-year cycle."
    ),
}


@dataclass(frozen=True)
class JourneyCard:
    title: str
    status: str  # done | progress | todo | attention
    text: str
    url: str
    action: str = ""


_providers: dict[str, list[Callable[[object], JourneyCard | None]]] = {}


def register(stage: str, provider: Callable[[object], JourneyCard | None]) -> None:
    providers = _providers.setdefault(stage, [])
    if provider not in providers:
        providers.append(provider)


def stages_for(user: object) -> list[dict]:
    from .navigation import STAGES

    result = []
    for code, label, icon in STAGES:
        if code == "admin":
            continue
        cards = [card for provider in _providers.get(code, []) if (card := provider(user))]
        result.append(
            {"code": code, "label": label, "icon": icon, "text": STAGE_TEXT[code], "cards": cards}
        )
    return result
