"""Read-only API of the clause catalogue (same access rule as the pages)."""

import django_filters
from django.db.models import Prefetch
from rest_framework import viewsets
from rest_framework.permissions import BasePermission

from .. import access, querysets
from ..models import Clause, ItilPractice, RequiredInformation
from .serializers import ClauseSerializer, ItilPracticeSerializer


class CanReadCatalogue(BasePermission):
    def has_permission(self, request, view) -> bool:
        return access.can_view(request.user)


class ClauseFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label="Search")
    under = django_filters.CharFilter(method="filter_under", label="Clause number prefix, e.g. 8.6")

    class Meta:
        model = Clause
        fields = ["assessable", "level"]

    def search(self, queryset, name, value):
        return queryset.filter(pk__in=querysets.search(value).values("pk"))

    def filter_under(self, queryset, name, value):
        return queryset.filter(number__startswith=f"{value}.") | queryset.filter(number=value)


class ClauseViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ClauseSerializer
    permission_classes = [CanReadCatalogue]
    filterset_class = ClauseFilter
    lookup_field = "number"
    lookup_value_regex = r"(?:[4-9]|10)(?:\.\d{1,2}){0,3}"

    def get_queryset(self):
        return (
            Clause.objects.current()
            .select_related("parent")
            .prefetch_related(
                "itil_practices",
                Prefetch(
                    "required_information",
                    queryset=RequiredInformation.objects.filter(is_current=True),
                ),
            )
        )


class ItilPracticeViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ItilPracticeSerializer
    permission_classes = [CanReadCatalogue]
    queryset = ItilPractice.objects.all()
    filterset_fields = ["group"]
