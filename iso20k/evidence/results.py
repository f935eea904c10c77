"""What a check returns: data only (a code, a status, figures, record references).

Text is rendered later from the code and the figures in the reader's language (messages.py),
so a result stored today reads correctly in either language years from now.
"""

from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    PASS = "pass", _("Pass")
    WARNING = "warning", _("Warning")
    FAIL = "fail", _("Fail")
    NOT_APPLICABLE = "n/a", _("Not applicable")
    NOT_ENOUGH_DATA = "no_data", _("Not enough data")
    ERROR = "error", _("Check error")


# Points of each status in the readiness score; None = left out of the average.
SCORE = {
    Status.PASS: 100,
    Status.WARNING: 50,
    Status.FAIL: 0,
    Status.NOT_ENOUGH_DATA: 0,
    Status.ERROR: 0,
    Status.NOT_APPLICABLE: None,
}
# The worst status decides a clause; a check error counts as a failure, never as a pass.
SEVERITY = [
    Status.ERROR,
    Status.FAIL,
    Status.NOT_ENOUGH_DATA,
    Status.WARNING,
    Status.PASS,
    Status.NOT_APPLICABLE,
]
MAX_REFS = 500


@dataclass(frozen=True)
class RecordRef:
    """A record behind a result: enough to find it again (and to show it without a query)."""

    object_type: str
    object_id: str
    label: str = ""

    def as_json(self) -> list[str]:
        return [self.object_type, self.object_id, self.label]


@dataclass(frozen=True)
class CheckResult:
    code: str
    status: str
    params: dict = field(default_factory=dict)
    refs: tuple[RecordRef, ...] = ()
    ref_count: int = 0

    @classmethod
    def of(
        cls,
        code: str,
        status: str,
        params: dict | None = None,
        refs: list[RecordRef] | None = None,
        ref_count: int | None = None,
    ) -> "CheckResult":
        refs = list(refs or [])
        return cls(
            code=code,
            status=status,
            params=dict(params or {}),
            refs=tuple(refs[:MAX_REFS]),
            ref_count=len(refs) if ref_count is None else ref_count,
        )


def worst(statuses: list[str]) -> str | None:
    present = [s for s in SEVERITY if s in statuses]
    return present[0] if present else None
