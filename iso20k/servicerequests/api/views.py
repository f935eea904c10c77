"""API of service requests: keyset lists, submitting an item with its form answers,
approval (never by the requester: 403), fulfilment tasks, and the workflow actions."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from iso20k.core.api.versioning import IF_MATCH, expected_version
from iso20k.servicedesk.api.tickets import ERRORS, TicketViewSet, ticket_schema

from .. import access, services
from ..kind import KIND
from ..models import ServiceRequest
from .serializers import (
    FulfilmentTaskCreateSerializer,
    FulfilmentTaskSerializer,
    FulfilSerializer,
    RequestCreateSerializer,
    RequestDecisionSerializer,
    RequestSerializer,
    RequestUpdateSerializer,
    TaskDoneSerializer,
)


@ticket_schema(RequestSerializer)
class RequestViewSet(TicketViewSet):
    """Service requests (8.6.2), filtered like the queues and paged by cursor."""

    kind = KIND
    serializer_class = RequestSerializer
    queryset = ServiceRequest.objects.none()

    def get_queryset(self):
        return super().get_queryset().select_related("item")

    @extend_schema(request=RequestCreateSerializer, responses={201: RequestSerializer, **ERRORS})
    def create(self, request):
        """Request a catalogue item; the answers are checked against the item's form."""
        customer_side = access.is_customer(request.user)
        if not access.can_work(request.user) and not customer_side:
            raise PermissionDenied
        payload = RequestCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        if customer_side:
            data["requester"] = request.user
        ticket = services.submit_request(actor=request.user, source="api", **data)
        return self.respond(ticket, status.HTTP_201_CREATED)

    @extend_schema(request=RequestUpdateSerializer, parameters=[IF_MATCH])
    def partial_update(self, request, pk=None):
        """Edit subject, description, impact or urgency (a new priority re-targets the SLA)."""
        ticket = self.ticket_for("work")
        payload = RequestUpdateSerializer(data=request.data, partial=True)
        payload.is_valid(raise_exception=True)
        ticket = services.update_request(
            ticket,
            actor=request.user,
            expected_version=expected_version(request),
            **payload.validated_data,
        )
        return self.respond(ticket)

    @extend_schema(
        request=RequestDecisionSerializer,
        responses={200: RequestSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        """Approve (403 when you are the requester)."""
        return self._call("approve", "approve", RequestDecisionSerializer)

    @extend_schema(
        request=RequestDecisionSerializer,
        responses={200: RequestSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        """Reject with a comment (required)."""
        return self._call("reject", "approve", RequestDecisionSerializer)

    @extend_schema(
        request=FulfilSerializer,
        responses={200: RequestSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"])
    def fulfil(self, request, pk=None):
        """Mark fulfilled once every task is done."""
        return self._call("fulfil", "work", FulfilSerializer)

    @extend_schema(responses=FulfilmentTaskSerializer(many=True))
    @action(detail=True, methods=["get"])
    def tasks(self, request, pk=None):
        ticket = self.ticket_for("view")
        return Response(
            FulfilmentTaskSerializer(
                ticket.tasks.select_related("assignee", "done_by"), many=True
            ).data
        )

    @extend_schema(
        request=FulfilmentTaskCreateSerializer, responses={201: FulfilmentTaskSerializer, **ERRORS}
    )
    @tasks.mapping.post
    def add_task(self, request, pk=None):
        ticket = self.ticket_for("work")
        payload = FulfilmentTaskCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        task = services.add_task(ticket, actor=request.user, **payload.validated_data)
        return Response(FulfilmentTaskSerializer(task).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=TaskDoneSerializer,
        responses={200: FulfilmentTaskSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"], url_path=r"tasks/(?P<task>\d+)/done")
    def task_done(self, request, pk=None, task=None):
        """Tick a task off (done: true) or untick it, with the task's If-Match."""
        ticket = self.ticket_for("work")
        found = get_object_or_404(ticket.tasks, pk=task)
        payload = TaskDoneSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        found = services.set_task_done(
            found,
            actor=request.user,
            expected_version=expected_version(request),
            done=payload.validated_data["done"],
        )
        response = Response(FulfilmentTaskSerializer(found).data)
        response["ETag"] = f'"{found.version}"'
        return response
