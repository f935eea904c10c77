"""Filters of the problem and known-error lists."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from iso20k.core import search

from .choices import KnownErrorStatus, ProblemStatus
from .models import KnownError, Problem


class ProblemFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_q")
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=ProblemStatus.choices, empty_label=_("Any status")
    )

    class Meta:
        model = Problem
        fields = ["q", "status"]

    def filter_q(self, queryset, name, value):
        return queryset.filter(
            Q(subject__icontains=value)
            | Q(root_cause__icontains=value)
            | Q(description__icontains=value)
        )


class KnownErrorFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_q")
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=KnownErrorStatus.choices, empty_label=_("Any status")
    )

    class Meta:
        model = KnownError
        fields = ["q", "status"]

    def filter_q(self, queryset, name, value):
        return queryset.filter(pk__in=search.matching_ids("problems.knownerror", value))
