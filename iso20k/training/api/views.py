"""API of training and competence. Writes call the same services as the pages."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from iso20k.core.api.versioning import IF_MATCH, ETagMixin, expected_version
from iso20k.history.api.mixins import HistoryMixin

from .. import access, services
from ..models import (
    Attendance,
    Competence,
    CompetenceRecord,
    CompetenceRequirement,
    Course,
    TrainingSession,
)
from . import serializers as s

ERRORS = {
    400: OpenApiResponse(description="Invalid input: {field: [{message, code}]}"),
    403: OpenApiResponse(description="The role does not allow this action."),
    412: OpenApiResponse(description="The If-Match version is stale."),
    428: OpenApiResponse(description="If-Match header missing."),
}


class CanViewTraining(BasePermission):
    def has_permission(self, request, view) -> bool:
        return access.can_view(request.user)


class TrainingViewSet(
    ETagMixin,
    HistoryMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    permission_classes = [CanViewTraining]

    def payload(self, serializer_class, *, partial: bool = False) -> dict:
        payload = serializer_class(data=self.request.data, partial=partial)
        payload.is_valid(raise_exception=True)
        return dict(payload.validated_data)

    def respond(self, obj, code: int = status.HTTP_200_OK) -> Response:
        return Response(self.get_serializer(obj).data, status=code)

    def managed(self):
        access.check_manage(self.request.user)
        return self.get_object()


class CompetenceViewSet(TrainingViewSet):
    """Competences (7.2) that roles require and courses develop."""

    serializer_class = s.CompetenceSerializer
    queryset = Competence.objects.none()

    def get_queryset(self):
        return access.visible_competences(self.request.user).prefetch_related("clauses")

    @extend_schema(
        request=s.CompetenceCreateSerializer, responses={201: s.CompetenceSerializer, **ERRORS}
    )
    def create(self, request):
        access.check_manage(request.user)
        competence = services.create_competence(
            actor=request.user, **self.payload(s.CompetenceCreateSerializer)
        )
        return self.respond(competence, status.HTTP_201_CREATED)

    @extend_schema(
        request=s.CompetenceWriteSerializer,
        responses={200: s.CompetenceSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    def partial_update(self, request, pk=None):
        competence = services.update_competence(
            self.managed(),
            actor=request.user,
            expected_version=expected_version(request),
            **self.payload(s.CompetenceWriteSerializer, partial=True),
        )
        return self.respond(competence)


class CourseViewSet(TrainingViewSet):
    """Courses and awareness activities, case-sharing sessions included."""

    serializer_class = s.CourseSerializer
    queryset = Course.objects.none()
    filterset_fields = ["kind", "is_active"]

    def get_queryset(self):
        return access.visible_courses(self.request.user).prefetch_related("competences")

    @extend_schema(request=s.CourseCreateSerializer, responses={201: s.CourseSerializer, **ERRORS})
    def create(self, request):
        access.check_manage(request.user)
        course = services.create_course(
            actor=request.user, **self.payload(s.CourseCreateSerializer)
        )
        return self.respond(course, status.HTTP_201_CREATED)

    @extend_schema(
        request=s.CourseWriteSerializer,
        responses={200: s.CourseSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    def partial_update(self, request, pk=None):
        course = services.update_course(
            self.managed(),
            actor=request.user,
            expected_version=expected_version(request),
            **self.payload(s.CourseWriteSerializer, partial=True),
        )
        return self.respond(course)


class TrainingSessionViewSet(TrainingViewSet):
    """Sessions of courses; hold, cancel and invite are actions."""

    serializer_class = s.TrainingSessionSerializer
    queryset = TrainingSession.objects.none()
    filterset_fields = ["course", "status"]

    def get_queryset(self):
        return access.visible_sessions(self.request.user).order_by("-starts_at", "-pk")

    @extend_schema(
        request=s.SessionCreateSerializer, responses={201: s.TrainingSessionSerializer, **ERRORS}
    )
    def create(self, request):
        access.check_manage(request.user)
        data = self.payload(s.SessionCreateSerializer)
        session = services.schedule_session(data.pop("course"), actor=request.user, **data)
        return self.respond(session, status.HTTP_201_CREATED)

    @extend_schema(
        request=s.SessionWriteSerializer,
        responses={200: s.TrainingSessionSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    def partial_update(self, request, pk=None):
        session = services.update_session(
            self.managed(),
            actor=request.user,
            expected_version=expected_version(request),
            **self.payload(s.SessionWriteSerializer, partial=True),
        )
        return self.respond(session)

    @extend_schema(
        request=s.HoldSerializer,
        responses={200: s.TrainingSessionSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"])
    def hold(self, request, pk=None):
        session = services.hold_session(
            self.managed(),
            actor=request.user,
            expected_version=expected_version(request),
            summary=self.payload(s.HoldSerializer)["summary"],
        )
        return self.respond(session)

    @extend_schema(
        request=s.CancelSerializer,
        responses={200: s.TrainingSessionSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        session = services.cancel_session(
            self.managed(),
            actor=request.user,
            expected_version=expected_version(request),
            reason=self.payload(s.CancelSerializer)["reason"],
        )
        return self.respond(session)

    @extend_schema(
        request=s.InviteSerializer, responses={201: s.AttendanceSerializer(many=True), **ERRORS}
    )
    @action(detail=True, methods=["post"])
    def invite(self, request, pk=None):
        created = services.invite(
            self.managed(), actor=request.user, people=self.payload(s.InviteSerializer)["people"]
        )
        body = s.AttendanceSerializer(created, many=True, context={"request": request}).data
        return Response(body, status=status.HTTP_201_CREATED)


class AttendanceViewSet(TrainingViewSet):
    """Who attended which session, with results; staff see only their own."""

    serializer_class = s.AttendanceSerializer
    queryset = Attendance.objects.none()
    filterset_fields = ["session", "person", "status", "result"]

    def get_queryset(self):
        return access.visible_attendances(self.request.user).order_by("session", "person")

    @extend_schema(
        request=s.AttendanceWriteSerializer,
        responses={200: s.AttendanceSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"])
    def record(self, request, pk=None):
        attendance = services.record_attendance(
            self.managed(),
            actor=request.user,
            expected_version=expected_version(request),
            **self.payload(s.AttendanceWriteSerializer, partial=True),
        )
        return self.respond(attendance)


class CompetenceRequirementViewSet(TrainingViewSet):
    """The competences each role requires; retire instead of deleting."""

    serializer_class = s.CompetenceRequirementSerializer
    queryset = CompetenceRequirement.objects.none()
    filterset_fields = ["role", "competence", "is_active"]

    def get_queryset(self):
        if not access.can_view(self.request.user):
            return CompetenceRequirement.objects.none()
        return CompetenceRequirement.objects.order_by("role", "competence_id")

    @extend_schema(
        request=s.RequirementCreateSerializer,
        responses={201: s.CompetenceRequirementSerializer, **ERRORS},
    )
    def create(self, request):
        access.check_manage(request.user)
        requirement = services.require_competence(
            actor=request.user, **self.payload(s.RequirementCreateSerializer)
        )
        return self.respond(requirement, status.HTTP_201_CREATED)

    @extend_schema(
        request=None,
        responses={200: s.CompetenceRequirementSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"])
    def retire(self, request, pk=None):
        requirement = services.retire_requirement(
            self.managed(), actor=request.user, expected_version=expected_version(request)
        )
        return self.respond(requirement)


class CompetenceRecordViewSet(TrainingViewSet):
    """Who holds which competence, from when, until when; staff see only their own."""

    serializer_class = s.CompetenceRecordSerializer
    queryset = CompetenceRecord.objects.none()
    filterset_fields = ["person", "competence"]

    def get_queryset(self):
        return access.visible_records(self.request.user).order_by("-achieved_on", "-pk")

    @extend_schema(
        request=s.RecordCreateSerializer, responses={201: s.CompetenceRecordSerializer, **ERRORS}
    )
    def create(self, request):
        access.check_manage(request.user)
        record = services.record_competence(
            actor=request.user, **self.payload(s.RecordCreateSerializer)
        )
        return self.respond(record, status.HTTP_201_CREATED)

    @extend_schema(
        request=s.WithdrawSerializer,
        responses={200: s.CompetenceRecordSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        record = services.withdraw_record(
            self.managed(),
            actor=request.user,
            expected_version=expected_version(request),
            reason=self.payload(s.WithdrawSerializer)["reason"],
        )
        return self.respond(record)
