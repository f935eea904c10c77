"""Who may see and work incidents (8.6.1).

Agents (organisation-wide or scoped to 8.6.1) and administrators work incidents; top
management, the certification lead, auditors and the process owner of 8.6.1 read them,
and the process owner and the lead may also record major incident reviews. A customer
user sees the incidents of their own organisation only (404 for any other), reads public
replies only, and may reply, reopen a resolved incident and rate it.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from iso20k.accounts import access as accounts
from iso20k.accounts.choices import Role
from iso20k.customers.access import customer_ids_of
from iso20k.servicedesk import access as desk

from .models import Incident, IncidentComment

PROCESS = "8.6.1"
CUSTOMER_ACTIONS = {"view", "reply", "rate", "reopen"}


def can_view(user) -> bool:
    return desk.can_view_process(user, PROCESS)


def can_work(user) -> bool:
    return desk.can_work_process(user, PROCESS)


def can_review(user) -> bool:
    if can_work(user):
        return True
    if accounts.has_role(user, Role.CERTIFICATION_LEAD):
        return True
    return desk.owns_process(user, PROCESS)


def is_customer(user) -> bool:
    """Reads incidents as a customer: through the portal, their organisation's only."""
    return not can_view(user) and bool(customer_ids_of(user))


def visible_incidents(user) -> QuerySet[Incident]:
    if can_view(user):
        return Incident.objects.all()
    ids = customer_ids_of(user)
    if ids:
        return Incident.objects.filter(customer_id__in=ids)
    return Incident.objects.none()


def get_incident_for(user, pk: int, action: str = "view") -> Incident:
    """The incident, if the user may see it (else 404) and do `action` (else 403).

    Actions: view, reply (public), rate, reopen (customers too), work (every agent act),
    review (major incident review).
    """
    incident = (
        visible_incidents(user)
        .select_related(
            "customer",
            "requester",
            "service",
            "assigned_group__manager",
            "assignee",
            "problem",
            "known_error",
        )
        .filter(pk=pk)
        .first()
    )
    if incident is None:
        raise Http404
    if is_customer(user):
        if action not in CUSTOMER_ACTIONS:
            raise PermissionDenied
        return incident
    if action == "view":
        return incident
    if action == "review":
        if not can_review(user):
            raise PermissionDenied
        return incident
    if not can_work(user):
        raise PermissionDenied
    return incident


def visible_comments(user, incident: Incident) -> QuerySet[IncidentComment]:
    comments = incident.comments.select_related("author").order_by("at", "pk")
    return comments.filter(is_public=True) if is_customer(user) else comments


def can_view_files_of_incident(user, owner_id: str) -> bool:
    return visible_incidents(user).filter(pk=owner_id).exists()


def can_view_files_of_comment(user, owner_id: str) -> bool:
    comments = IncidentComment.objects.filter(pk=owner_id, incident__in=visible_incidents(user))
    if is_customer(user):
        comments = comments.filter(is_public=True)
    return comments.exists()
