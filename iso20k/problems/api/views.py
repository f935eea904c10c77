"""API of problems and known errors (8.6.3): lists, raising (linking incidents), edits with
If-Match, the workflow actions, and known-error search (?q=, Chinese included)."""

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from iso20k.core import search
from iso20k.core.api.versioning import IF_MATCH, ETagMixin, expected_version
from iso20k.history.api.mixins import HistoryMixin

from .. import access, services
from ..models import KnownError, Problem
from .serializers import (
    CloseProblemSerializer,
    KnownErrorRecordSerializer,
    KnownErrorSerializer,
    KnownErrorWriteSerializer,
    ProblemCreateSerializer,
    ProblemSerializer,
    ProblemUpdateSerializer,
    ResolveProblemSerializer,
)

ERRORS = {
    400: OpenApiResponse(description="Invalid input: {field: [{message, code}]}"),
    403: OpenApiResponse(description="The role does not allow this action."),
    412: OpenApiResponse(description="The If-Match version is stale."),
    428: OpenApiResponse(description="If-Match header missing."),
}


class CanReadProblems(BasePermission):
    def has_permission(self, request, view) -> bool:
        return access.can_view(request.user)


class CanReadKnownErrors(BasePermission):
    def has_permission(self, request, view) -> bool:
        return access.can_view_known_errors(request.user)


def require_work(user) -> None:
    if not access.can_work(user):
        raise PermissionDenied


class ProblemViewSet(
    ETagMixin,
    HistoryMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Problems: the causes behind incidents."""

    serializer_class = ProblemSerializer
    permission_classes = [CanReadProblems]
    queryset = Problem.objects.none()

    def get_queryset(self):
        return (
            access.visible_problems(self.request.user)
            .select_related("service", "assigned_group", "assignee")
            .prefetch_related("incidents")
            .order_by("-created_at", "-id")
        )

    def _act(self, function, payload_class=None):
        problem = self.get_object()
        require_work(self.request.user)
        data = {}
        if payload_class is not None:
            payload = payload_class(data=self.request.data)
            payload.is_valid(raise_exception=True)
            data = payload.validated_data
        function(
            problem,
            actor=self.request.user,
            expected_version=expected_version(self.request),
            **data,
        )
        return Response(self.get_serializer(self.get_object()).data)

    @extend_schema(request=ProblemCreateSerializer, responses={201: ProblemSerializer, **ERRORS})
    def create(self, request):
        from iso20k.incidents.access import visible_incidents

        require_work(request.user)
        payload = ProblemCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        incidents = list(visible_incidents(request.user).filter(pk__in=data.pop("incidents", [])))
        problem = services.raise_problem(
            actor=request.user,
            incidents=incidents,
            source="incident" if incidents else "proactive",
            **data,
        )
        return Response(self.get_serializer(problem).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=ProblemUpdateSerializer,
        responses={200: ProblemSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    def partial_update(self, request, pk=None):
        problem = self.get_object()
        require_work(request.user)
        payload = ProblemUpdateSerializer(data=request.data, partial=True)
        payload.is_valid(raise_exception=True)
        problem = services.update_problem(
            problem,
            actor=request.user,
            expected_version=expected_version(request),
            **payload.validated_data,
        )
        return Response(self.get_serializer(problem).data)

    @extend_schema(
        request=None, responses={200: ProblemSerializer, **ERRORS}, parameters=[IF_MATCH]
    )
    @action(detail=True, methods=["post"])
    def investigate(self, request, pk=None):
        return self._act(services.start_investigation)

    @extend_schema(
        request=KnownErrorRecordSerializer,
        responses={200: ProblemSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"], url_path="known-error")
    def known_error(self, request, pk=None):
        """Record the root cause and workaround; a known error is published."""
        return self._act(services.record_known_error, KnownErrorRecordSerializer)

    @extend_schema(
        request=ResolveProblemSerializer,
        responses={200: ProblemSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"])
    def resolve(self, request, pk=None):
        return self._act(services.resolve_problem, ResolveProblemSerializer)

    @extend_schema(
        request=CloseProblemSerializer,
        responses={200: ProblemSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        """Close: needs a root cause or a closure_reason."""
        return self._act(services.close_problem, CloseProblemSerializer)

    @extend_schema(
        request=None, responses={200: ProblemSerializer, **ERRORS}, parameters=[IF_MATCH]
    )
    @action(detail=True, methods=["post"])
    def reopen(self, request, pk=None):
        return self._act(services.reopen_problem)


class KnownErrorViewSet(
    ETagMixin,
    HistoryMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Known errors agents consult while working incidents."""

    serializer_class = KnownErrorSerializer
    permission_classes = [CanReadKnownErrors]
    queryset = KnownError.objects.none()

    def get_queryset(self):
        known = access.visible_known_errors(self.request.user).select_related("service")
        query = self.request.query_params.get("q", "")
        if query and self.action == "list":
            known = known.filter(pk__in=search.matching_ids("problems.knownerror", query))
        return known.order_by("-published_at", "-id")

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "q", str, description="Search text (any language; two characters or more)."
            )
        ]
    )
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(
        request=KnownErrorWriteSerializer, responses={201: KnownErrorSerializer, **ERRORS}
    )
    def create(self, request):
        require_work(request.user)
        payload = KnownErrorWriteSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        known = services.publish_known_error(actor=request.user, **payload.validated_data)
        return Response(self.get_serializer(known).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=KnownErrorWriteSerializer,
        responses={200: KnownErrorSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    def partial_update(self, request, pk=None):
        known = self.get_object()
        require_work(request.user)
        payload = KnownErrorWriteSerializer(data=request.data, partial=True)
        payload.is_valid(raise_exception=True)
        known = services.update_known_error(
            known,
            actor=request.user,
            expected_version=expected_version(request),
            **payload.validated_data,
        )
        return Response(self.get_serializer(known).data)

    @extend_schema(
        request=None, responses={200: KnownErrorSerializer, **ERRORS}, parameters=[IF_MATCH]
    )
    @action(detail=True, methods=["post"])
    def retire(self, request, pk=None):
        known = self.get_object()
        require_work(request.user)
        known = services.retire_known_error(
            known, actor=request.user, expected_version=expected_version(request)
        )
        return Response(self.get_serializer(known).data)
