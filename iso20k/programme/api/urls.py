from .views import (
    BudgetLineViewSet,
    MilestoneViewSet,
    ProcessRaciViewSet,
    ProgrammeViewSet,
    TaskViewSet,
    TeamMemberViewSet,
)


def register(router) -> None:
    router.register("programmes", ProgrammeViewSet, basename="programme")
    router.register("milestones", MilestoneViewSet, basename="milestone")
    router.register("budget-lines", BudgetLineViewSet, basename="budget-line")
    router.register("team-members", TeamMemberViewSet, basename="team-member")
    router.register("process-raci", ProcessRaciViewSet, basename="process-raci")
    router.register("tasks", TaskViewSet, basename="task")
