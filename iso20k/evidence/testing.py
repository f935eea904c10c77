"""Helpers for tests of evidence checks: evaluate one check now or as of a past moment, and
take a moment that falls between two writes."""

import datetime
import time

from django.utils import timezone

from iso20k.evidence import services
from iso20k.evidence.models import EvaluationKind, Outcome

MILLISECOND = datetime.timedelta(milliseconds=1)


def outcome(code: str, at=None) -> Outcome:
    """The stored outcome of check `code`, evaluated live or (with `at`) as of that moment."""
    if at is None:
        return services.evaluate(codes=[code]).outcomes.get()
    return services.evaluate(kind=EvaluationKind.AS_OF, at=at, codes=[code]).outcomes.get()


def moment_between_writes():
    """A moment after every row written so far and before every row written next, as the
    database stamps created_at: SQLite keeps milliseconds (truncated), so "now" could share
    its millisecond with the next row. The current millisecond, once the clock has left it."""
    now = timezone.now()
    moment = now.replace(microsecond=now.microsecond // 1000 * 1000)
    while timezone.now() < moment + MILLISECOND:
        time.sleep(0.0002)
    return moment
