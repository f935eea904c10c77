"""Tasks of a programme: create, edit, move through their statuses, and remind owners.

Owners hear about a task assigned to them by someone else; the reminder job e-mails each
owner a few days before the due date and once after it has passed, each reminder once per
task and due date (a moved due date earns new reminders).
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from iso20k.core.concurrency import require_version, save_versioned
from iso20k.history import services as history
from iso20k.notifications.services import queue_email

from ..choices import REMIND_DAYS_BEFORE, TASK_TRANSITIONS, Priority, TaskStatus
from ..models import Programme, Task
from .rules import field_error, require_internal, require_open, require_order, resolve_clause

TASK_FIELDS = [
    "title",
    "description",
    "owner",
    "starts_on",
    "due_on",
    "priority",
    "milestone",
    "clause",
]


def _check_task(programme: Programme, fields: dict) -> dict:
    if not (fields.get("title") or "").strip():
        raise field_error("title", _("Give the task a title."), "title_required")
    if fields.get("due_on") is None:
        raise field_error("due_on", _("Give the task a due date."), "due_required")
    require_order(
        fields.get("starts_on"),
        fields.get("due_on"),
        "due_on",
        _("The due date cannot be before the start date."),
    )
    if fields.get("priority") not in Priority.values:
        raise field_error("priority", _("Choose a priority."), "invalid_choice")
    require_internal(fields.get("owner"), "owner")
    milestone = fields.get("milestone")
    if milestone is not None and milestone.programme_id != programme.pk:
        raise field_error(
            "milestone",
            _("Choose a milestone of this programme."),
            "milestone_of_another_programme",
        )
    fields["clause"] = resolve_clause(fields.get("clause"))
    return fields


def _context(task: Task) -> dict:
    programme = task.programme
    return {
        "title": task.title,
        "due_on": task.due_on.isoformat(),
        "url": task.get_absolute_url(),
        "programme_en": programme.title_en or programme.title_zh_hans,
        "programme_zh_hans": programme.title_zh_hans or programme.title_en,
    }


def _tell_owner(task: Task, actor) -> None:
    if task.owner_id != getattr(actor, "pk", None):
        queue_email(
            recipient=task.owner, template="programme_task_assigned", context=_context(task)
        )


@transaction.atomic
def create_task(programme: Programme, *, actor, **fields) -> Task:
    """Create a task; its owner is e-mailed when someone else assigned it.

    Raises ValidationError (title_required, due_required, end_before_start, not_internal,
    milestone_of_another_programme, unknown_clause, programme_closed). Event
    programme.task.created.
    """
    require_open(programme)
    fields.setdefault("priority", Priority.MEDIUM)
    fields = _check_task(programme, fields)
    task = Task.objects.create(programme=programme, **fields)
    history.record(
        task,
        event="programme.task.created",
        actor=actor,
        changes=history.initial(task, TASK_FIELDS),
        data={"programme": programme.pk},
    )
    _tell_owner(task, actor)
    return task


@transaction.atomic
def update_task(task: Task, *, actor, expected_version: int | None, **fields) -> Task:
    """Edit what a task is, who owns it and when it is due. Event programme.task.updated."""
    require_version(task, expected_version)
    require_open(task.programme)
    merged = {name: fields.get(name, getattr(task, name)) for name in TASK_FIELDS}
    checked = _check_task(task.programme, merged)
    fields.update({name: checked[name] for name in fields})
    names = list(fields)
    before = history.snapshot(task, names)
    owner_before = task.owner_id
    for name, value in fields.items():
        setattr(task, name, value)
    save_versioned(task, fields=names, expected_version=expected_version)
    history.record(
        task,
        event="programme.task.updated",
        actor=actor,
        changes=history.diff(before, history.snapshot(task, names)),
        data={"programme": task.programme_id},
    )
    if task.owner_id != owner_before:
        _tell_owner(task, actor)
    return task


@transaction.atomic
def change_task_status(
    task: Task, *, actor, expected_version: int | None, status: str, note: str = ""
) -> Task:
    """Move a task to another status; blocking or cancelling needs a note.

    Raises ValidationError (invalid_transition, note_required). Event
    programme.task.status_changed.
    """
    require_version(task, expected_version)
    require_open(task.programme)
    if status not in TASK_TRANSITIONS.get(task.status, set()):
        raise field_error(
            "status",
            _("A task that is “%(current)s” cannot move to this status."),
            "invalid_transition",
            current=task.get_status_display(),
        )
    if status in {TaskStatus.BLOCKED, TaskStatus.CANCELLED} and not (note or "").strip():
        raise field_error("note", _("Say why."), "note_required")
    before = history.snapshot(task, ["status", "status_note", "completed_at"])
    task.status, task.status_note = status, note
    task.completed_at = timezone.now() if status == TaskStatus.DONE else None
    names = ["status", "status_note", "completed_at"]
    save_versioned(task, fields=names, expected_version=expected_version)
    history.record(
        task,
        event="programme.task.status_changed",
        actor=actor,
        changes=history.diff(before, history.snapshot(task, names)),
        data={"programme": task.programme_id},
    )
    return task


@dataclass(frozen=True)
class ReminderRun:
    due_soon: int
    overdue: int


def send_task_reminders(*, today: date | None = None) -> ReminderRun:
    """Queue reminder e-mails for open tasks of open programmes: due within a few days,
    and past due. Each reminder goes once per task and due date (dedupe key)."""
    today = today or timezone.localdate()
    tasks = Task.objects.open().filter(programme__status__in=["draft", "submitted", "approved"])
    tasks = tasks.select_related("owner", "programme")
    soon = overdue = 0
    horizon = today + timedelta(days=REMIND_DAYS_BEFORE)
    for task in tasks.filter(due_on__gte=today, due_on__lte=horizon):
        key = f"programme.task.{task.pk}.due-soon.{task.due_on.isoformat()}"
        if queue_email(
            recipient=task.owner,
            template="programme_task_due_soon",
            context=_context(task),
            dedupe_key=key,
        ):
            soon += 1
    for task in tasks.filter(due_on__lt=today):
        key = f"programme.task.{task.pk}.overdue.{task.due_on.isoformat()}"
        if queue_email(
            recipient=task.owner,
            template="programme_task_overdue",
            context=_context(task),
            dedupe_key=key,
        ):
            overdue += 1
    return ReminderRun(due_soon=soon, overdue=overdue)
