"""Errors that services raise besides ValidationError and PermissionDenied."""

from django.db import models


class ConflictError(Exception):
    """A write started from a version that is no longer current.

    `current` is the row as it stands now; `expected_version` is what the caller had.
    Views show who changed it since (history.querysets.changes_since) and keep the input.
    """

    def __init__(self, current: models.Model | None, expected_version: int | None) -> None:
        self.current = current
        self.expected_version = expected_version
        super().__init__(
            f"stale version {expected_version} of {current!r}; "
            f"current is {getattr(current, 'version', None)}"
        )
