"""Tables of the programme pages."""

import django_tables2 as tables
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from .models import Task


class TaskTable(tables.Table):
    title = tables.Column(verbose_name=_("Task"), linkify=True)
    owner = tables.Column(verbose_name=_("Owner"), order_by=("owner__username",))
    due_on = tables.Column(verbose_name=_("Due date"), empty_values=())
    priority = tables.Column(verbose_name=_("Priority"), order_by=("priority_rank",))
    status = tables.Column(verbose_name=_("Status"))
    milestone = tables.Column(
        verbose_name=_("Milestone"), order_by=("milestone__planned_start_on",)
    )
    clause = tables.Column(verbose_name=_("Clause"), order_by=("clause__sort_key",))

    class Meta:
        model = Task
        fields = ["title", "owner", "due_on", "priority", "status", "milestone", "clause"]
        attrs = {"class": "table table-vcenter card-table", "id": "task-table"}
        empty_text = _("No tasks match. Clear the filters, or add a task.")

    def render_due_on(self, record):
        return render_to_string("programme/_due.html", {"task": record})

    def render_priority(self, record):
        return render_to_string(
            "components/priority.html",
            {"priority": record.priority, "label": record.get_priority_display()},
        )

    def render_status(self, record):
        return render_to_string("programme/_task_status.html", {"task": record})

    def render_clause(self, record):
        return record.clause.number
