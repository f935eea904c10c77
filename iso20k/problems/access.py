"""Who may see and work problems and known errors (8.6.3).

Agents (organisation-wide or scoped to 8.6.3), administrators and the process owner of
8.6.3 work problems; top management, the lead and auditors read them. Known errors are
read by everyone who works or reads incidents (agents consult them while working an
incident). Customers never see problems.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from iso20k.servicedesk import access as desk

from .models import KnownError, Problem

PROCESS = "8.6.3"


def can_view(user) -> bool:
    return desk.can_view_process(user, PROCESS)


def can_work(user) -> bool:
    return desk.can_work_process(user, PROCESS) or desk.owns_process(user, PROCESS)


def can_view_known_errors(user) -> bool:
    return can_view(user) or desk.can_view_process(user, "8.6.1")


def visible_problems(user) -> QuerySet[Problem]:
    return Problem.objects.all() if can_view(user) else Problem.objects.none()


def get_problem_for(user, pk: int, action: str = "view") -> Problem:
    problem = (
        visible_problems(user)
        .select_related("service", "assigned_group", "assignee")
        .filter(pk=pk)
        .first()
    )
    if problem is None:
        raise Http404
    if action != "view" and not can_work(user):
        raise PermissionDenied
    return problem


def check_work(user) -> None:
    if not can_view(user):
        raise Http404
    if not can_work(user):
        raise PermissionDenied


def visible_known_errors(user) -> QuerySet[KnownError]:
    if can_view_known_errors(user):
        return KnownError.objects.all()
    return KnownError.objects.none()


def get_known_error_for(user, pk: int, action: str = "view") -> KnownError:
    known_error = (
        visible_known_errors(user).select_related("problem", "service").filter(pk=pk).first()
    )
    if known_error is None:
        raise Http404
    if action != "view" and not can_work(user):
        raise PermissionDenied
    return known_error


def problem_by_reference(user, reference: str) -> Problem:
    """A visible problem named by "PRB-000007" or "7"; a field error otherwise."""
    from iso20k.servicedesk.workspace.queues import REFERENCE

    match = REFERENCE.match(reference or "")
    problem = visible_problems(user).filter(pk=int(match.group(1))).first() if match else None
    if problem is None:
        raise ValidationError(
            {"problem": ValidationError(_("No problem has this reference."), code="not_found")}
        )
    return problem
