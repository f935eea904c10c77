"""Business calendars and entered holiday schedules: every change goes through here.

Each function checks its rules, writes the version-checked row, records history and, after
commit, tells the listeners (slas) so that open clocks counted on the affected calendars are
recomputed by the worker. Raises ValidationError (field-keyed, coded) or ConflictError.
"""

from .calendars import (
    add_holiday,
    check_hours,
    create_calendar,
    describe_hours,
    remove_holiday,
    set_calendar_active,
    set_working_hours,
    update_calendar,
)
from .schedules import ScheduleDay, enter_public_schedule, withdraw_public_schedule

__all__ = [
    "ScheduleDay",
    "add_holiday",
    "check_hours",
    "create_calendar",
    "describe_hours",
    "enter_public_schedule",
    "remove_holiday",
    "set_calendar_active",
    "set_working_hours",
    "update_calendar",
    "withdraw_public_schedule",
]
