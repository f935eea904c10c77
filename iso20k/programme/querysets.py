"""Reads of the programme: chainable querysets (attached as managers) and computed figures.

Progress, budget totals and overdue lists are computed here from milestones, tasks and
budget lines, never stored, so nobody can type a progress figure in.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import models
from django.db.models import Case, Count, IntegerField, Q, Sum, Value, When
from django.utils import timezone

from .choices import (
    OPEN_PROGRAMME_STATUSES,
    OPEN_TASK_STATUSES,
    PRIORITY_RANK,
    MilestoneStatus,
    ProgrammeStatus,
    TaskStatus,
)


def today() -> date:
    return timezone.localdate()


class ProgrammeQuerySet(models.QuerySet):
    def for_list(self) -> "ProgrammeQuerySet":
        return self.select_related("sponsor", "lead", "scope_statement")

    def open(self) -> "ProgrammeQuerySet":
        return self.filter(status__in=OPEN_PROGRAMME_STATUSES)

    def current(self):
        """The programme the organisation is working on now: the newest approved one, else
        the newest open one."""
        approved = self.filter(status=ProgrammeStatus.APPROVED).order_by("-starts_on", "-pk")
        return approved.first() or self.open().order_by("-starts_on", "-pk").first()


class MilestoneQuerySet(models.QuerySet):
    def overdue(self, at: date | None = None) -> "MilestoneQuerySet":
        return self.exclude(status=MilestoneStatus.DONE).filter(planned_end_on__lt=at or today())

    def with_task_counts(self) -> "MilestoneQuerySet":
        active = ~Q(tasks__status=TaskStatus.CANCELLED)
        return self.annotate(
            task_total=Count("tasks", filter=active),
            task_done=Count("tasks", filter=Q(tasks__status=TaskStatus.DONE)),
        )


class BudgetLineQuerySet(models.QuerySet):
    def active(self) -> "BudgetLineQuerySet":
        return self.filter(is_active=True)

    def totals(self) -> dict:
        sums = self.aggregate(planned=Sum("planned_amount"), actual=Sum("actual_amount"))
        planned, actual = sums["planned"] or Decimal(0), sums["actual"] or Decimal(0)
        return {"planned": planned, "actual": actual, "variance": actual - planned}

    def by_category(self) -> list[dict]:
        rows = (
            self.values("category")
            .annotate(planned=Sum("planned_amount"), actual=Sum("actual_amount"), lines=Count("pk"))
            .order_by("category")
        )
        return [{**row, "variance": row["actual"] - row["planned"]} for row in rows]


class TeamMemberQuerySet(models.QuerySet):
    def active(self) -> "TeamMemberQuerySet":
        return self.filter(left_on__isnull=True)

    def for_list(self) -> "TeamMemberQuerySet":
        return self.select_related("person", "process")

    def in_role_order(self) -> "TeamMemberQuerySet":
        """Sponsor, project lead, process owners, internal auditors, members, consultants."""
        from .choices import ProgrammeRole

        rank = Case(
            *[When(role=role, then=Value(i)) for i, role in enumerate(ProgrammeRole.values)],
            output_field=IntegerField(),
        )
        return self.annotate(role_rank=rank).order_by("left_on", "role_rank", "person__username")


class TaskQuerySet(models.QuerySet):
    def for_list(self) -> "TaskQuerySet":
        return self.select_related("owner", "milestone", "clause", "programme")

    def open(self) -> "TaskQuerySet":
        return self.filter(status__in=OPEN_TASK_STATUSES)

    def overdue(self, at: date | None = None) -> "TaskQuerySet":
        return self.open().filter(due_on__lt=at or today())

    def due_between(self, start: date, end: date) -> "TaskQuerySet":
        return self.open().filter(due_on__gte=start, due_on__lte=end)

    def with_priority_rank(self) -> "TaskQuerySet":
        return self.annotate(
            priority_rank=Case(
                *[When(priority=key, then=Value(rank)) for key, rank in PRIORITY_RANK.items()],
                output_field=IntegerField(),
            )
        )


@dataclass(frozen=True)
class Progress:
    """How far a programme is: done work items over all work items (milestones and tasks)."""

    milestones_done: int
    milestones_total: int
    tasks_done: int
    tasks_total: int
    overdue_milestones: int
    overdue_tasks: int

    @property
    def done(self) -> int:
        return self.milestones_done + self.tasks_done

    @property
    def total(self) -> int:
        return self.milestones_total + self.tasks_total

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def overdue(self) -> int:
        return self.overdue_milestones + self.overdue_tasks


def progress_of(programme, at: date | None = None) -> Progress:
    """Progress of one programme in two aggregate queries; cancelled tasks do not count."""
    at = at or today()
    milestones = programme.milestones.aggregate(
        total=Count("pk"),
        done=Count("pk", filter=Q(status=MilestoneStatus.DONE)),
        overdue=Count("pk", filter=~Q(status=MilestoneStatus.DONE) & Q(planned_end_on__lt=at)),
    )
    tasks = programme.tasks.exclude(status=TaskStatus.CANCELLED).aggregate(
        total=Count("pk"),
        done=Count("pk", filter=Q(status=TaskStatus.DONE)),
        overdue=Count("pk", filter=Q(status__in=OPEN_TASK_STATUSES, due_on__lt=at)),
    )
    return Progress(
        milestones_done=milestones["done"],
        milestones_total=milestones["total"],
        tasks_done=tasks["done"],
        tasks_total=tasks["total"],
        overdue_milestones=milestones["overdue"],
        overdue_tasks=tasks["overdue"],
    )


def task_counts_by_status(tasks: models.QuerySet) -> dict[str, int]:
    counts = dict.fromkeys(TaskStatus.values, 0)
    for row in tasks.order_by().values("status").annotate(n=Count("pk")):
        counts[row["status"]] = row["n"]
    return counts


def internal_people(at=None):
    """Active people holding a role of the organisation's own (now, or at a past moment)."""
    from iso20k.accounts.choices import INTERNAL_ROLES
    from iso20k.accounts.models import Grant, User

    holders = Grant.objects.active(at=at).filter(role__in=INTERNAL_ROLES).values("user_id")
    return User.objects.filter(is_active=True, pk__in=holders).order_by("username")


