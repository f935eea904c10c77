"""Filters of the calendar list."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import BusinessCalendar


class CalendarFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")

    class Meta:
        model = BusinessCalendar
        fields = ["q"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(code__icontains=value)
            | Q(name_en__icontains=value)
            | Q(name_zh_hans__icontains=value)
        )
