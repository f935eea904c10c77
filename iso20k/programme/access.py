"""Who may read and change the programme, its budget, team, RACI and tasks.

The organisation's own people read the programme; the certification lead (and the
administrator) edit it; top management approves the charter; task owners update their own
tasks; only the lead, top management and the administrator see money.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from iso20k.accounts import access as accounts
from iso20k.accounts.choices import Role

from .models import BudgetLine, Milestone, Programme, Task, TeamMember


def can_view(user) -> bool:
    return accounts.is_internal(user)


def can_edit(user) -> bool:
    return accounts.is_administrator(user) or accounts.has_role(user, Role.CERTIFICATION_LEAD)


def can_approve(user) -> bool:
    return accounts.has_role(user, Role.TOP_MANAGEMENT)


def can_view_budget(user) -> bool:
    if can_edit(user):
        return True
    return accounts.has_role(user, Role.TOP_MANAGEMENT)


def can_update_task(user, task: Task) -> bool:
    """Change the status of a task: the lead for any task, the owner for their own."""
    if can_edit(user):
        return True
    return task.owner_id == getattr(user, "pk", None)


def check_view(user) -> None:
    if not can_view(user):
        raise Http404


def check_edit(user) -> None:
    check_view(user)
    if not can_edit(user):
        raise PermissionDenied


def visible_programmes(user) -> QuerySet[Programme]:
    if not can_view(user):
        return Programme.objects.none()
    return Programme.objects.for_list()


def get_programme_for(user, pk: int, action: str = "view") -> Programme:
    programme = visible_programmes(user).filter(pk=pk).first()
    if programme is None:
        raise Http404
    if action == "edit" and not can_edit(user):
        raise PermissionDenied
    if action == "decide" and not can_approve(user):
        raise PermissionDenied
    if action == "budget" and not can_view_budget(user):
        raise PermissionDenied
    return programme


def visible_milestones(user) -> QuerySet[Milestone]:
    if not can_view(user):
        return Milestone.objects.none()
    return Milestone.objects.select_related("programme")


def get_milestone_for(user, pk: int, action: str = "view") -> Milestone:
    milestone = visible_milestones(user).filter(pk=pk).first()
    if milestone is None:
        raise Http404
    if action == "edit" and not can_edit(user):
        raise PermissionDenied
    return milestone


def visible_budget_lines(user) -> QuerySet[BudgetLine]:
    if not can_view_budget(user):
        return BudgetLine.objects.none()
    return BudgetLine.objects.select_related("programme")


def get_budget_line_for(user, pk: int, action: str = "view") -> BudgetLine:
    line = visible_budget_lines(user).filter(pk=pk).first()
    if line is None:
        raise Http404
    if action == "edit" and not can_edit(user):
        raise PermissionDenied
    return line


def visible_members(user) -> QuerySet[TeamMember]:
    if not can_view(user):
        return TeamMember.objects.none()
    return TeamMember.objects.select_related("programme", "person", "process")


def get_member_for(user, pk: int, action: str = "view") -> TeamMember:
    member = visible_members(user).filter(pk=pk).first()
    if member is None:
        raise Http404
    if action == "edit" and not can_edit(user):
        raise PermissionDenied
    return member


def visible_tasks(user) -> QuerySet[Task]:
    if not can_view(user):
        return Task.objects.none()
    return Task.objects.for_list()


def get_task_for(user, pk: int, action: str = "view") -> Task:
    task = visible_tasks(user).filter(pk=pk).first()
    if task is None:
        raise Http404
    if action == "edit" and not can_edit(user):
        raise PermissionDenied
    if action == "update" and not can_update_task(user, task):
        raise PermissionDenied
    return task