def people_with_role(role: str):
    from iso20k.accounts.models import Grant, User

    holders = Grant.objects.active().filter(role=role).values("user_id")
    return User.objects.filter(is_active=True, pk__in=holders).order_by("username")


def _count(model, **filters):
    from django.db.models import OuterRef, Subquery
    from django.db.models.functions import Coalesce

    rows = (
        model.objects.filter(programme=OuterRef("pk"), **filters)
        .order_by()
        .values("programme")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows), Value(0))


def with_progress(programmes: models.QuerySet, at: date | None = None) -> models.QuerySet:
    """Annotate each programme with the counts progress is computed from (one query)."""
    from .models import Milestone, Task

    at = at or today()
    return programmes.annotate(
        n_milestones=_count(Milestone),
        n_milestones_done=_count(Milestone, status=MilestoneStatus.DONE),
        n_milestones_overdue=_count(
            Milestone, planned_end_on__lt=at, status__in=["planned", "in_progress"]
        ),
        n_tasks=_count(Task, status__in=[s for s in TaskStatus.values if s != "cancelled"]),
        n_tasks_done=_count(Task, status=TaskStatus.DONE),
        n_tasks_overdue=_count(Task, status__in=OPEN_TASK_STATUSES, due_on__lt=at),
    )


def progress_from_annotations(programme) -> Progress:
    return Progress(
        milestones_done=programme.n_milestones_done,
        milestones_total=programme.n_milestones,
        tasks_done=programme.n_tasks_done,
        tasks_total=programme.n_tasks,
        overdue_milestones=programme.n_milestones_overdue,
        overdue_tasks=programme.n_tasks_overdue,
    )
