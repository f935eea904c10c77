"""Filters of the customer list (shared by the page and the API)."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Customer


class CustomerFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        method="with_status",
        empty_label=_("All customers"),
        choices=[("active", _("Active")), ("retired", _("Retired"))],
    )

    class Meta:
        model = Customer
        fields = ["q", "status"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(code__icontains=value)
            | Q(name_en__icontains=value)
            | Q(name_zh_hans__icontains=value)
        )

    def with_status(self, queryset, name, value):
        return queryset.filter(is_active=value == "active")
