"""API of the service catalogue, and the live catalogue a caller may browse (the portal's)."""

import django_filters
from django.db.models import Prefetch
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from iso20k.core.api.versioning import IF_MATCH, ETagMixin, expected_version
from iso20k.customers import access as customer_access
from iso20k.history.api.mixins import HistoryMixin

from .. import access, services
from ..choices import ServiceStatus
from ..filtersets import ServiceFilterSet
from ..models import RequestItem, Service
from .serializers import (
    LiveServiceSerializer,
    RequestItemCreateSerializer,
    RequestItemSerializer,
    RequestItemWriteSerializer,
    ServiceCreateSerializer,
    ServiceSerializer,
    ServiceWriteSerializer,
)

ERRORS = {
    400: OpenApiResponse(description="Invalid input: {field: [{message, code}]}"),
    403: OpenApiResponse(description="The role does not allow this action."),
    412: OpenApiResponse(description="The If-Match version is stale."),
    428: OpenApiResponse(description="If-Match header missing."),
}


class CanReadCatalogue(BasePermission):
    def has_permission(self, request, view) -> bool:
        return access.can_view(request.user)


class CanBrowseLiveCatalogue(BasePermission):
    def has_permission(self, request, view) -> bool:
        return access.can_view(request.user) or customer_access.is_customer_user(request.user)


def require_manage(user) -> None:
    if not access.can_manage(user):
        raise PermissionDenied


class ServiceViewSet(
    ETagMixin,
    HistoryMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Services of the catalogue (8.2.4); status changes are actions."""

    serializer_class = ServiceSerializer
    permission_classes = [CanReadCatalogue]
    filterset_class = ServiceFilterSet
    lookup_field = "code"
    queryset = Service.objects.none()

    def get_queryset(self):
        return (
            access.visible_services(self.request.user)
            .select_related("owner")
            .prefetch_related(
                "customers", Prefetch("request_items", RequestItem.objects.order_by("code"))
            )
            .order_by("code")
        )

    def get_object(self):
        return access.get_service_for(self.request.user, self.kwargs["code"])

    @extend_schema(request=ServiceCreateSerializer, responses={201: ServiceSerializer, **ERRORS})
    def create(self, request):
        require_manage(request.user)
        payload = ServiceCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        service = services.create_service(actor=request.user, **payload.validated_data)
        return Response(self.get_serializer(service).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=ServiceWriteSerializer,
        responses={200: ServiceSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    def partial_update(self, request, code=None):
        service = self.get_object()
        require_manage(request.user)
        payload = ServiceWriteSerializer(data=request.data, partial=True)
        payload.is_valid(raise_exception=True)
        service = services.update_service(
            service,
            actor=request.user,
            expected_version=expected_version(request),
            **payload.validated_data,
        )
        return Response(self.get_serializer(service).data)

    def _status(self, request, target: str):
        service = self.get_object()
        require_manage(request.user)
        service = services.change_service_status(
            service, actor=request.user, expected_version=expected_version(request), status=target
        )
        return Response(self.get_serializer(service).data)

    @extend_schema(
        request=None, responses={200: ServiceSerializer, **ERRORS}, parameters=[IF_MATCH]
    )
    @action(detail=True, methods=["post"], url_path="go-live")
    def go_live(self, request, code=None):
        return self._status(request, ServiceStatus.LIVE)

    @extend_schema(
        request=None, responses={200: ServiceSerializer, **ERRORS}, parameters=[IF_MATCH]
    )
    @action(detail=True, methods=["post"])
    def retire(self, request, code=None):
        return self._status(request, ServiceStatus.RETIRED)


class RequestItemFilter(django_filters.FilterSet):
    service = django_filters.CharFilter(field_name="service__code", lookup_expr="iexact")

    class Meta:
        model = RequestItem
        fields = ["service", "is_active", "requires_approval"]


class RequestItemViewSet(
    ETagMixin,
    HistoryMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Request items with their form-field definitions."""

    serializer_class = RequestItemSerializer
    permission_classes = [CanReadCatalogue]
    filterset_class = RequestItemFilter
    queryset = RequestItem.objects.none()

    def get_queryset(self):
        visible = access.visible_services(self.request.user)
        return RequestItem.objects.filter(service__in=visible).select_related("service")

    @extend_schema(
        request=RequestItemCreateSerializer, responses={201: RequestItemSerializer, **ERRORS}
    )
    def create(self, request):
        require_manage(request.user)
        payload = RequestItemCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        service = data.pop("service")
        item = services.create_request_item(service, actor=request.user, **data)
        return Response(self.get_serializer(item).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=RequestItemWriteSerializer,
        responses={200: RequestItemSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    def partial_update(self, request, pk=None):
        item = self.get_object()
        require_manage(request.user)
        payload = RequestItemWriteSerializer(data=request.data, partial=True)
        payload.is_valid(raise_exception=True)
        item = services.update_request_item(
            item,
            actor=request.user,
            expected_version=expected_version(request),
            **payload.validated_data,
        )
        return Response(self.get_serializer(item).data)


class LiveCatalogueViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """The live catalogue the caller may browse: every live service for internal readers,
    the live services offered to their organisations for customers (what the portal shows)."""

    serializer_class = LiveServiceSerializer
    permission_classes = [CanBrowseLiveCatalogue]
    queryset = Service.objects.none()

    def get_queryset(self):
        return access.live_services_for(self.request.user).order_by("code")
