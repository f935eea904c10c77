"""What a check sees: the moment it judges (now, or a past date) and helpers to build results.

A check must read the world as it stood at `ctx.at`: rows that existed then (system time,
`created_at`), states taken from timestamp fields set by services (approved_at, resolved_at…)
or from the history (`value_as_of`). Live evaluation is simply `at = now`.
"""

from datetime import datetime

from django.db import models
from django.utils import timezone

from iso20k.history.models import ChangeRecord

from .results import CheckResult, RecordRef


class Context:
    def __init__(self, code: str, at: datetime | None = None) -> None:
        self.code = code
        self.live = at is None
        self.at = at or timezone.now()

    def result(
        self, status: str, params: dict | None = None, refs=None, ref_count: int | None = None
    ) -> CheckResult:
        return CheckResult.of(self.code, status, params, refs, ref_count)

    def existing(self, queryset: models.QuerySet) -> models.QuerySet:
        """Rows that had entered the system by `at` (by the database's own timestamp)."""
        return queryset if self.live else queryset.filter(created_at__lte=self.at)

    def open_at(
        self,
        queryset: models.QuerySet,
        *,
        start: str = "reported_at",
        ends: tuple[str, ...] = ("resolved_at", "closed_at"),
    ) -> models.QuerySet:
        """Rows open at `at`: entered and begun by then, and none of `ends` reached by then."""
        rows = self.existing(queryset.filter(**{f"{start}__lte": self.at}))
        for end in ends:
            rows = rows.filter(
                models.Q(**{f"{end}__isnull": True}) | models.Q(**{f"{end}__gt": self.at})
            )
        return rows

    @staticmethod
    def ref(obj: models.Model, label: str | None = None) -> RecordRef:
        return RecordRef(obj._meta.label_lower, str(obj.pk), (label or str(obj))[:200])

    def refs(self, queryset: models.QuerySet, limit: int = 500) -> list[RecordRef]:
        return [self.ref(obj) for obj in queryset[:limit]]

    def value_as_of(self, obj: models.Model, field: str) -> object:
        """The value `field` of `obj` had at `at`, replayed from its history rows."""
        if self.live:
            return getattr(obj, field)
        records = (
            ChangeRecord.objects.for_object(obj)
            .filter(recorded_at__lte=self.at)
            .order_by("-seq")
            .values_list("changes", flat=True)
        )
        for changes in records:
            if field in changes:
                pair = changes[field]
                return pair[1] if isinstance(pair, list) else pair
        return None
