"""Incident lifecycle (8.6.1). Every change to an incident goes through these functions:
lifecycle.py (log, edit, assign, hold, resolve, close, reopen, cancel, comment, rate),
escalation.py (escalations and the major incident review), links.py (related incidents,
problem). Reads are in querysets.py, permissions in access.py.
"""

from .escalation import REVIEW_FIELDS, escalate_incident, record_major_review
from .lifecycle import (
    add_incident_comment,
    assign_incident,
    cancel_incident,
    close_incident,
    hold_incident,
    open_incident,
    rate_incident,
    reopen_incident,
    resolve_incident,
    resume_incident,
    update_incident,
)
from .links import link_incidents, set_incident_problem, unlink_incidents

__all__ = [
    "REVIEW_FIELDS",
    "add_incident_comment",
    "assign_incident",
    "cancel_incident",
    "close_incident",
    "escalate_incident",
    "hold_incident",
    "link_incidents",
    "open_incident",
    "rate_incident",
    "record_major_review",
    "reopen_incident",
    "resolve_incident",
    "resume_incident",
    "set_incident_problem",
    "unlink_incidents",
    "update_incident",
]
