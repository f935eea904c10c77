from django.urls import path, re_path

from .views import charter, plan, tasks, team, timeline

app_name = "programme"


def _action(name: str):
    return path(
        f"<int:pk>/{name}/",
        charter.ProgrammeActionView.as_view(action=name),
        name=f"programme-{name}",
    )


urlpatterns = [
    path("", charter.programme_list, name="programme-list"),
    path("new/", charter.ProgrammeCreateView.as_view(), name="programme-create"),
    path("<int:pk>/", charter.ProgrammeDetailView.as_view(), name="programme-detail"),
    path("<int:pk>/edit/", charter.ProgrammeEditView.as_view(), name="programme-edit"),
    *[
        _action(name)
        for name in ["submit", "withdraw", "approve", "reject", "reopen", "complete", "cancel"]
    ],
    path("<int:pk>/milestones/new/", plan.MilestoneCreateView.as_view(), name="milestone-create"),
    path("milestones/<int:pk>/", plan.MilestoneDetailView.as_view(), name="milestone-detail"),
    path("milestones/<int:pk>/edit/", plan.MilestoneEditView.as_view(), name="milestone-edit"),
    path("<int:pk>/budget/", plan.budget, name="budget"),
    path("<int:pk>/budget/new/", plan.BudgetLineCreateView.as_view(), name="budgetline-create"),
    path("budget-lines/<int:pk>/", plan.BudgetLineDetailView.as_view(), name="budgetline-detail"),
    path("budget-lines/<int:pk>/edit/", plan.BudgetLineEditView.as_view(), name="budgetline-edit"),
    path("<int:pk>/team/", team.team, name="team"),
    path("<int:pk>/team/new/", team.MemberCreateView.as_view(), name="member-create"),
    path("members/<int:pk>/", team.MemberDetailView.as_view(), name="member-detail"),
    path("members/<int:pk>/edit/", team.MemberEditView.as_view(), name="member-edit"),
    path("members/<int:pk>/leave/", team.MemberLeaveView.as_view(), name="member-leave"),
    path("<int:pk>/raci/", team.raci_matrix, name="raci"),
    path("<int:pk>/raci/<str:number>/", team.RaciEditView.as_view(), name="raci-edit"),
    path("<int:pk>/tasks/", tasks.TaskListView.as_view(), name="task-list"),
    path("<int:pk>/board/", tasks.task_board, name="task-board"),
    path("<int:pk>/tasks/new/", tasks.TaskCreateView.as_view(), name="task-create"),
    path("tasks/mine/", tasks.my_tasks, name="my-tasks"),
    path("tasks/<int:pk>/", tasks.TaskDetailView.as_view(), name="task-detail"),
    path("tasks/<int:pk>/edit/", tasks.TaskEditView.as_view(), name="task-edit"),
    path("tasks/<int:pk>/status/", tasks.TaskStatusView.as_view(), name="task-status"),
    path("<int:pk>/timeline/", timeline.programme_timeline, name="timeline"),
    re_path(
        r"^(?P<pk>[0-9]+)/plan\.(?P<extension>docx|xlsx)$",
        timeline.export_plan,
        name="plan-export",
    ),
]
