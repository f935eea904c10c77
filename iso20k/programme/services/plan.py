"""Milestones and budget lines of a programme.

A milestone's status follows its actual dates (an actual end date means done); a milestone
cannot be done while tasks linked to it are still open. Budget amounts are never negative;
lines are retired, never deleted.
"""

from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from iso20k.core.concurrency import require_version, save_versioned
from iso20k.history import services as history

from ..choices import BudgetCategory, MilestoneStatus, Stage
from ..models import BudgetLine, Milestone, Programme
from .rules import (
    field_error,
    require_not_future,
    require_open,
    require_order,
    require_text_in_a_language,
)

MILESTONE_FIELDS = [
    "stage",
    "title_en",
    "title_zh_hans",
    "planned_start_on",
    "planned_end_on",
    "actual_start_on",
    "actual_end_on",
]
BUDGET_FIELDS = [
    "category",
    "description_en",
    "description_zh_hans",
    "planned_amount",
    "actual_amount",
    "note",
    "is_active",
]


def _check_milestone(fields: dict) -> None:
    require_text_in_a_language(
        fields, "title", _("Give the milestone a title in at least one language."), "title_required"
    )
    if fields.get("stage") not in Stage.values:
        raise field_error("stage", _("Choose one of the seven stages."), "invalid_choice")
    require_order(
        fields.get("planned_start_on"),
        fields.get("planned_end_on"),
        "planned_end_on",
        _("The planned end cannot be before the planned start."),
    )
    if fields.get("actual_end_on") and not fields.get("actual_start_on"):
        raise field_error(
            "actual_start_on",
            _("Give the actual start before the actual end."),
            "actual_start_required",
        )
    require_order(
        fields.get("actual_start_on"),
        fields.get("actual_end_on"),
        "actual_end_on",
        _("The actual end cannot be before the actual start."),
    )
    require_not_future(fields.get("actual_start_on"), "actual_start_on")
    require_not_future(fields.get("actual_end_on"), "actual_end_on")


def _status_from_dates(fields: dict) -> str:
    if fields.get("actual_end_on"):
        return MilestoneStatus.DONE
    if fields.get("actual_start_on"):
        return MilestoneStatus.IN_PROGRESS
    return MilestoneStatus.PLANNED


@transaction.atomic
def add_milestone(programme: Programme, *, actor, **fields) -> Milestone:
    """Add a milestone to a stage (besides the seven laid out at creation).

    Event programme.milestone.added.
    """
    require_open(programme)
    _check_milestone(fields)
    milestone = Milestone.objects.create(
        programme=programme, status=_status_from_dates(fields), **fields
    )
    history.record(
        milestone,
        event="programme.milestone.added",
        actor=actor,
        changes=history.initial(milestone, MILESTONE_FIELDS),
        data={"programme": programme.pk},
    )
    return milestone


@transaction.atomic
def update_milestone(
    milestone: Milestone, *, actor, expected_version: int | None, **fields
) -> Milestone:
    """Edit titles and dates; setting the actual end marks the milestone done.

    Raises ValidationError (end_before_start, actual_start_required, actual_date_in_future,
    open_tasks). Event programme.milestone.updated.
    """
    require_version(milestone, expected_version)
    require_open(milestone.programme)
    merged = {name: fields.get(name, getattr(milestone, name)) for name in MILESTONE_FIELDS}
    _check_milestone(merged)
    fields["status"] = _status_from_dates(merged)
    if fields["status"] == MilestoneStatus.DONE:
        open_tasks = milestone.tasks.open().count()
        if open_tasks:
            raise field_error(
                "actual_end_on",
                ngettext(
                    "%(n)s task of this milestone is still open; finish or move it first.",
                    "%(n)s tasks of this milestone are still open; finish or move them first.",
                    open_tasks,
                ),
                "open_tasks",
                n=open_tasks,
            )
    names = list(fields)
    before = history.snapshot(milestone, names)
    for name, value in fields.items():
        setattr(milestone, name, value)
    save_versioned(milestone, fields=names, expected_version=expected_version)
    history.record(
        milestone,
        event="programme.milestone.updated",
        actor=actor,
        changes=history.diff(before, history.snapshot(milestone, names)),
        data={"programme": milestone.programme_id},
    )
    return milestone


def _amount(value, field: str) -> Decimal:
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        raise field_error(field, _("Enter an amount as a number."), "invalid_amount") from None
    if not amount.is_finite():
        raise field_error(field, _("Enter an amount as a number."), "invalid_amount")
    if amount < 0:
        raise field_error(field, _("An amount cannot be negative."), "negative_amount")
    if amount >= Decimal("1e12"):
        raise field_error(field, _("The amount is too large."), "amount_too_large")
    return amount.quantize(Decimal("0.01"))


def _check_budget(fields: dict) -> dict:
    require_text_in_a_language(
        fields,
        "description",
        _("Describe the budget line in at least one language."),
        "description_required",
    )
    if fields.get("category") not in BudgetCategory.values:
        raise field_error("category", _("Choose a budget category."), "invalid_choice")
    checked = {"planned_amount": _amount(fields.get("planned_amount"), "planned_amount")}
    checked["actual_amount"] = _amount(fields.get("actual_amount") or 0, "actual_amount")
    return checked


@transaction.atomic
def add_budget_line(programme: Programme, *, actor, **fields) -> BudgetLine:
    """Plan a cost. Raises ValidationError (negative_amount, invalid_amount, …).

    Event programme.budgetline.added.
    """
    require_open(programme)
    fields.update(_check_budget(fields))
    line = BudgetLine.objects.create(programme=programme, **fields)
    history.record(
        line,
        event="programme.budgetline.added",
        actor=actor,
        changes=history.initial(line, BUDGET_FIELDS),
        data={"programme": programme.pk},
    )
    return line


@transaction.atomic
def update_budget_line(
    line: BudgetLine, *, actor, expected_version: int | None, **fields
) -> BudgetLine:
    """Edit a line, record what was spent, or retire it (is_active false).

    Event programme.budgetline.updated.
    """
    require_version(line, expected_version)
    require_open(line.programme)
    merged = {name: fields.get(name, getattr(line, name)) for name in BUDGET_FIELDS}
    checked = _check_budget(merged)
    fields.update({name: value for name, value in checked.items() if name in fields})
    names = list(fields)
    before = history.snapshot(line, names)
    for name, value in fields.items():
        setattr(line, name, value)
    save_versioned(line, fields=names, expected_version=expected_version)
    history.record(
        line,
        event="programme.budgetline.updated",
        actor=actor,
        changes=history.diff(before, history.snapshot(line, names)),
        data={"programme": line.programme_id},
    )
    return line
