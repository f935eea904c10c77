"""Readiness API: checks, current results, clause statuses and scores, evaluations, snapshots.

Internal roles see everything; an external auditor sees only the snapshots shared with
their audit reference.
"""

from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from iso20k.history.api.mixins import HistoryMixin

from .. import access, querysets, registry, scoring, services
from ..models import Evaluation, Snapshot
from .serializers import (
    CheckSerializer,
    EvaluationRequestSerializer,
    EvaluationSerializer,
    OutcomeSerializer,
    ReadinessSerializer,
    SnapshotCreateSerializer,
    SnapshotSerializer,
    VerificationSerializer,
)


class CanViewReadiness(BasePermission):
    def has_permission(self, request, view) -> bool:
        return access.can_view_readiness(request.user)


class CheckListView(GenericAPIView):
    """Every registered check: its code, the clauses it evidences, and what it checks."""

    permission_classes = [CanViewReadiness]
    serializer_class = CheckSerializer
    pagination_class = None

    def get(self, request):
        data = [
            {
                "code": c.code,
                "clauses": list(c.clauses),
                "title": str(c.title),
                "depends_on": list(c.depends_on),
            }
            for c in registry.all_checks()
        ]
        return Response(CheckSerializer(data, many=True).data)


class ResultListView(GenericAPIView):
    """The current (latest live) result of every check."""

    permission_classes = [CanViewReadiness]
    serializer_class = OutcomeSerializer
    pagination_class = None

    def get(self, request):
        outcomes = sorted(querysets.latest_outcomes().values(), key=lambda o: o.code)
        return Response(OutcomeSerializer(outcomes, many=True).data)


class ReadinessView(GenericAPIView):
    """Clause statuses and readiness scores now (overall, per clause group, per clause)."""

    permission_classes = [CanViewReadiness]
    serializer_class = ReadinessSerializer

    def get(self, request):
        outcomes = querysets.latest_outcomes()
        readiness = scoring.compute({c: o.status for c, o in outcomes.items()}, timezone.now())
        latest = querysets.latest_live_evaluation()
        data = {
            "evaluated_at": latest.finished_at if latest else None,
            "overall": readiness.overall,
            "groups": readiness.groups,
            "clauses": readiness.clauses,
        }
        return Response(ReadinessSerializer(data).data)


class EvaluationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = EvaluationSerializer
    permission_classes = [CanViewReadiness]
    queryset = Evaluation.objects.prefetch_related("outcomes").order_by("-started_at")

    @extend_schema(
        request=EvaluationRequestSerializer,
        responses={202: EvaluationSerializer, 400: OpenApiResponse(description="Invalid moment.")},
        description="Queue an evaluation as things stood at a past moment.",
    )
    def create(self, request):
        payload = EvaluationRequestSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        evaluation = services.request_as_of(payload.validated_data["as_of"], actor=request.user)
        return Response(self.get_serializer(evaluation).data, status=status.HTTP_202_ACCEPTED)


class SnapshotViewSet(
    HistoryMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    serializer_class = SnapshotSerializer
    queryset = Snapshot.objects.none()

    def get_queryset(self):
        return access.visible_snapshots(self.request.user).select_related("evaluation", "taken_by")

    @extend_schema(
        request=SnapshotCreateSerializer,
        responses={
            201: SnapshotSerializer,
            403: OpenApiResponse(description="Role may not take snapshots."),
        },
    )
    def create(self, request):
        payload = SnapshotCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        evaluation_id = data.pop("evaluation")
        evaluation = Evaluation.objects.filter(pk=evaluation_id).first() if evaluation_id else None
        snapshot = services.take_snapshot(actor=request.user, evaluation=evaluation, **data)
        return Response(self.get_serializer(snapshot).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        responses=VerificationSerializer,
        description="Whether the snapshot is intact, and what differs if not.",
    )
    @action(detail=True, methods=["get"])
    def verify(self, request, pk=None):
        report = services.verify_snapshot(self.get_object())
        return Response({"ok": report.ok, "problems": [str(p) for p in report.problems]})

    @extend_schema(
        responses=OutcomeSerializer(many=True),
        description="The frozen check results of the snapshot.",
    )
    @action(detail=True, methods=["get"])
    def results(self, request, pk=None):
        outcomes = self.get_object().evaluation.outcomes.order_by("code")
        return Response(OutcomeSerializer(outcomes, many=True).data)
