"""Optimistic locking: a conditional UPDATE on (pk, version), holding no lock while people edit."""

from collections.abc import Iterable

from django.db import models
from django.db.models import F
from django.db.models.functions import Now

from .errors import ConflictError


def save_versioned(
    obj: models.Model, *, fields: Iterable[str], expected_version: int | None
) -> models.Model:
    """Write `fields` of `obj` only if its stored version is still `expected_version`.

    Raises ConflictError (carrying the current row) when someone else wrote first, or when
    expected_version is None: every edit must say which version it started from.
    """
    model = obj._meta.model
    if expected_version is None:
        raise ConflictError(
            current=model._default_manager.filter(pk=obj.pk).first(), expected_version=None
        )
    values = {}
    for name in fields:
        field = model._meta.get_field(name)
        values[field.attname] = getattr(obj, field.attname)
    if any(f.name == "updated_at" for f in model._meta.concrete_fields):
        values["updated_at"] = Now()
    updated = model._default_manager.filter(pk=obj.pk, version=expected_version).update(
        version=F("version") + 1, **values
    )
    if updated == 0:
        raise ConflictError(
            current=model._default_manager.filter(pk=obj.pk).first(),
            expected_version=expected_version,
        )
    obj.refresh_from_db()
    return obj


def parse_version(value: object) -> int | None:
    """Read a version number sent by a form or an If-Match header; None when absent or bad."""
    if value is None:
        return None
    text = str(value).strip().strip('"').removeprefix("W/").strip('"')
    return int(text) if text.isdigit() else None


def require_version(obj: models.Model, expected_version: int | None) -> None:
    """Refuse early when the caller's version is already stale.

    Workflow services call this before their rule checks, so that a person acting on an
    outdated page hears "someone changed this" rather than a rule error about a state they
    never saw. save_versioned still guards the race between this check and the write.
    """
    if expected_version is None or obj.version != expected_version:
        raise ConflictError(current=obj, expected_version=expected_version)
