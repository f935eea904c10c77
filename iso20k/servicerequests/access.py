"""Who may see and work service requests (8.6.2), and who may approve them.

Agents (organisation-wide or scoped to 8.6.2) and administrators work requests; top
management, the lead, auditors and the process owner of 8.6.2 read them. Approvers are the
agents, the process owner of 8.6.2 and the owner of the requested service; the service
rule that a requester never approves their own request is checked in services.py. A
customer user sees their organisation's requests only (404 otherwise).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from iso20k.customers.access import customer_ids_of
from iso20k.servicedesk import access as desk

from .models import RequestComment, ServiceRequest

PROCESS = "8.6.2"
CUSTOMER_ACTIONS = {"view", "reply", "rate", "reopen"}


def can_view(user) -> bool:
    return desk.can_view_process(user, PROCESS)


def can_work(user) -> bool:
    return desk.can_work_process(user, PROCESS)


def can_approve(user, request: ServiceRequest) -> bool:
    if can_work(user):
        return True
    if desk.owns_process(user, PROCESS):
        return True
    return request.service_id is not None and request.service.owner_id == user.pk


def is_customer(user) -> bool:
    return not can_view(user) and bool(customer_ids_of(user))


def visible_requests(user) -> QuerySet[ServiceRequest]:
    if can_view(user):
        return ServiceRequest.objects.all()
    ids = customer_ids_of(user)
    if ids:
        return ServiceRequest.objects.filter(customer_id__in=ids)
    return ServiceRequest.objects.none()


def get_request_for(user, pk: int, action: str = "view") -> ServiceRequest:
    """The request if visible (else 404) and the action allowed (else 403). Actions: view,
    reply, rate, reopen (customers too), approve, work (every agent act)."""
    request = visible_requests(user).select_related("service", "item").filter(pk=pk).first()
    if request is None:
        raise Http404
    if is_customer(user):
        if action not in CUSTOMER_ACTIONS:
            raise PermissionDenied
        return request
    if action == "view":
        return request
    if action == "approve":
        if not can_approve(user, request):
            raise PermissionDenied
        return request
    if not can_work(user):
        raise PermissionDenied
    return request


def visible_comments(user, request: ServiceRequest) -> QuerySet[RequestComment]:
    comments = request.comments.select_related("author").order_by("at", "pk")
    return comments.filter(is_public=True) if is_customer(user) else comments


def can_view_files_of_request(user, owner_id: str) -> bool:
    return visible_requests(user).filter(pk=owner_id).exists()


def can_view_files_of_comment(user, owner_id: str) -> bool:
    comments = RequestComment.objects.filter(pk=owner_id, request__in=visible_requests(user))
    if is_customer(user):
        comments = comments.filter(is_public=True)
    return comments.exists()
