"""Pages of tasks: list, board, my tasks, detail, create, edit and status changes."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from iso20k.core.htmx import render_page
from iso20k.core.views import ObjectDetailView, ObjectListView, ServiceFormView

from .. import access, forms, querysets, services
from ..choices import TASK_TRANSITIONS, TaskStatus
from ..filtersets import TaskFilterSet
from ..tables import TaskTable
from .context import programme_context


class ProgrammeTaskMixin:
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.programme = None

    def load_programme(self):
        if self.programme is None:
            self.programme = access.get_programme_for(self.request.user, self.kwargs["pk"])
        return self.programme

    def tasks(self):
        programme = self.load_programme()
        tasks = access.visible_tasks(self.request.user).filter(programme=programme)
        return tasks.with_priority_rank()


class TaskListView(ProgrammeTaskMixin, ObjectListView):
    template_name = "programme/task_list.html"
    table_class = TaskTable

    def get_queryset(self):
        return self.tasks()

    def get(self, request, *args, **kwargs):
        self.filterset_class = _bound_filterset(self.load_programme())
        return super().get(request, *args, **kwargs)

    def extra_context(self):
        return programme_context(self.request.user, self.programme, "tasks")


def _bound_filterset(programme):
    class ProgrammeTaskFilterSet(TaskFilterSet):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, programme=programme, **kwargs)

    return ProgrammeTaskFilterSet


@login_required
def task_board(request: HttpRequest, pk: int) -> HttpResponse:
    programme = access.get_programme_for(request.user, pk)
    tasks = access.visible_tasks(request.user).filter(programme=programme).with_priority_rank()
    filterset = TaskFilterSet(
        request.GET or None, queryset=tasks, request=request, programme=programme
    )
    columns = {status: [] for status in TaskStatus.values}
    for task in filterset.qs.order_by("priority_rank", "due_on"):
        task.moves = _moves(request.user, task)
        columns[task.status].append(task)
    context = {
        **programme_context(request.user, programme, "board"),
        "filterset": filterset,
        "columns": [(s, TaskStatus(s).label, columns[s]) for s in TaskStatus.values],
    }
    return render_page(request, "programme/task_board.html", context, partial="board")


def _moves(user, task) -> list[tuple[str, str]]:
    """The statuses this user may move a task to from the board (none if not theirs)."""
    if not access.can_update_task(user, task) or not task.programme.is_open:
        return []
    return [(s, TaskStatus(s).label) for s in sorted(TASK_TRANSITIONS[task.status])]


@login_required
def my_tasks(request: HttpRequest) -> HttpResponse:
    access.check_view(request.user)
    tasks = access.visible_tasks(request.user).filter(owner=request.user).with_priority_rank()
    context = {
        "open_tasks": tasks.open().order_by("due_on", "priority_rank"),
        "closed_tasks": tasks.exclude(status__in=["todo", "in_progress", "blocked"]).order_by(
            "-completed_at", "-due_on"
        )[:20],
        "today": querysets.today(),
    }
    return render_page(request, "programme/my_tasks.html", context)


class TaskCreateView(ServiceFormView):
    template_name = "programme/object_form.html"
    form_class = forms.TaskForm
    success_message = _("The task was created.")

    def load(self):
        self.programme = access.get_programme_for(self.request.user, self.kwargs["pk"], "edit")

    def get_form(self, data=None, files=None):
        initial = {
            "milestone": self.request.GET.get("milestone"),
            "clause": self.request.GET.get("clause"),
            "priority": "medium",
        }
        return self.form_class(data, initial=initial, programme=self.programme)

    def extra_context(self):
        return {"programme": self.programme, "heading": _("New task")}

    def perform(self, form):
        return services.create_task(self.programme, actor=self.request.user, **form.cleaned_data)


class TaskDetailView(ObjectDetailView):
    template_name = "programme/task_detail.html"

    def get_object(self):
        return access.get_task_for(self.request.user, self.kwargs["pk"])

    def extra_context(self, obj):
        user = self.request.user
        return {
            **programme_context(user, obj.programme),
            "gaps": obj.gaps.select_related("clause", "assessment") if hasattr(obj, "gaps") else [],
            "can_update": access.can_update_task(user, obj),
            "next_statuses": [
                (s, TaskStatus(s).label) for s in sorted(TASK_TRANSITIONS[obj.status])
            ],
        }


class TaskEditView(ServiceFormView):
    template_name = "programme/object_form.html"
    form_class = forms.TaskEditForm
    success_message = _("The task was saved.")

    def load(self):
        self.object = access.get_task_for(self.request.user, self.kwargs["pk"], "edit")

    def get_form(self, data=None, files=None):
        initial = {name: getattr(self.object, name) for name in services.TASK_FIELDS}
        initial["clause"] = self.object.clause.number if self.object.clause else None
        initial["version"] = self.object.version
        return self.form_class(data, initial=initial, programme=self.object.programme)

    def extra_context(self):
        return {"programme": self.object.programme, "heading": _("Edit task")}

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        return services.update_task(
            self.object, actor=self.request.user, expected_version=version, **data
        )


class TaskStatusView(ServiceFormView):
    """Move a task to another status (the owner or the lead); the board posts here too."""

    template_name = "programme/task_status_form.html"
    form_class = forms.TaskStatusForm
    success_message = _("The task status was changed.")

    def load(self):
        self.object = access.get_task_for(self.request.user, self.kwargs["pk"], "update")

    def get_form(self, data=None, files=None):
        initial = {"version": self.object.version, "status": self.request.GET.get("status")}
        return self.form_class(data, initial=initial)

    def extra_context(self):
        next_url = self.request.POST.get("next") or self.request.GET.get("next", "")
        return {"programme": self.object.programme, "next_url": next_url}

    def perform(self, form):
        data = form.cleaned_data
        return services.change_task_status(
            self.object,
            actor=self.request.user,
            expected_version=data["version"],
            status=data["status"],
            note=data["note"],
        )

    def get_success_url(self, result):
        target = self.request.POST.get("next", "")
        if target and url_has_allowed_host_and_scheme(target, {self.request.get_host()}):
            return target
        return result.get_absolute_url()
