"""Filters of the agreement list (shared by the page and the API)."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .choices import AgreementStatus
from .models import ServiceLevelAgreement


class AgreementFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=AgreementStatus.choices, empty_label=_("Any status")
    )

    class Meta:
        model = ServiceLevelAgreement
        fields = ["q", "status"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(code__icontains=value)
            | Q(name_en__icontains=value)
            | Q(name_zh_hans__icontains=value)
            | Q(customer__name_en__icontains=value)
            | Q(customer__name_zh_hans__icontains=value)
            | Q(service__code__icontains=value)
        )
