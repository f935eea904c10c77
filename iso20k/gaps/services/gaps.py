"""Gaps found by assessments: raise, edit, close, reopen, and turn them into programme tasks.

Turning gaps into tasks calls the programme's own create_task, so tasks made from gaps
follow the same rules and notify their owners.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from iso20k.accounts import access as accounts
from iso20k.catalogue.models import Clause
from iso20k.core.concurrency import require_version, save_versioned
from iso20k.history import services as history
from iso20k.programme import services as programme_services
from iso20k.programme.choices import Priority

from ..choices import GapStatus
from ..models import Assessment, Gap
from .assessments import _error, _require_open

GAP_FIELDS = ["clause", "description", "priority", "owner", "due_on"]


def _resolve_clause(value, assessment: Assessment) -> Clause:
    if isinstance(value, Clause):
        clause = value
    else:
        text = str(value or "").strip()
        clause = Clause.objects.current().filter(number=text).first()
        clause = clause or Clause.objects.current().filter(pk=text).first()
    if clause is None:
        raise _error(
            "clause",
            _("There is no clause “%(value)s” in the catalogue."),
            "unknown_clause",
            value=str(value),
        )
    if not assessment.ratings.filter(clause=clause).exists():
        raise _error(
            "clause",
            _("Clause %(number)s is not rated in this assessment; choose a rated clause."),
            "clause_not_assessed",
            number=clause.number,
        )
    return clause


def _check_gap(assessment: Assessment, fields: dict) -> dict:
    fields["clause"] = _resolve_clause(fields.get("clause"), assessment)
    if not (fields.get("description") or "").strip():
        raise _error("description", _("Describe the gap."), "description_required")
    if fields.get("priority") not in Priority.values:
        raise _error("priority", _("Choose a priority."), "invalid_choice")
    owner = fields.get("owner")
    if owner is not None and (not owner.is_active or not accounts.is_internal(owner)):
        raise _error("owner", _("Choose an active person of the organisation."), "not_internal")
    due_on = fields.get("due_on")
    if due_on is not None and due_on < assessment.assessed_on:
        raise _error(
            "due_on",
            _("The due date cannot be before the assessment date."),
            "end_before_start",
        )
    return fields


@transaction.atomic
def raise_gap(assessment: Assessment, *, actor, **fields) -> Gap:
    """Record a gap against a clause rated in the assessment. Event gaps.gap.raised."""
    _require_open(assessment)
    fields.setdefault("priority", Priority.MEDIUM)
    fields = _check_gap(assessment, fields)
    gap = Gap.objects.create(assessment=assessment, raised_by=actor, **fields)
    history.record(
        gap,
        event="gaps.gap.raised",
        actor=actor,
        changes=history.initial(gap, GAP_FIELDS),
        data={"assessment": assessment.pk},
    )
    return gap


@transaction.atomic
def update_gap(gap: Gap, *, actor, expected_version: int | None, **fields) -> Gap:
    """Change a gap's description, priority, owner or due date. Event gaps.gap.updated."""
    require_version(gap, expected_version)
    if not gap.is_open:
        raise _error("status", _("Reopen the gap before changing it."), "gap_closed")
    merged = {name: fields.get(name, getattr(gap, name)) for name in GAP_FIELDS}
    checked = _check_gap(gap.assessment, merged)
    fields.update({name: checked[name] for name in fields})
    names = list(fields)
    before = history.snapshot(gap, names)
    for name, value in fields.items():
        setattr(gap, name, value)
    save_versioned(gap, fields=names, expected_version=expected_version)
    history.record(
        gap,
        event="gaps.gap.updated",
        actor=actor,
        changes=history.diff(before, history.snapshot(gap, names)),
    )
    return gap


@transaction.atomic
def close_gap(gap: Gap, *, actor, expected_version: int | None, note: str) -> Gap:
    """Close a gap saying how it was addressed. Event gaps.gap.closed."""
    require_version(gap, expected_version)
    if not gap.is_open:
        raise _error("status", _("The gap is already closed."), "gap_closed")
    if not (note or "").strip():
        raise _error("note", _("Say how the gap was addressed."), "note_required")
    gap.status, gap.closed_at, gap.closure_note = GapStatus.CLOSED, timezone.now(), note
    save_versioned(
        gap, fields=["status", "closed_at", "closure_note"], expected_version=expected_version
    )
    history.record(gap, event="gaps.gap.closed", actor=actor, data={"note": note})
    return gap


@transaction.atomic
def reopen_gap(gap: Gap, *, actor, expected_version: int | None, note: str) -> Gap:
    """Reopen a closed gap (e.g. the next assessment finds it again). Event gaps.gap.reopened."""
    require_version(gap, expected_version)
    if gap.is_open:
        raise _error("status", _("The gap is not closed."), "gap_open")
    if not (note or "").strip():
        raise _error("note", _("Say why the gap is reopened."), "note_required")
    gap.status = GapStatus.IN_PROGRESS if gap.task_id else GapStatus.OPEN
    gap.closed_at = None
    save_versioned(gap, fields=["status", "closed_at"], expected_version=expected_version)
    history.record(gap, event="gaps.gap.reopened", actor=actor, data={"note": note})
    return gap


@dataclass(frozen=True)
class TaskReport:
    """What turning gaps into tasks did: the tasks created, and gaps that already had one."""

    created: tuple
    skipped: tuple


def _gap_problems(gaps: list[Gap]) -> list[str]:
    problems = []
    for gap in gaps:
        if not gap.is_open:
            problems.append(_("%(gap)s is closed.") % {"gap": gap})
        elif gap.owner_id is None or gap.due_on is None:
            problems.append(_("%(gap)s needs an owner and a due date.") % {"gap": gap})
    return problems


def _task_for(gap: Gap, *, actor, programme, milestone):
    task = programme_services.create_task(
        programme,
        actor=actor,
        title=Truncator(f"{gap.clause.number} {gap.description}").chars(200),
        description=gap.description,
        owner=gap.owner,
        due_on=gap.due_on,
        priority=gap.priority,
        clause=gap.clause,
        milestone=milestone,
    )
    gap.task, gap.status = task, GapStatus.IN_PROGRESS
    save_versioned(gap, fields=["task", "status"], expected_version=gap.version)
    history.record(
        gap,
        event="gaps.gap.task_created",
        actor=actor,
        changes={"task": [None, task.pk], "status": [GapStatus.OPEN, GapStatus.IN_PROGRESS]},
        data={"programme": programme.pk},
    )
    return task


@transaction.atomic
def create_tasks_for_gaps(gaps, *, actor, programme, milestone=None) -> TaskReport:
    """Turn gaps into tasks of a programme in one action; all or nothing.

    Each task takes the gap's clause, priority, owner and due date; the gap then points at
    it and is "being addressed". Gaps that already have a task are skipped. Raises
    ValidationError on "gaps" listing every gap that lacks an owner or due date (nothing
    is created then). Events programme.task.created and gaps.gap.task_created.
    """
    gaps = list(gaps)
    if not gaps:
        raise _error("gaps", _("Choose at least one gap."), "gaps_required")
    todo = [gap for gap in gaps if gap.task_id is None]
    problems = _gap_problems(todo)
    if problems:
        raise ValidationError(
            {"gaps": [ValidationError(p, code="gap_not_ready") for p in problems]}
        )
    created = [
        _task_for(gap, actor=actor, programme=programme, milestone=milestone) for gap in todo
    ]
    return TaskReport(created=tuple(created), skipped=tuple(g for g in gaps if g not in todo))
