"""Manual judgements of clauses (the latest gap assessment) shown beside the checks.

The gap-assessment app registers a provider: `provider(at) -> {clause_number: Judgement}`.
A judgement never lifts a clause above what its checks show (see scoring.py).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Judgement:
    label: str
    score: int | None  # None: judged not applicable
    url: str = ""
    judged_on: str = ""


_providers: list[Callable[[datetime], dict[str, Judgement]]] = []


def register(provider: Callable[[datetime], dict[str, Judgement]]) -> None:
    if provider not in _providers:
        _providers.append(provider)


def judgements_at(at: datetime) -> dict[str, Judgement]:
    merged: dict[str, Judgement] = {}
    for provider in _providers:
        merged.update(provider(at))
    return merged
