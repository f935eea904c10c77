"""Problems and known errors (8.6.3): problems.py (raise, investigate, record a known
error, resolve, close with a root cause or a reason) and known_errors.py (publish, correct,
retire). Reads are in querysets.py, permissions in access.py.
"""

from .known_errors import (
    KNOWN_ERROR_KEY,
    publish_known_error,
    retire_known_error,
    update_known_error,
)
from .problems import (
    close_problem,
    link_incidents,
    raise_problem,
    record_known_error,
    reopen_problem,
    resolve_problem,
    start_investigation,
    update_problem,
)

__all__ = [
    "KNOWN_ERROR_KEY",
    "close_problem",
    "link_incidents",
    "publish_known_error",
    "raise_problem",
    "record_known_error",
    "reopen_problem",
    "resolve_problem",
    "retire_known_error",
    "start_investigation",
    "update_known_error",
    "update_problem",
]
