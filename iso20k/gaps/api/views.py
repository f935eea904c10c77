"""API of gap assessments, clause ratings and gaps. Writes call the same services as pages."""

from django.db.models import Prefetch
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from iso20k.core.api.versioning import IF_MATCH, ETagMixin, expected_version
from iso20k.history.api.mixins import HistoryMixin

from .. import access, services
from ..filtersets import GapFilterSet
from ..models import Assessment, ClauseRating, Gap
from . import serializers as s

ERRORS = {
    400: OpenApiResponse(description="Invalid input: {field: [{message, code}]}"),
    403: OpenApiResponse(description="The role does not allow this action."),
    412: OpenApiResponse(description="The If-Match version is stale."),
    428: OpenApiResponse(description="If-Match header missing."),
}


class CanViewGaps(BasePermission):
    def has_permission(self, request, view) -> bool:
        return access.can_view(request.user)


class ReadViewSet(
    ETagMixin,
    HistoryMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    permission_classes = [CanViewGaps]

    def payload(self, serializer_class, *, partial: bool = False) -> dict:
        payload = serializer_class(data=self.request.data, partial=partial)
        payload.is_valid(raise_exception=True)
        return dict(payload.validated_data)

    def respond(self, obj, code: int = status.HTTP_200_OK) -> Response:
        return Response(self.get_serializer(obj).data, status=code)


class AssessmentViewSet(ReadViewSet):
    """Gap assessments with their score; complete and copy are actions."""

    serializer_class = s.AssessmentSerializer
    queryset = Assessment.objects.none()
    filterset_fields = ["programme", "status"]

    def get_queryset(self):
        ratings = ClauseRating.objects.only("assessment_id", "rating")
        return (
            access.visible_assessments(self.request.user)
            .prefetch_related(Prefetch("ratings", queryset=ratings, to_attr="rating_rows"))
            .order_by("-assessed_on", "-pk")
        )

    @extend_schema(
        request=s.AssessmentCreateSerializer, responses={201: s.AssessmentSerializer, **ERRORS}
    )
    def create(self, request):
        access.check_manage(request.user)
        data = self.payload(s.AssessmentCreateSerializer)
        assessors = data.pop("assessors")
        assessment = services.create_assessment(actor=request.user, assessors=assessors, **data)
        return self.respond(assessment, status.HTTP_201_CREATED)

    @extend_schema(
        request=s.AssessmentWriteSerializer,
        responses={200: s.AssessmentSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    def partial_update(self, request, pk=None):
        assessment = access.get_assessment_for(request.user, self.get_object().pk, "manage")
        assessment = services.update_assessment(
            assessment,
            actor=request.user,
            expected_version=expected_version(request),
            **self.payload(s.AssessmentWriteSerializer, partial=True),
        )
        return self.respond(assessment)

    @extend_schema(
        request=s.CompleteSerializer,
        responses={200: s.AssessmentSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"])
    def complete(self, request, pk=None):
        assessment = access.get_assessment_for(request.user, self.get_object().pk, "manage")
        assessment = services.complete_assessment(
            assessment,
            actor=request.user,
            expected_version=expected_version(request),
            summary=self.payload(s.CompleteSerializer)["summary"],
        )
        return self.respond(assessment)

    @extend_schema(request=s.CopySerializer, responses={201: s.AssessmentSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def copy(self, request, pk=None):
        source = access.get_assessment_for(request.user, self.get_object().pk, "manage")
        data = self.payload(s.CopySerializer)
        assessors = data.pop("assessors")
        copy = services.copy_assessment(source, actor=request.user, assessors=assessors, **data)
        return self.respond(copy, status.HTTP_201_CREATED)


class ClauseRatingViewSet(ReadViewSet):
    """The rating of each clause in each assessment; rate with the `rate` action."""

    serializer_class = s.ClauseRatingSerializer
    queryset = ClauseRating.objects.none()
    filterset_fields = ["assessment", "rating"]

    def get_queryset(self):
        if not access.can_view(self.request.user):
            return ClauseRating.objects.none()
        return ClauseRating.objects.select_related("clause").order_by(
            "assessment", "clause__sort_key"
        )

    @extend_schema(
        request=s.RateSerializer,
        responses={200: s.ClauseRatingSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"])
    def rate(self, request, pk=None):
        rating = self.get_object()
        access.get_rating_for(request.user, rating.assessment_id, rating.clause.number, "rate")
        data = self.payload(s.RateSerializer)
        rating = services.rate_clause(
            rating,
            actor=request.user,
            expected_version=expected_version(request),
            rating_value=data["rating"],
            justification=data["justification"],
            notes=data["notes"],
        )
        return self.respond(rating)


class GapViewSet(ReadViewSet):
    """Gaps found by assessments, prioritised; close, reopen and to-tasks are actions."""

    serializer_class = s.GapSerializer
    queryset = Gap.objects.none()
    filterset_class = GapFilterSet

    def get_queryset(self):
        return access.visible_gaps(self.request.user).prioritised()

    @extend_schema(request=s.GapCreateSerializer, responses={201: s.GapSerializer, **ERRORS})
    def create(self, request):
        access.check_manage(request.user)
        data = self.payload(s.GapCreateSerializer)
        assessment = access.get_assessment_for(request.user, data.pop("assessment").pk, "rate")
        gap = services.raise_gap(assessment, actor=request.user, **data)
        return self.respond(gap, status.HTTP_201_CREATED)

    @extend_schema(
        request=s.GapWriteSerializer,
        responses={200: s.GapSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    def partial_update(self, request, pk=None):
        gap = access.get_gap_for(request.user, self.get_object().pk, "manage")
        gap = services.update_gap(
            gap,
            actor=request.user,
            expected_version=expected_version(request),
            **self.payload(s.GapWriteSerializer, partial=True),
        )
        return self.respond(gap)

    def _note_action(self, service):
        gap = access.get_gap_for(self.request.user, self.get_object().pk, "manage")
        gap = service(
            gap,
            actor=self.request.user,
            expected_version=expected_version(self.request),
            note=self.payload(s.GapNoteSerializer)["note"],
        )
        return self.respond(gap)

    @extend_schema(
        request=s.GapNoteSerializer,
        responses={200: s.GapSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        return self._note_action(services.close_gap)

    @extend_schema(
        request=s.GapNoteSerializer,
        responses={200: s.GapSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"])
    def reopen(self, request, pk=None):
        return self._note_action(services.reopen_gap)

    @extend_schema(
        request=s.GapsToTasksSerializer, responses={201: s.TaskReportSerializer, **ERRORS}
    )
    @action(detail=False, methods=["post"], url_path="to-tasks")
    def to_tasks(self, request):
        access.check_manage(request.user)
        data = self.payload(s.GapsToTasksSerializer)
        visible = set(access.visible_gaps(request.user).values_list("pk", flat=True))
        gaps = [gap for gap in data["gaps"] if gap.pk in visible]
        report = services.create_tasks_for_gaps(
            gaps, actor=request.user, programme=data["programme"], milestone=data["milestone"]
        )
        body = {
            "created": [t.pk for t in report.created],
            "skipped": [g.pk for g in report.skipped],
        }
        return Response(s.TaskReportSerializer(body).data, status=status.HTTP_201_CREATED)
