"""The API every ticket type shares: keyset-paginated lists filtered like the queues, one
ticket with its ETag, the conversation, and the shared workflow actions (assign, hold,
resume, close, reopen, cancel, rate), each calling the app's service with If-Match.

An app's viewset sets `kind` and its serializers and adds its own actions.
"""

from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from iso20k.core import keyset
from iso20k.core.api.keyset import KeysetPagination
from iso20k.core.api.versioning import IF_MATCH, ETagMixin, expected_version
from iso20k.history.api.mixins import HistoryMixin
from iso20k.history.api.serializers import ChangeRecordSerializer

from ..workspace.filters import QueueFilterForm
from ..workspace.options import filter_options
from ..workspace.queues import filtered
from .serializers import (
    AssignSerializer,
    CommentCreateSerializer,
    CommentSerializer,
    EmptySerializer,
    TicketHoldSerializer,
    TicketRatingSerializer,
    TicketReasonSerializer,
)

ERRORS = {
    400: OpenApiResponse(description="Invalid input: {field: [{message, code}]}"),
    403: OpenApiResponse(description="The role does not allow this action."),
    404: OpenApiResponse(description="No such ticket, or not visible to you."),
    412: OpenApiResponse(description="The If-Match version is stale."),
    428: OpenApiResponse(description="If-Match header missing."),
}


def ticket_schema(serializer_class):
    """Document the shared actions with the app's ticket serializer and the error bodies."""
    from drf_spectacular.utils import extend_schema_view

    documented = {"responses": {200: serializer_class, **ERRORS}}
    names = ["assign", "hold", "resume", "close", "reopen", "cancel", "rate", "partial_update"]
    return extend_schema_view(**{name: extend_schema(**documented) for name in names})


class CanUseTickets(BasePermission):
    """Readers of the kind, and customers (who see their organisation's tickets only)."""

    def has_permission(self, request, view) -> bool:
        from iso20k.customers.access import customer_ids_of

        user = request.user
        return view.kind.can_view(user) or bool(customer_ids_of(user))


class TicketViewSet(
    ETagMixin,
    HistoryMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    kind = None
    permission_classes = [CanUseTickets]
    pagination_class = KeysetPagination
    keyset_ordering = keyset.Ordering.of("-created_at", "-id")
    filter_backends = []

    def get_queryset(self):
        user = self.request.user
        tickets = self.kind.visible(user)
        if self.action == "list":
            form = QueueFilterForm(self._queue_params(), kind=self.kind, options=filter_options())
            tickets = filtered(self.kind, user, form, timezone.now())
        return tickets.select_related(
            "customer", "requester", "service", "assigned_group", "assignee"
        )

    def _queue_params(self):
        params = self.request.query_params.copy()
        params.setdefault("queue", "all")
        return params

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "now": timezone.now()}

    @extend_schema(
        responses=ChangeRecordSerializer(many=True),
        description="The change history of this ticket, newest first (up to 200 rows). It is "
        "the desk's record, internal notes included, so customers are refused it.",
    )
    @action(detail=True, methods=["get"], url_path="history")
    def history(self, request, *args, **kwargs):
        if not self.kind.can_view(request.user):
            raise PermissionDenied
        return super().history(request, *args, **kwargs)

    def get_object(self):
        act = {"retrieve": "view", "history": "view", "comments": "view"}.get(self.action)
        ticket = self.kind.get_for(self.request.user, int(self.kwargs["pk"]), act or "work")
        self.check_object_permissions(self.request, ticket)
        return ticket

    def ticket_for(self, act: str):
        return self.kind.get_for(self.request.user, int(self.kwargs["pk"]), act)

    def respond(self, ticket, code=status.HTTP_200_OK):
        ticket.refresh_from_db()
        return Response(self.get_serializer(ticket).data, status=code)

    def _call(self, name: str, act: str, payload_class=None, **extra):
        ticket = self.ticket_for(act)
        data = {}
        if payload_class is not None:
            payload = payload_class(data=self.request.data)
            payload.is_valid(raise_exception=True)
            data = dict(payload.validated_data)
        result = self.kind.service(name)(
            ticket,
            actor=self.request.user,
            expected_version=expected_version(self.request),
            **data,
            **extra,
        )
        return self.respond(result)

    @extend_schema(responses=CommentSerializer(many=True))
    @action(detail=True, methods=["get"])
    def comments(self, request, pk=None):
        """The conversation: customers see public replies only."""
        ticket = self.get_object()
        comments = (
            self.kind.comment_model.objects.filter(**{self.kind.comment_field: ticket})
            .select_related("author")
            .order_by("at", "pk")
        )
        if not self.kind.can_view(request.user):
            comments = comments.filter(is_public=True)
        return Response(CommentSerializer(comments, many=True).data)

    @extend_schema(request=CommentCreateSerializer, responses={201: CommentSerializer, **ERRORS})
    @comments.mapping.post
    def add_comment(self, request, pk=None):
        """A public reply or an internal note; the first public reply stops the response
        clock. Customers write public replies only. No If-Match: comments never conflict."""
        ticket = self.ticket_for("reply")
        payload = CommentCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        comment = self.kind.service("comment")(ticket, actor=request.user, **payload.validated_data)
        return Response(CommentSerializer(comment).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=AssignSerializer, parameters=[IF_MATCH])
    @action(detail=True, methods=["post"])
    def assign(self, request, pk=None):
        """Give the ticket to a support group (by code) and optionally one of its members."""
        return self._call("assign", "work", AssignSerializer)

    @extend_schema(request=TicketHoldSerializer, parameters=[IF_MATCH])
    @action(detail=True, methods=["post"])
    def hold(self, request, pk=None):
        """Put on hold, waiting for the customer, a supplier, a change or an agreed time."""
        return self._call("hold", "work", TicketHoldSerializer)

    @extend_schema(request=EmptySerializer, parameters=[IF_MATCH])
    @action(detail=True, methods=["post"])
    def resume(self, request, pk=None):
        return self._call("resume", "work")

    @extend_schema(request=EmptySerializer, parameters=[IF_MATCH])
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        return self._call("close", "work")

    @extend_schema(request=TicketReasonSerializer, parameters=[IF_MATCH])
    @action(detail=True, methods=["post"])
    def reopen(self, request, pk=None):
        """Reopen a resolved ticket (customers too); a new SLA resolution cycle starts."""
        return self._call("reopen", "reopen", TicketReasonSerializer)

    @extend_schema(request=TicketReasonSerializer, parameters=[IF_MATCH])
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        return self._call("cancel", "work", TicketReasonSerializer)

    @extend_schema(request=TicketRatingSerializer)
    @action(detail=True, methods=["post"])
    def rate(self, request, pk=None):
        """The customer rates a resolved ticket, once (no If-Match: a rating is written only
        if none exists yet)."""
        ticket = self.ticket_for("rate")
        payload = TicketRatingSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        result = self.kind.service("rate")(ticket, actor=request.user, **payload.validated_data)
        return self.respond(result)
