"""API of incidents: keyset lists filtered like the queues, logging (agents; customers for
their organisation), reclassification with If-Match, and every workflow action."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from iso20k.core.api.versioning import IF_MATCH, expected_version
from iso20k.servicedesk.api.tickets import ERRORS, TicketViewSet, ticket_schema

from .. import access, services
from ..kind import KIND
from ..models import Incident
from .serializers import (
    EscalateSerializer,
    IncidentCreateSerializer,
    IncidentSerializer,
    IncidentUpdateSerializer,
    MajorReviewSerializer,
    ResolveSerializer,
)


@ticket_schema(IncidentSerializer)
class IncidentViewSet(TicketViewSet):
    """Incidents (8.6.1). Lists take the queue filters (queue, status, priority, service,
    group, assignee, customer, sla, q, sort) and page by cursor."""

    kind = KIND
    serializer_class = IncidentSerializer
    queryset = Incident.objects.none()

    @extend_schema(request=IncidentCreateSerializer, responses={201: IncidentSerializer, **ERRORS})
    def create(self, request):
        """Log an incident. Agents log for any customer; a customer logs for their own
        organisation (as the requester, through the API channel)."""
        customer_side = access.is_customer(request.user)
        if not access.can_work(request.user) and not customer_side:
            raise PermissionDenied
        payload = IncidentCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        if customer_side:
            for name in ("assigned_group", "assignee"):
                data.pop(name, None)
            data["requester"] = request.user
        incident = services.open_incident(actor=request.user, source="api", **data)
        return self.respond(incident, status.HTTP_201_CREATED)

    @extend_schema(request=IncidentUpdateSerializer, parameters=[IF_MATCH])
    def partial_update(self, request, pk=None):
        """Reclassify: a new impact or urgency re-targets the SLA clocks."""
        incident = self.ticket_for("work")
        payload = IncidentUpdateSerializer(data=request.data, partial=True)
        payload.is_valid(raise_exception=True)
        fields = {
            k: v
            for k, v in payload.validated_data.items()
            if k not in ("assigned_group", "assignee")
        }
        incident = services.update_incident(
            incident, actor=request.user, expected_version=expected_version(request), **fields
        )
        return self.respond(incident)

    @extend_schema(
        request=ResolveSerializer,
        responses={200: IncidentSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"])
    def resolve(self, request, pk=None):
        """Resolve with a resolution code and notes (both required)."""
        return self._call("resolve", "work", ResolveSerializer)

    @extend_schema(
        request=EscalateSerializer,
        responses={200: IncidentSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"])
    def escalate(self, request, pk=None):
        """Functional (to_group) or hierarchical (to_manager, optionally make_major)."""
        return self._call("escalate", "work", EscalateSerializer)

    @extend_schema(request=MajorReviewSerializer, responses={200: MajorReviewSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        """Record (or revise, with If-Match of the review) a major incident's review."""
        incident = self.ticket_for("review")
        payload = MajorReviewSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        revising = hasattr(incident, "review")
        review = services.record_major_review(
            incident,
            actor=request.user,
            expected_version=expected_version(request) if revising else None,
            **payload.validated_data,
        )
        return Response(MajorReviewSerializer(review).data)
