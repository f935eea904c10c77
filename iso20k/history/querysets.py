"""Reads of the history for pages, panels and the API."""

from django.db import models

from .models import ChainVerification, ChangeRecord, ChangeRecordQuerySet


def for_object(obj: models.Model, *, limit: int | None = 50) -> ChangeRecordQuerySet:
    records = ChangeRecord.objects.for_object(obj).newest_first()
    return records[:limit] if limit else records


def changes_since(obj: models.Model, version: int | None) -> list[ChangeRecord]:
    """The changes that moved `obj` past `version`: who changed what and when."""
    records = ChangeRecord.objects.for_object(obj).newest_first()
    if version is not None:
        records = records.filter(object_version__gt=version)
    return list(records[:10])


def latest_failed_verification() -> ChainVerification | None:
    latest = ChainVerification.objects.order_by("-ran_at").first()
    return latest if latest is not None and not latest.ok else None
