"""Training and competence: every change goes through these functions.

Each checks its rules, writes the version-checked row and records history. Raises
ValidationError (field-keyed, coded), ConflictError or PermissionDenied. Reads (the
competence matrix, awareness coverage) are in querysets.py, permissions in access.py.
"""

from .definitions import (
    COMPETENCE_FIELDS,
    COURSE_FIELDS,
    create_competence,
    create_course,
    require_competence,
    retire_requirement,
    update_competence,
    update_course,
)
from .records import add_record_file, record_competence, withdraw_record
from .sessions import (
    ATTENDANCE_FIELDS,
    SESSION_FIELDS,
    add_certificate,
    cancel_session,
    hold_session,
    invite,
    record_attendance,
    schedule_session,
    update_session,
)

__all__ = [
    "ATTENDANCE_FIELDS",
    "COMPETENCE_FIELDS",
    "COURSE_FIELDS",
    "SESSION_FIELDS",
    "add_certificate",
    "add_record_file",
    "cancel_session",
    "create_competence",
    "create_course",
    "hold_session",
    "invite",
    "record_attendance",
    "record_competence",
    "require_competence",
    "retire_requirement",
    "schedule_session",
    "update_competence",
    "update_course",
    "update_session",
    "withdraw_record",
]
