"""Models of the certification programme (stage 1 of the journey), split by aggregate."""

from .programme import BudgetLine, Milestone, Programme
from .task import Task
from .team import ProcessRaci, RaciAssignment, TeamMember

__all__ = [
    "BudgetLine",
    "Milestone",
    "ProcessRaci",
    "Programme",
    "RaciAssignment",
    "Task",
    "TeamMember",
]
