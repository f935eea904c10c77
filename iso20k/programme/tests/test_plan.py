"""Milestones (planned and actual dates, status from dates) and budget lines (never negative)."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from iso20k.core.errors import ConflictError
from iso20k.history.models import ChangeRecord
from iso20k.programme import querysets, services
from iso20k.programme.models import BudgetLine

pytestmark = pytest.mark.django_db
D = datetime.date


def codes(exc):
    return {f: [e.code for e in errors] for f, errors in exc.error_dict.items()}


def test_actual_dates_drive_the_milestone_status(programme, lead):
    milestone = programme.milestones.get(stage="plan")
    milestone = services.update_milestone(
        milestone, actor=lead, expected_version=1, actual_start_on=D(2025, 1, 6)
    )
    assert milestone.status == "in_progress"
    milestone = services.update_milestone(
        milestone, actor=lead, expected_version=2, actual_end_on=D(2025, 2, 10)
    )
    assert milestone.status == "done"
    record = ChangeRecord.objects.for_object(milestone).order_by("-seq").first()
    assert record.changes["status"] == ["in_progress", "done"]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"planned_end_on": D(2024, 1, 1)}, {"planned_end_on": ["end_before_start"]}),
        ({"actual_end_on": D(2025, 2, 1)}, {"actual_start_on": ["actual_start_required"]}),
        (
            {"actual_start_on": D(2025, 2, 1), "actual_end_on": D(2025, 1, 1)},
            {"actual_end_on": ["end_before_start"]},
        ),
        ({"actual_start_on": D(2999, 1, 1)}, {"actual_start_on": ["actual_date_in_future"]}),
        ({"title_en": "", "title_zh_hans": ""}, {"title_en": ["title_required"]}),
    ],
)
def test_bad_milestone_dates_are_refused(programme, lead, fields, expected):
    milestone = programme.milestones.get(stage="plan")
    with pytest.raises(ValidationError) as exc:
        services.update_milestone(milestone, actor=lead, expected_version=1, **fields)
    assert codes(exc.value) == expected
    milestone.refresh_from_db()
    assert milestone.version == 1 and milestone.status == "planned"


def test_a_milestone_with_open_tasks_cannot_be_done(programme, lead):
    milestone = programme.milestones.get(stage="learn")
    services.create_task(
        programme,
        actor=lead,
        title="Gap analysis",
        owner=lead,
        due_on=D(2025, 3, 1),
        milestone=milestone,
    )
    with pytest.raises(ValidationError) as exc:
        services.update_milestone(
            milestone,
            actor=lead,
            expected_version=1,
            actual_start_on=D(2025, 2, 1),
            actual_end_on=D(2025, 3, 1),
        )
    assert codes(exc.value) == {"actual_end_on": ["open_tasks"]}


def test_progress_is_computed_from_milestones_and_tasks(programme, lead, time_machine):
    time_machine.move_to(datetime.datetime(2025, 4, 1, 12))
    plan = programme.milestones.get(stage="plan")
    services.update_milestone(
        plan,
        actor=lead,
        expected_version=1,
        actual_start_on=D(2025, 1, 6),
        actual_end_on=D(2025, 2, 1),
    )
    done = services.create_task(programme, actor=lead, title="a", owner=lead, due_on=D(2025, 3, 1))
    services.change_task_status(done, actor=lead, expected_version=1, status="done")
    services.create_task(programme, actor=lead, title="b", owner=lead, due_on=D(2025, 3, 2))
    cancelled = services.create_task(
        programme, actor=lead, title="c", owner=lead, due_on=D(2025, 3, 3)
    )
    services.change_task_status(
        cancelled, actor=lead, expected_version=1, status="cancelled", note="dup"
    )
    progress = querysets.progress_of(programme)
    assert (progress.done, progress.total) == (2, 9)
    assert progress.percent == 22
    assert progress.overdue_tasks == 1
    assert progress.overdue_milestones == 1  # "learn" should have ended before April
    annotated = querysets.with_progress(type(programme).objects.filter(pk=programme.pk)).get()
    assert querysets.progress_from_annotations(annotated) == progress


def test_budget_lines_total_and_vary(programme, lead):
    services.add_budget_line(
        programme,
        actor=lead,
        category="training",
        description_en="Auditor course",
        planned_amount="12000",
        actual_amount="13500.50",
    )
    services.add_budget_line(
        programme,
        actor=lead,
        category="certification",
        description_zh_hans="认证费",
        planned_amount=Decimal("30000"),
    )
    totals = programme.budget_lines.active().totals()
    assert totals == {
        "planned": Decimal("42000.00"),
        "actual": Decimal("13500.50"),
        "variance": Decimal("-28499.50"),
    }
    rows = {r["category"]: r["variance"] for r in programme.budget_lines.by_category()}
    assert rows["training"] == Decimal("1500.50")


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"planned_amount": "-1"}, {"planned_amount": ["negative_amount"]}),
        ({"planned_amount": "abc"}, {"planned_amount": ["invalid_amount"]}),
        ({"planned_amount": "NaN"}, {"planned_amount": ["invalid_amount"]}),
        ({"planned_amount": "1", "actual_amount": "-5"}, {"actual_amount": ["negative_amount"]}),
        ({"planned_amount": "1e15"}, {"planned_amount": ["amount_too_large"]}),
        ({"planned_amount": "1", "category": "bribes"}, {"category": ["invalid_choice"]}),
        (
            {"planned_amount": "1", "description_en": ""},
            {"description_en": ["description_required"]},
        ),
    ],
)
def test_bad_budget_amounts_are_refused_and_nothing_is_saved(programme, lead, fields, expected):
    data = {"category": "training", "description_en": "Course", **fields}
    with pytest.raises(ValidationError) as exc:
        services.add_budget_line(programme, actor=lead, **data)
    assert codes(exc.value) == expected
    assert not BudgetLine.objects.exists()


def test_a_budget_line_is_retired_not_deleted_and_edits_are_version_checked(programme, lead):
    line = services.add_budget_line(
        programme, actor=lead, category="tooling", description_en="ITSM", planned_amount=5000
    )
    line = services.update_budget_line(
        line, actor=lead, expected_version=1, actual_amount="4800", is_active=False
    )
    assert line.actual_amount == Decimal("4800.00") and not line.is_active
    assert programme.budget_lines.active().totals()["planned"] == 0
    with pytest.raises(ConflictError):
        services.update_budget_line(line, actor=lead, expected_version=1, note="late")
    with pytest.raises(ValidationError) as exc:
        services.update_budget_line(line, actor=lead, expected_version=2, planned_amount=-3)
    assert codes(exc.value) == {"planned_amount": ["negative_amount"]}
    assert BudgetLine.objects.get().planned_amount == Decimal("5000.00")
