"""Gap assessments, clause ratings, evidence and gaps: every change goes through here.

Each function checks its rules, writes version-checked rows and records history. Raises
ValidationError (field-keyed, coded), ConflictError or PermissionDenied. Reads are in
querysets.py, permissions in access.py.
"""

from .assessments import (
    ASSESSMENT_FIELDS,
    add_evidence,
    complete_assessment,
    copy_assessment,
    create_assessment,
    rate_clause,
    update_assessment,
    withdraw_evidence,
)
from .gaps import (
    GAP_FIELDS,
    TaskReport,
    close_gap,
    create_tasks_for_gaps,
    raise_gap,
    reopen_gap,
    update_gap,
)

__all__ = [
    "ASSESSMENT_FIELDS",
    "GAP_FIELDS",
    "TaskReport",
    "add_evidence",
    "close_gap",
    "complete_assessment",
    "copy_assessment",
    "create_assessment",
    "create_tasks_for_gaps",
    "raise_gap",
    "rate_clause",
    "reopen_gap",
    "update_assessment",
    "update_gap",
    "withdraw_evidence",
]
