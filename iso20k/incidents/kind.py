"""The incident ticket kind: what the shared desk machinery needs to know about incidents."""

from django.utils.translation import gettext_lazy as _

from iso20k.servicedesk.kinds import TicketKind

from .access import can_view, can_work, get_incident_for, visible_incidents
from .choices import TRANSITIONS, IncidentStatus
from .models import Incident, IncidentComment

KIND = TicketKind(
    key="incidents.incident",
    desk="incidents",
    prefix="INC",
    label=_("Incident"),
    model=Incident,
    comment_model=IncidentComment,
    comment_field="incident",
    statuses=IncidentStatus,
    transitions=TRANSITIONS,
    get_for=get_incident_for,
    visible=visible_incidents,
    can_view=can_view,
    can_work=can_work,
    list_url="incidents:incident-list",
    services="iso20k.incidents.services",
    service_names={
        "assign": "assign_incident",
        "close": "close_incident",
        "comment": "add_incident_comment",
        "rate": "rate_incident",
        "reopen": "reopen_incident",
        "hold": "hold_incident",
        "resume": "resume_incident",
        "cancel": "cancel_incident",
        "resolve": "resolve_incident",
        "escalate": "escalate_incident",
    },
    process="8.6.1",
    logged_fields=(
        "subject",
        "status",
        "impact",
        "urgency",
        "priority",
        "category",
        "subcategory",
        "configuration_item",
        "customer",
        "requester",
        "service",
        "assigned_group",
        "assignee",
        "source",
        "reported_at",
    ),
)
