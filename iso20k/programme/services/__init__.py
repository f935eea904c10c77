"""The certification programme: every change goes through these functions.

Each checks its rules, writes the version-checked row, records history and queues side
effects (e-mail) for after commit. Raises ValidationError (field-keyed, coded),
ConflictError or PermissionDenied. Reads are in querysets.py, permissions in access.py.
"""

from .charter import (
    CHARTER_FIELDS,
    approve_programme,
    close_programme,
    create_programme,
    reject_programme,
    reopen_programme,
    stage_dates,
    submit_programme,
    update_programme,
    withdraw_programme,
)
from .plan import (
    BUDGET_FIELDS,
    MILESTONE_FIELDS,
    add_budget_line,
    add_milestone,
    update_budget_line,
    update_milestone,
)
from .tasks import (
    TASK_FIELDS,
    ReminderRun,
    change_task_status,
    create_task,
    send_task_reminders,
    update_task,
)
from .team import MEMBER_FIELDS, add_member, leave_team, set_process_raci, update_member

__all__ = [
    "BUDGET_FIELDS",
    "CHARTER_FIELDS",
    "MEMBER_FIELDS",
    "MILESTONE_FIELDS",
    "TASK_FIELDS",
    "ReminderRun",
    "add_budget_line",
    "add_member",
    "add_milestone",
    "approve_programme",
    "change_task_status",
    "close_programme",
    "create_programme",
    "create_task",
    "leave_team",
    "reject_programme",
    "reopen_programme",
    "send_task_reminders",
    "set_process_raci",
    "stage_dates",
    "submit_programme",
    "update_budget_line",
    "update_member",
    "update_milestone",
    "update_programme",
    "update_task",
    "withdraw_programme",
]
