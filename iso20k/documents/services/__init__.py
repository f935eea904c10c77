"""Every change to documents goes through these functions (one module per aggregate).

documents: register, describe, retire. versions: drafts. approval: review, approval, periodic
review.
reading: assignments, acknowledgement, reminders. generation: drafts from the template set.
Reads are in querysets.py, permissions in access.py.
"""

from .approval import approve_version, confirm_periodic_review, reject_version, review_version
from .documents import create_document, retire_document, update_document
from .generation import generate_document, render_template
from .reading import (
    acknowledge_reading,
    assign_reading,
    end_assignment,
    send_read_reminders,
)
from .versions import (
    discard_version,
    start_revision,
    submit_version,
    update_version_draft,
    withdraw_version,
)

__all__ = [
    "acknowledge_reading",
    "approve_version",
    "assign_reading",
    "confirm_periodic_review",
    "create_document",
    "discard_version",
    "end_assignment",
    "generate_document",
    "reject_version",
    "render_template",
    "retire_document",
    "review_version",
    "send_read_reminders",
    "start_revision",
    "submit_version",
    "update_document",
    "update_version_draft",
    "withdraw_version",
]
