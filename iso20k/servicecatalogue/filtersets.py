"""Filters of the service list (shared by the page and the API)."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .choices import ServiceStatus
from .models import Service


class ServiceFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=ServiceStatus.choices, empty_label=_("Any status")
    )

    class Meta:
        model = Service
        fields = ["q", "status"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(code__icontains=value)
            | Q(name_en__icontains=value)
            | Q(name_zh_hans__icontains=value)
            | Q(description_en__icontains=value)
            | Q(description_zh_hans__icontains=value)
        )
