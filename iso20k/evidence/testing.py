"""Helpers for tests of evidence checks: evaluate one check now or as of a past moment."""

from iso20k.evidence import services
from iso20k.evidence.models import EvaluationKind, Outcome


def outcome(code: str, at=None) -> Outcome:
    """The stored outcome of check `code`, evaluated live or (with `at`) as of that moment."""
    if at is None:
        return services.evaluate(codes=[code]).outcomes.get()
    return services.evaluate(kind=EvaluationKind.AS_OF, at=at, codes=[code]).outcomes.get()
