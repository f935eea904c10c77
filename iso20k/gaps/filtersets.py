"""Filters of the prioritised gap list (shared by the page and the API)."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from iso20k.programme.choices import Priority

from .choices import GapStatus
from .models import Assessment, Gap

SECTIONS = [(str(n), str(n)) for n in range(4, 11)]


class GapFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=GapStatus.choices, empty_label=_("Any status")
    )
    state = django_filters.ChoiceFilter(
        label=_("Show"),
        method="with_state",
        empty_label=_("All gaps"),
        choices=[("open", _("Not closed")), ("closed", _("Closed"))],
    )
    priority = django_filters.ChoiceFilter(
        label=_("Priority"), choices=Priority.choices, empty_label=_("Any priority")
    )
    section = django_filters.ChoiceFilter(
        label=_("Clause"), choices=SECTIONS, method="in_section", empty_label=_("All clauses")
    )
    owner = django_filters.ModelChoiceFilter(
        label=_("Owner"), queryset=None, empty_label=_("Anyone")
    )
    assessment = django_filters.ModelChoiceFilter(
        label=_("Assessment"), queryset=Assessment.objects.all(), empty_label=_("All assessments")
    )
    has_task = django_filters.ChoiceFilter(
        label=_("Task"),
        method="with_task",
        empty_label=_("With or without"),
        choices=[("yes", _("Has a task")), ("no", _("No task yet"))],
    )

    class Meta:
        model = Gap
        fields = ["q", "state", "status", "priority", "section", "owner", "assessment", "has_task"]

    def __init__(self, *args, **kwargs) -> None:
        from iso20k.programme.querysets import internal_people

        super().__init__(*args, **kwargs)
        self.filters["owner"].queryset = internal_people()

    def search(self, queryset, name, value):
        return queryset.filter(Q(description__icontains=value) | Q(clause__number=value))

    def with_state(self, queryset, name, value):
        if value == "closed":
            return queryset.filter(status=GapStatus.CLOSED)
        return queryset.exclude(status=GapStatus.CLOSED)

    def with_task(self, queryset, name, value):
        return queryset.filter(task__isnull=value != "yes")

    def in_section(self, queryset, name, value):
        return queryset.filter(Q(clause__number=value) | Q(clause__number__startswith=f"{value}."))
