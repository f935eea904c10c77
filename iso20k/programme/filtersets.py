"""Filters of the task list and board (shared by the pages and the API)."""

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import OPEN_TASK_STATUSES, Priority, TaskStatus
from .models import Task


class TaskFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=TaskStatus.choices, empty_label=_("Any status")
    )
    state = django_filters.ChoiceFilter(
        label=_("Show"),
        method="with_state",
        empty_label=_("All tasks"),
        choices=[("open", _("Open")), ("overdue", _("Overdue")), ("mine", _("Mine"))],
    )
    priority = django_filters.ChoiceFilter(
        label=_("Priority"), choices=Priority.choices, empty_label=_("Any priority")
    )
    owner = django_filters.ModelChoiceFilter(
        label=_("Owner"), queryset=None, empty_label=_("Anyone")
    )
    milestone = django_filters.ModelChoiceFilter(
        label=_("Milestone"), queryset=None, empty_label=_("Any milestone")
    )
    clause = django_filters.CharFilter(
        label=_("Clause"), method="in_clause", help_text=_("A clause number, e.g. 8.6")
    )

    class Meta:
        model = Task
        fields = ["q", "state", "status", "priority", "owner", "milestone", "clause"]

    def __init__(self, *args, programme=None, **kwargs) -> None:
        from .querysets import internal_people

        super().__init__(*args, **kwargs)
        self.filters["owner"].queryset = internal_people()
        milestones = programme.milestones.all() if programme else None
        if milestones is None:
            from .models import Milestone

            milestones = Milestone.objects.select_related("programme")
        self.filters["milestone"].queryset = milestones

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(description__icontains=value))

    def with_state(self, queryset, name, value):
        if value == "open":
            return queryset.filter(status__in=OPEN_TASK_STATUSES)
        if value == "overdue":
            return queryset.filter(status__in=OPEN_TASK_STATUSES, due_on__lt=timezone.localdate())
        user = getattr(self.request, "user", None)
        return queryset.filter(owner_id=getattr(user, "pk", None))

    def in_clause(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(clause__number=value) | Q(clause__number__startswith=f"{value}."))
