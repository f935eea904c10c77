"""Known errors (8.6.3): published for agents (and kept searchable in both languages),
corrected, retired once the permanent fix is in place. Raises ValidationError or
ConflictError.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from iso20k.core import search
from iso20k.core.concurrency import require_version, save_versioned
from iso20k.history import services as history
from iso20k.servicedesk.choices import Category
from iso20k.servicedesk.services.lifecycle import checked_at, error

from ..choices import KnownErrorStatus
from ..models import KnownError

KNOWN_ERROR_KEY = "problems.knownerror"


KNOWN_ERROR_FIELDS = ["title", "symptoms", "root_cause", "workaround", "service", "category"]


def _index_known_error(known_error: KnownError) -> None:
    search.index(
        KNOWN_ERROR_KEY,
        known_error.pk,
        known_error.title,
        known_error.symptoms,
        known_error.root_cause,
        known_error.workaround,
    )


def _check_known_error(fields: dict) -> None:
    if not (fields.get("title") or "").strip():
        raise error("title", _("Give the known error a title."), "title_required")
    if not (fields.get("symptoms") or "").strip():
        raise error("symptoms", _("Describe what users see."), "symptoms_required")
    if not (fields.get("workaround") or "").strip():
        raise error("workaround", _("Describe the workaround."), "workaround_required")
    if fields.get("category") not in Category.values:
        raise error("category", _("Choose a category."), "category_required")


@transaction.atomic
def publish_known_error(*, actor, problem=None, at=None, **fields) -> KnownError:
    """Publish a known error agents can search and apply. Event problems.knownerror.published."""
    fields = {name: fields.get(name) for name in KNOWN_ERROR_FIELDS}
    for name in ("title", "symptoms", "root_cause", "workaround"):
        fields[name] = (fields[name] or "").strip()
    _check_known_error(fields)
    known_error = KnownError.objects.create(problem=problem, published_at=checked_at(at), **fields)
    _index_known_error(known_error)
    history.record(
        known_error,
        event="problems.knownerror.published",
        actor=actor,
        changes=history.with_labels(
            KnownError, history.initial(known_error, ["problem", *KNOWN_ERROR_FIELDS])
        ),
    )
    return known_error


@transaction.atomic
def update_known_error(
    known_error: KnownError, *, actor, expected_version: int | None, **fields
) -> KnownError:
    """Correct a known error's text. Event problems.knownerror.updated."""
    require_version(known_error, expected_version)
    unknown = set(fields) - set(KNOWN_ERROR_FIELDS)
    if unknown:
        raise ValueError(f"not known-error fields: {sorted(unknown)}")
    _check_known_error({n: getattr(known_error, n) for n in KNOWN_ERROR_FIELDS} | fields)
    before = history.snapshot(known_error, KNOWN_ERROR_FIELDS)
    for name, value in fields.items():
        setattr(known_error, name, value.strip() if isinstance(value, str) else value)
    changes = history.diff(before, history.snapshot(known_error, KNOWN_ERROR_FIELDS))
    if not changes:
        return known_error
    save_versioned(known_error, fields=list(changes), expected_version=expected_version)
    _index_known_error(known_error)
    history.record(
        known_error,
        event="problems.knownerror.updated",
        actor=actor,
        changes=history.with_labels(KnownError, changes),
    )
    return known_error


@transaction.atomic
def retire_known_error(known_error: KnownError, *, actor, expected_version: int | None):
    """The permanent fix removed the error: agents no longer see it as a suggestion.
    Event problems.knownerror.retired."""
    require_version(known_error, expected_version)
    if known_error.status == KnownErrorStatus.RETIRED:
        raise error("status", _("This known error is already retired."), "already_retired")
    known_error.status = KnownErrorStatus.RETIRED
    save_versioned(known_error, fields=["status"], expected_version=expected_version)
    history.record(
        known_error,
        event="problems.knownerror.retired",
        actor=actor,
        changes={"status": [KnownErrorStatus.ACTIVE, KnownErrorStatus.RETIRED]},
    )
    return known_error
