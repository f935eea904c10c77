"""API of the organisation, sites and the SMS scope statement, with workflow actions."""

from django.http import Http404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from iso20k.core.api.versioning import IF_MATCH, ETagMixin, expected_version
from iso20k.history.api.mixins import HistoryMixin

from .. import access, services
from ..models import ScopeStatement, Site
from .serializers import (
    DecisionSerializer,
    OrganisationSerializer,
    OrganisationWriteSerializer,
    ScopeDraftSerializer,
    ScopeStatementSerializer,
    SiteSerializer,
    SiteWriteSerializer,
)

ERRORS = {
    400: OpenApiResponse(description="Invalid input: {field: [{message, code}]}"),
    403: OpenApiResponse(description="The role does not allow this action."),
    412: OpenApiResponse(description="The If-Match version is stale."),
    428: OpenApiResponse(description="If-Match header missing."),
}


class CanReadSms(BasePermission):
    def has_permission(self, request, view) -> bool:
        return access.can_view(request.user)


class OrganisationView(ETagMixin, GenericAPIView):
    """The organisation running the SMS (a single resource)."""

    serializer_class = OrganisationSerializer
    permission_classes = [CanReadSms]

    def get_object(self):
        organisation = services.current_organisation()
        if organisation is None:
            raise Http404
        return organisation

    def get(self, request):
        return Response(self.get_serializer(self.get_object()).data)

    @extend_schema(
        request=OrganisationWriteSerializer,
        responses={200: OrganisationSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    def patch(self, request):
        organisation = self.get_object()
        access.check_edit(request.user)
        payload = OrganisationWriteSerializer(data=request.data, partial=True)
        payload.is_valid(raise_exception=True)
        organisation = services.update_organisation(
            organisation,
            actor=request.user,
            expected_version=expected_version(request),
            **payload.validated_data,
        )
        return Response(self.get_serializer(organisation).data)


class SiteViewSet(
    ETagMixin,
    HistoryMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = SiteSerializer
    permission_classes = [CanReadSms]
    queryset = Site.objects.order_by("pk")

    @extend_schema(request=SiteWriteSerializer, responses={201: SiteSerializer, **ERRORS})
    def create(self, request):
        access.check_edit(request.user)
        payload = SiteWriteSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        organisation = services.current_organisation()
        if organisation is None:
            raise Http404
        site = services.add_site(organisation, actor=request.user, **payload.validated_data)
        return Response(self.get_serializer(site).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=SiteWriteSerializer,
        responses={200: SiteSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    def partial_update(self, request, pk=None):
        site = self.get_object()
        access.check_edit(request.user)
        payload = SiteWriteSerializer(data=request.data, partial=True)
        payload.is_valid(raise_exception=True)
        site = services.update_site(
            site,
            actor=request.user,
            expected_version=expected_version(request),
            **payload.validated_data,
        )
        return Response(self.get_serializer(site).data)


class ScopeStatementViewSet(
    ETagMixin,
    HistoryMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Versions of the SMS scope (4.3): draft, submit, approve or return, as the pages do."""

    serializer_class = ScopeStatementSerializer
    permission_classes = [CanReadSms]
    lookup_field = "number"
    lookup_value_regex = r"\d+"
    queryset = ScopeStatement.objects.none()

    def get_queryset(self):
        return access.visible_scope_statements(self.request.user).prefetch_related("sites")

    @extend_schema(request=None, responses={201: ScopeStatementSerializer, **ERRORS})
    def create(self, request):
        access.check_edit(request.user)
        organisation = services.current_organisation()
        if organisation is None:
            raise Http404
        draft = services.start_scope_draft(organisation, actor=request.user)
        return Response(self.get_serializer(draft).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=ScopeDraftSerializer,
        responses={200: ScopeStatementSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    def partial_update(self, request, number=None):
        scope = self.get_object()
        access.check_edit(request.user)
        payload = ScopeDraftSerializer(data=request.data, partial=True)
        payload.is_valid(raise_exception=True)
        scope = services.update_scope_draft(
            scope,
            actor=request.user,
            expected_version=expected_version(request),
            **payload.validated_data,
        )
        return Response(self.get_serializer(scope).data)

    def _transition(self, request, service, *, decide: bool):
        scope = self.get_object()
        if decide:
            if not access.can_approve_scope(request.user):
                self.permission_denied(request)
        else:
            access.check_edit(request.user)
        kwargs = {"actor": request.user, "expected_version": expected_version(request)}
        if decide:
            payload = DecisionSerializer(data=request.data)
            payload.is_valid(raise_exception=True)
            kwargs["note"] = payload.validated_data["note"]
        return Response(self.get_serializer(service(scope, **kwargs)).data)

    @extend_schema(
        request=None, responses={200: ScopeStatementSerializer, **ERRORS}, parameters=[IF_MATCH]
    )
    @action(detail=True, methods=["post"])
    def submit(self, request, number=None):
        return self._transition(request, services.submit_scope, decide=False)

    @extend_schema(
        request=None, responses={200: ScopeStatementSerializer, **ERRORS}, parameters=[IF_MATCH]
    )
    @action(detail=True, methods=["post"])
    def withdraw(self, request, number=None):
        return self._transition(request, services.withdraw_scope, decide=False)

    @extend_schema(
        request=DecisionSerializer,
        responses={200: ScopeStatementSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"])
    def approve(self, request, number=None):
        return self._transition(request, services.approve_scope, decide=True)

    @extend_schema(
        request=DecisionSerializer,
        responses={200: ScopeStatementSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"])
    def reject(self, request, number=None):
        return self._transition(request, services.reject_scope, decide=True)
