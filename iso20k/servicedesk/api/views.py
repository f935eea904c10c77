"""API of support groups (read) and the monthly ticket figures behind the lapse reports."""

import django_filters
from rest_framework import mixins, serializers, viewsets
from rest_framework.permissions import BasePermission

from iso20k.history.api.mixins import HistoryMixin

from .. import access
from ..models import SupportGroup, TicketMonthStat
from .serializers import GroupSerializer


class CanReadDesk(BasePermission):
    def has_permission(self, request, view) -> bool:
        return access.can_view_desk(request.user)


class GroupViewSet(
    HistoryMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Support groups with their members and manager."""

    serializer_class = GroupSerializer
    permission_classes = [CanReadDesk]
    lookup_field = "code"
    queryset = SupportGroup.objects.none()

    def get_queryset(self):
        return (
            access.visible_groups(self.request.user)
            .select_related("manager")
            .prefetch_related("members")
            .order_by("code")
        )


class MonthStatSerializer(serializers.ModelSerializer):
    service = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = TicketMonthStat
        fields = [
            "kind",
            "month",
            "service",
            "opened",
            "resolved",
            "reopened",
            "response_met",
            "response_missed",
            "resolution_met",
            "resolution_missed",
            "rated",
            "rating_total",
        ]


class MonthStatFilterSet(django_filters.FilterSet):
    month_from = django_filters.DateFilter(field_name="month", lookup_expr="gte")
    month_to = django_filters.DateFilter(field_name="month", lookup_expr="lte")

    class Meta:
        model = TicketMonthStat
        fields = ["kind", "month_from", "month_to"]


class MonthStatViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Monthly figures per ticket type and service: SLA achievement, reopens, ratings."""

    serializer_class = MonthStatSerializer
    permission_classes = [CanReadDesk]
    filterset_class = MonthStatFilterSet
    queryset = TicketMonthStat.objects.none()

    def get_queryset(self):
        from .. import kinds

        readable = [k.key for k in kinds.registered() if k.can_view(self.request.user)]
        return (
            TicketMonthStat.objects.filter(kind__in=readable)
            .select_related("service")
            .order_by("kind", "month", "service_id")
        )
