"""API of service level agreements, the priority matrix, and SLA clocks (read-only)."""

import django_filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from iso20k.core.api.versioning import IF_MATCH, ETagMixin, expected_version
from iso20k.history.api.mixins import HistoryMixin

from .. import access, clocks, services
from ..choices import AgreementStatus, Priority
from ..filtersets import AgreementFilterSet
from ..models import ServiceLevelAgreement, SlaClock
from ..priorities import MATRIX
from .serializers import (
    AgreementCreateSerializer,
    AgreementSerializer,
    AgreementWriteSerializer,
    ClockDetailSerializer,
    ClockSerializer,
    MatrixSerializer,
)

ERRORS = {
    400: OpenApiResponse(description="Invalid input: {field: [{message, code}]}"),
    403: OpenApiResponse(description="The role does not allow this action."),
    412: OpenApiResponse(description="The If-Match version is stale."),
    428: OpenApiResponse(description="If-Match header missing."),
}


class CanReadAgreements(BasePermission):
    def has_permission(self, request, view) -> bool:
        return access.can_view(request.user)


def require_manage(user) -> None:
    if not access.can_manage(user):
        raise PermissionDenied


class AgreementViewSet(
    ETagMixin,
    HistoryMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Service level agreements (8.3.3) with targets per priority in business minutes."""

    serializer_class = AgreementSerializer
    permission_classes = [CanReadAgreements]
    filterset_class = AgreementFilterSet
    lookup_field = "code"
    queryset = ServiceLevelAgreement.objects.none()

    def get_queryset(self):
        return (
            access.visible_agreements(self.request.user)
            .select_related("customer", "service", "calendar")
            .prefetch_related("targets")
            .order_by("code")
        )

    @extend_schema(
        request=AgreementCreateSerializer, responses={201: AgreementSerializer, **ERRORS}
    )
    def create(self, request):
        require_manage(request.user)
        payload = AgreementCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        fields, targets = payload.split()
        agreement = services.create_agreement(actor=request.user, targets=targets, **fields)
        return Response(self.get_serializer(agreement).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=AgreementWriteSerializer,
        responses={200: AgreementSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    def partial_update(self, request, code=None):
        """Change an agreement; targets, if given, replace all targets. Open clocks are
        recomputed by the worker."""
        agreement = self.get_object()
        require_manage(request.user)
        payload = AgreementWriteSerializer(data=request.data, partial=True)
        payload.is_valid(raise_exception=True)
        fields, targets = payload.split()
        agreement = services.update_agreement(
            agreement,
            actor=request.user,
            expected_version=expected_version(request),
            targets=targets,
            **fields,
        )
        return Response(self.get_serializer(agreement).data)

    def _status(self, request, target: str):
        agreement = self.get_object()
        require_manage(request.user)
        agreement = services.set_agreement_status(
            agreement, actor=request.user, expected_version=expected_version(request), status=target
        )
        return Response(self.get_serializer(agreement).data)

    @extend_schema(
        request=None, responses={200: AgreementSerializer, **ERRORS}, parameters=[IF_MATCH]
    )
    @action(detail=True, methods=["post"])
    def retire(self, request, code=None):
        return self._status(request, AgreementStatus.RETIRED)

    @extend_schema(
        request=None, responses={200: AgreementSerializer, **ERRORS}, parameters=[IF_MATCH]
    )
    @action(detail=True, methods=["post"])
    def reactivate(self, request, code=None):
        return self._status(request, AgreementStatus.ACTIVE)

    @extend_schema(request=None, responses={202: None, 403: ERRORS[403]})
    @action(detail=True, methods=["post"])
    def recompute(self, request, code=None):
        """Queue the worker to recompute this agreement's open clocks."""
        agreement = self.get_object()
        require_manage(request.user)
        services.request_recompute(agreement)
        return Response(status=status.HTTP_202_ACCEPTED)

    @extend_schema(
        parameters=[
            OpenApiParameter("customer", OpenApiTypes.STR, description="Customer code"),
            OpenApiParameter("service", OpenApiTypes.STR, description="Service code"),
        ],
        responses={200: AgreementSerializer, 404: OpenApiResponse(description="None applies.")},
    )
    @action(detail=False, methods=["get"])
    def applicable(self, request):
        """The agreement a ticket of this customer about this service falls under."""
        from iso20k.customers.models import Customer
        from iso20k.servicecatalogue.models import Service

        customer = Customer.objects.filter(code=request.query_params.get("customer")).first()
        service = Service.objects.filter(
            code__iexact=request.query_params.get("service") or "-"
        ).first()
        agreement = clocks.find_agreement(customer=customer, service=service)
        if agreement is None:
            return Response({"detail": "no agreement applies"}, status=status.HTTP_404_NOT_FOUND)
        return Response(self.get_serializer(agreement).data)

    @extend_schema(responses={200: MatrixSerializer})
    @action(detail=False, methods=["get"], url_path="priority-matrix")
    def priority_matrix(self, request):
        """Impact × urgency → priority (1 = high … 3 = low), used by incidents."""
        cells = [
            {"impact": int(i), "urgency": int(u), "priority": p} for (i, u), p in MATRIX.items()
        ]
        return Response(MatrixSerializer({"priorities": Priority.values, "cells": cells}).data)


class ClockFilter(django_filters.FilterSet):
    subject_type = django_filters.CharFilter(field_name="subject__subject_type")
    subject_id = django_filters.NumberFilter(field_name="subject__subject_id")
    agreement = django_filters.CharFilter(field_name="subject__agreement__code")

    class Meta:
        model = SlaClock
        fields = ["subject_type", "subject_id", "agreement", "stage", "kind", "breached"]


class ClockViewSet(viewsets.ReadOnlyModelViewSet):
    """SLA clocks of tickets, one row per cycle, for internal readers (filters: ticket type
    and id, agreement, stage). The detail includes the clock's event log."""

    serializer_class = ClockSerializer
    permission_classes = [CanReadAgreements]
    filterset_class = ClockFilter
    queryset = SlaClock.objects.none()

    def get_queryset(self):
        if not access.can_view(self.request.user):
            return SlaClock.objects.none()
        queryset = SlaClock.objects.select_related("subject__agreement", "calendar").order_by("pk")
        if self.action == "retrieve":
            queryset = queryset.prefetch_related("events")
        return queryset

    def get_serializer_class(self):
        return ClockDetailSerializer if self.action == "retrieve" else ClockSerializer
