"""API of the certification programme: charter with workflow actions, milestones, budget,
team, RACI and tasks. Every write calls the same service as the pages."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from iso20k.core.api.versioning import IF_MATCH, ETagMixin, expected_version
from iso20k.history.api.mixins import HistoryMixin

from .. import access, querysets, services
from ..choices import ProgrammeStatus
from ..filtersets import TaskFilterSet
from ..models import BudgetLine, Milestone, ProcessRaci, Programme, Task, TeamMember
from . import serializers as s

ERRORS = {
    400: OpenApiResponse(description="Invalid input: {field: [{message, code}]}"),
    403: OpenApiResponse(description="The role does not allow this action."),
    412: OpenApiResponse(description="The If-Match version is stale."),
    428: OpenApiResponse(description="If-Match header missing."),
}


class CanViewProgramme(BasePermission):
    def has_permission(self, request, view) -> bool:
        return access.can_view(request.user)


class CanViewBudget(BasePermission):
    def has_permission(self, request, view) -> bool:
        return access.can_view_budget(request.user)


class ReadViewSet(
    ETagMixin,
    HistoryMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    permission_classes = [CanViewProgramme]

    def payload(self, serializer_class, *, partial: bool = False) -> dict:
        payload = serializer_class(data=self.request.data, partial=partial)
        payload.is_valid(raise_exception=True)
        return dict(payload.validated_data)

    def respond(self, obj, code: int = status.HTTP_200_OK) -> Response:
        return Response(self.get_serializer(obj).data, status=code)

    def programme_for_edit(self, programme: Programme) -> Programme:
        return access.get_programme_for(self.request.user, programme.pk, "edit")


class ProgrammeViewSet(ReadViewSet):
    """Certification programmes (charter, approval, progress computed from the plan)."""

    serializer_class = s.ProgrammeSerializer
    queryset = Programme.objects.none()

    def get_queryset(self):
        return querysets.with_progress(access.visible_programmes(self.request.user))

    @extend_schema(
        request=s.ProgrammeCreateSerializer, responses={201: s.ProgrammeSerializer, **ERRORS}
    )
    def create(self, request):
        access.check_edit(request.user)
        programme = services.create_programme(
            actor=request.user, **self.payload(s.ProgrammeCreateSerializer)
        )
        return self.respond(programme, status.HTTP_201_CREATED)

    @extend_schema(
        request=s.ProgrammeWriteSerializer,
        responses={200: s.ProgrammeSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    def partial_update(self, request, pk=None):
        programme = access.get_programme_for(request.user, self.get_object().pk, "edit")
        programme = services.update_programme(
            programme,
            actor=request.user,
            expected_version=expected_version(request),
            **self.payload(s.ProgrammeWriteSerializer, partial=True),
        )
        return self.respond(programme)

    def _act(self, service, permission: str, *, note: bool = False, **extra):
        programme = access.get_programme_for(self.request.user, self.get_object().pk, permission)
        kwargs = {"actor": self.request.user, "expected_version": expected_version(self.request)}
        if note:
            kwargs["note"] = self.payload(s.ProgrammeNoteSerializer)["note"]
        return self.respond(service(programme, **kwargs, **extra))

    @extend_schema(
        request=None, responses={200: s.ProgrammeSerializer, **ERRORS}, parameters=[IF_MATCH]
    )
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        return self._act(services.submit_programme, "edit")

    @extend_schema(
        request=None, responses={200: s.ProgrammeSerializer, **ERRORS}, parameters=[IF_MATCH]
    )
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        return self._act(services.withdraw_programme, "edit")

    @extend_schema(
        request=s.ProgrammeNoteSerializer,
        responses={200: s.ProgrammeSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        return self._act(services.approve_programme, "decide", note=True)

    @extend_schema(
        request=s.ProgrammeNoteSerializer,
        responses={200: s.ProgrammeSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        return self._act(services.reject_programme, "decide", note=True)

    @extend_schema(
        request=s.ProgrammeNoteSerializer,
        responses={200: s.ProgrammeSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"])
    def reopen(self, request, pk=None):
        return self._act(services.reopen_programme, "edit", note=True)

    @extend_schema(
        request=s.ProgrammeNoteSerializer,
        responses={200: s.ProgrammeSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"])
    def complete(self, request, pk=None):
        return self._act(
            services.close_programme, "edit", note=True, outcome=ProgrammeStatus.COMPLETED
        )

    @extend_schema(
        request=s.ProgrammeNoteSerializer,
        responses={200: s.ProgrammeSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        return self._act(
            services.close_programme, "edit", note=True, outcome=ProgrammeStatus.CANCELLED
        )


class MilestoneViewSet(ReadViewSet):
    """Milestones of the seven stages, with planned and actual dates."""

    serializer_class = s.MilestoneSerializer
    queryset = Milestone.objects.none()
    filterset_fields = ["programme", "stage", "status"]

    def get_queryset(self):
        return access.visible_milestones(self.request.user).order_by(
            "programme", "planned_start_on", "pk"
        )

    @extend_schema(
        request=s.MilestoneCreateSerializer, responses={201: s.MilestoneSerializer, **ERRORS}
    )
    def create(self, request):
        access.check_edit(request.user)
        data = self.payload(s.MilestoneCreateSerializer)
        programme = self.programme_for_edit(data.pop("programme"))
        milestone = services.add_milestone(programme, actor=request.user, **data)
        return self.respond(milestone, status.HTTP_201_CREATED)

    @extend_schema(
        request=s.MilestoneWriteSerializer,
        responses={200: s.MilestoneSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    def partial_update(self, request, pk=None):
        milestone = access.get_milestone_for(request.user, self.get_object().pk, "edit")
        milestone = services.update_milestone(
            milestone,
            actor=request.user,
            expected_version=expected_version(request),
            **self.payload(s.MilestoneWriteSerializer, partial=True),
        )
        return self.respond(milestone)


class BudgetLineViewSet(ReadViewSet):
    """Budget lines (planned and actual amounts in the programme's currency)."""

    serializer_class = s.BudgetLineSerializer
    permission_classes = [CanViewBudget]
    queryset = BudgetLine.objects.none()
    filterset_fields = ["programme", "category", "is_active"]

    def get_queryset(self):
        return access.visible_budget_lines(self.request.user).order_by(
            "programme", "category", "pk"
        )

    @extend_schema(
        request=s.BudgetLineCreateSerializer, responses={201: s.BudgetLineSerializer, **ERRORS}
    )
    def create(self, request):
        access.check_edit(request.user)
        data = self.payload(s.BudgetLineCreateSerializer)
        programme = self.programme_for_edit(data.pop("programme"))
        line = services.add_budget_line(programme, actor=request.user, **data)
        return self.respond(line, status.HTTP_201_CREATED)

    @extend_schema(
        request=s.BudgetLineWriteSerializer,
        responses={200: s.BudgetLineSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    def partial_update(self, request, pk=None):
        line = access.get_budget_line_for(request.user, self.get_object().pk, "edit")
        line = services.update_budget_line(
            line,
            actor=request.user,
            expected_version=expected_version(request),
            **self.payload(s.BudgetLineWriteSerializer, partial=True),
        )
        return self.respond(line)


class TeamMemberViewSet(ReadViewSet):
    """Members of the programme team and their roles."""

    serializer_class = s.TeamMemberSerializer
    queryset = TeamMember.objects.none()
    filterset_fields = ["programme", "role", "person"]

    def get_queryset(self):
        return access.visible_members(self.request.user).order_by("programme", "role", "pk")

    @extend_schema(
        request=s.TeamMemberCreateSerializer, responses={201: s.TeamMemberSerializer, **ERRORS}
    )
    def create(self, request):
        access.check_edit(request.user)
        data = self.payload(s.TeamMemberCreateSerializer)
        programme = self.programme_for_edit(data.pop("programme"))
        member = services.add_member(programme, actor=request.user, **data)
        return self.respond(member, status.HTTP_201_CREATED)

    @extend_schema(
        request=s.TeamMemberWriteSerializer,
        responses={200: s.TeamMemberSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    def partial_update(self, request, pk=None):
        member = access.get_member_for(request.user, self.get_object().pk, "edit")
        member = services.update_member(
            member,
            actor=request.user,
            expected_version=expected_version(request),
            **self.payload(s.TeamMemberWriteSerializer, partial=True),
        )
        return self.respond(member)

    @extend_schema(
        request=s.LeaveSerializer,
        responses={200: s.TeamMemberSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"])
    def leave(self, request, pk=None):
        member = access.get_member_for(request.user, self.get_object().pk, "edit")
        member = services.leave_team(
            member,
            actor=request.user,
            expected_version=expected_version(request),
            left_on=self.payload(s.LeaveSerializer)["left_on"],
        )
        return self.respond(member)


class ProcessRaciViewSet(ReadViewSet):
    """The RACI of each process: letters per team member."""

    serializer_class = s.ProcessRaciSerializer
    queryset = ProcessRaci.objects.none()
    filterset_fields = ["programme"]

    def get_queryset(self):
        if not access.can_view(self.request.user):
            return ProcessRaci.objects.none()
        return (
            ProcessRaci.objects.select_related("clause")
            .prefetch_related("assignments")
            .order_by("programme", "clause__sort_key")
        )

    @extend_schema(
        request=s.RaciCreateSerializer, responses={201: s.ProcessRaciSerializer, **ERRORS}
    )
    def create(self, request):
        access.check_edit(request.user)
        data = self.payload(s.RaciCreateSerializer)
        programme = self.programme_for_edit(data["programme"])
        row = services.set_process_raci(
            programme, actor=request.user, clause=data["clause"], letters=data["letters"]
        )
        return self.respond(row, status.HTTP_201_CREATED)

    @extend_schema(
        request=s.RaciWriteSerializer,
        responses={200: s.ProcessRaciSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    def partial_update(self, request, pk=None):
        row = self.get_object()
        programme = self.programme_for_edit(row.programme)
        row = services.set_process_raci(
            programme,
            actor=request.user,
            clause=row.clause,
            letters=self.payload(s.RaciWriteSerializer)["letters"],
            expected_version=expected_version(request),
        )
        return self.respond(row)


class TaskViewSet(ReadViewSet):
    """Tasks with owners and due dates; status changes through the `transition` action."""

    serializer_class = s.TaskSerializer
    queryset = Task.objects.none()
    filterset_class = TaskFilterSet

    def get_queryset(self):
        return access.visible_tasks(self.request.user).order_by("due_on", "pk")

    @extend_schema(request=s.TaskCreateSerializer, responses={201: s.TaskSerializer, **ERRORS})
    def create(self, request):
        access.check_edit(request.user)
        data = self.payload(s.TaskCreateSerializer)
        programme = self.programme_for_edit(data.pop("programme"))
        task = services.create_task(programme, actor=request.user, **data)
        return self.respond(task, status.HTTP_201_CREATED)

    @extend_schema(
        request=s.TaskWriteSerializer,
        responses={200: s.TaskSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    def partial_update(self, request, pk=None):
        task = access.get_task_for(request.user, self.get_object().pk, "edit")
        task = services.update_task(
            task,
            actor=request.user,
            expected_version=expected_version(request),
            **self.payload(s.TaskWriteSerializer, partial=True),
        )
        return self.respond(task)

    @extend_schema(
        request=s.TaskTransitionSerializer,
        responses={200: s.TaskSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"])
    def transition(self, request, pk=None):
        task = access.get_task_for(request.user, self.get_object().pk, "update")
        data = self.payload(s.TaskTransitionSerializer)
        task = services.change_task_status(
            task, actor=request.user, expected_version=expected_version(request), **data
        )
        return self.respond(task)
