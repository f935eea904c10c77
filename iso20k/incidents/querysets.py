"""Reads of incidents for their pages: the detail page's related records, trends."""

from iso20k.history.querysets import for_object
from iso20k.servicedesk.querysets import ticket_detail

from . import access
from .kind import KIND
from .models import Incident


def detail_of(incident: Incident, user) -> dict:
    """Everything the incident page shows, in a constant number of queries."""
    from iso20k.problems.querysets import suggestions_for

    customer_view = access.is_customer(user)
    context = ticket_detail(KIND, incident, access.visible_comments(user, incident))
    if customer_view:
        return context
    context.update(
        escalations=list(
            incident.escalations.select_related("from_group", "to_group", "to_manager", "actor")
        ),
        review=getattr(incident, "review", None) if incident.is_major else None,
        related=list(incident.related_incidents.order_by("pk")),
        known_errors=suggestions_for(incident),
        history_records=for_object(incident),
    )
    return context


def for_detail(queryset):
    return queryset.select_related(
        "customer",
        "requester",
        "service",
        "assigned_group__manager",
        "assignee",
        "problem",
        "known_error",
    )
