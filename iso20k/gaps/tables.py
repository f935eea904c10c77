"""The prioritised gap list as a table (with a checkbox per row for turning gaps into tasks)."""

import django_tables2 as tables
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import Gap


class GapTable(tables.Table):
    select = tables.CheckBoxColumn(
        accessor="pk", attrs={"th__input": {"aria-label": _("Select all")}}, orderable=False
    )
    clause = tables.Column(verbose_name=_("Clause"), order_by=("clause__sort_key",))
    description = tables.Column(verbose_name=_("Gap"), linkify=True)
    priority = tables.Column(verbose_name=_("Priority"), order_by=("priority_rank",))
    owner = tables.Column(verbose_name=_("Owner"), order_by=("owner__username",))
    due_on = tables.DateColumn(verbose_name=_("Due date"), format="SHORT_DATE_FORMAT")
    status = tables.Column(verbose_name=_("Status"), order_by=("status_rank", "status"))
    task = tables.Column(verbose_name=_("Task"), orderable=False)

    class Meta:
        model = Gap
        fields = [
            "select",
            "clause",
            "description",
            "priority",
            "owner",
            "due_on",
            "status",
            "task",
        ]
        attrs = {"class": "table table-vcenter card-table", "id": "gap-table"}
        empty_text = _("No gaps match. Clear the filters, or raise gaps while rating clauses.")

    def render_select(self, value, record):
        label = _("Select %(gap)s") % {"gap": record}
        return format_html(
            '<input class="form-check-input" type="checkbox" name="gaps" value="{}" '
            'aria-label="{}" form="to-tasks">',
            value,
            label,
        )

    def render_clause(self, record):
        return format_html(
            '<a href="{}">{}</a>', record.clause.get_absolute_url(), record.clause.number
        )

    def render_description(self, record):
        return str(record).split(" · ", 1)[-1]

    def render_priority(self, record):
        return render_to_string(
            "components/priority.html",
            {"priority": record.priority, "label": record.get_priority_display()},
        )

    def render_status(self, record):
        return render_to_string("gaps/_gap_status.html", {"gap": record})

    def render_task(self, record):
        if record.task is None:
            return "—"
        return format_html(
            '<a href="{}">{}</a>', record.task.get_absolute_url(), record.task.get_status_display()
        )
