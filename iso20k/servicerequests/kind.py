"""The service request ticket kind, for the shared desk machinery."""

from django.utils.translation import pgettext_lazy

from iso20k.servicedesk.kinds import TicketKind

from .access import can_view, can_work, get_request_for, visible_requests
from .choices import TRANSITIONS, RequestStatus
from .models import RequestComment, ServiceRequest

KIND = TicketKind(
    key="servicerequests.servicerequest",
    desk="requests",
    prefix="REQ",
    label=pgettext_lazy("service request", "Service request"),
    model=ServiceRequest,
    comment_model=RequestComment,
    comment_field="request",
    statuses=RequestStatus,
    transitions=TRANSITIONS,
    get_for=get_request_for,
    visible=visible_requests,
    can_view=can_view,
    can_work=can_work,
    list_url="servicerequests:request-list",
    services="iso20k.servicerequests.services",
    service_names={
        "assign": "assign_request",
        "close": "close_request",
        "comment": "add_request_comment",
        "rate": "rate_request",
        "reopen": "reopen_request",
        "hold": "hold_request",
        "resume": "resume_request",
        "cancel": "cancel_request",
        "approve": "approve_request",
        "reject": "reject_request",
        "fulfil": "fulfil_request",
    },
    process="8.6.2",
    cancel_statuses=frozenset({"cancelled", "rejected"}),
    logged_fields=(
        "subject",
        "status",
        "item",
        "answers",
        "impact",
        "urgency",
        "priority",
        "customer",
        "requester",
        "service",
        "assigned_group",
        "assignee",
        "source",
        "reported_at",
    ),
)
