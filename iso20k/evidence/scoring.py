"""Readiness: clause status from its checks and its manual judgement, and the scores.

The rule, also written on the readiness page:
- each check scores pass 100, warning 50, fail / not enough data / error 0; n/a is left out;
- a clause's check score is the average of its checks; its manual score comes from the latest
  gap assessment (conforming 100, defined but inconsistent 50, initial 25, not addressed 0);
- a clause scores the lower of the two when both exist, otherwise the one it has, otherwise 0
  (nothing shows it is ready); a manual judgement can never hide a failing check;
- a group scores the average of its assessable clauses, the SMS the average of all of them.
"""

from dataclasses import dataclass, field
from datetime import datetime

from iso20k.catalogue.models import Clause

from . import registry
from .judgements import Judgement, judgements_at
from .results import SCORE, Status, worst

GROUPS = ["4", "5", "6", "7", "8.1", "8.2", "8.3", "8.4", "8.5", "8.6", "8.7", "9", "10"]


def group_of(number: str) -> str:
    parts = number.split(".")
    return ".".join(parts[:2]) if parts[0] == "8" else parts[0]


@dataclass
class ClauseReadiness:
    clause: Clause
    statuses: dict[str, str] = field(default_factory=dict)  # check code -> status
    check_status: str | None = None
    check_score: float | None = None
    judgement: Judgement | None = None
    score: float = 0.0

    @property
    def number(self) -> str:
        return self.clause.number

    @property
    def has_evidence(self) -> bool:
        return bool(self.statuses) or self.judgement is not None

    @property
    def is_not_applicable(self) -> bool:
        """Left out of the scores: every check says n/a and/or the judgement says n/a."""
        checks_na = bool(self.statuses) and all(
            s == Status.NOT_APPLICABLE for s in self.statuses.values()
        )
        manual_na = self.judgement is not None and self.judgement.score is None
        if self.statuses and not checks_na:
            return False
        if self.judgement is not None and not manual_na:
            return False
        return checks_na or manual_na


@dataclass
class Readiness:
    clauses: list[ClauseReadiness]
    groups: dict[str, float]
    overall: float | None

    def by_group(self) -> dict[str, list[ClauseReadiness]]:
        grouped: dict[str, list[ClauseReadiness]] = {g: [] for g in GROUPS}
        for item in self.clauses:
            grouped.setdefault(group_of(item.number), []).append(item)
        return grouped


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def clause_readiness(
    clause: Clause, statuses: dict[str, str], judgement: Judgement | None
) -> ClauseReadiness:
    item = ClauseReadiness(clause=clause, statuses=statuses, judgement=judgement)
    if statuses:
        item.check_status = worst(list(statuses.values()))
        item.check_score = _mean([SCORE[s] for s in statuses.values() if SCORE[s] is not None])
    manual = judgement.score if judgement is not None else None
    candidates = [s for s in (item.check_score, manual) if s is not None]
    item.score = min(candidates) if candidates else 0.0
    return item


def compute(statuses_by_code: dict[str, str], at: datetime) -> Readiness:
    """Readiness from check statuses (code -> status) and the manual judgements at `at`."""
    judgements = judgements_at(at)
    items = []
    for clause in Clause.objects.assessable():
        statuses = {
            check.code: statuses_by_code[check.code]
            for check in registry.checks_for_clause(clause.number)
            if check.code in statuses_by_code
        }
        items.append(clause_readiness(clause, statuses, judgements.get(clause.number)))
    scored = [i for i in items if not i.is_not_applicable]
    groups = {}
    for group in GROUPS:
        value = _mean([i.score for i in scored if group_of(i.number) == group])
        if value is not None:
            groups[group] = value
    return Readiness(clauses=items, groups=groups, overall=_mean([i.score for i in scored]))


STATUS_ORDER = {
    status: index
    for index, status in enumerate(
        [
            Status.ERROR,
            Status.FAIL,
            Status.NOT_ENOUGH_DATA,
            Status.WARNING,
            Status.PASS,
            Status.NOT_APPLICABLE,
        ]
    )
}
