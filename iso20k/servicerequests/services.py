"""Service request lifecycle (8.6.2): submit a catalogue item with its form, approve or reject
it, plan and tick off fulfilment tasks, fulfil, close. Each function checks the request's
own rules, then hands over to the shared ticket lifecycle of the service desk (version
check, SLA clocks with the item's fulfilment target, figures, history, e-mail).

Raises ValidationError (field-keyed, stable codes), ConflictError or PermissionDenied (a
requester approving their own request).
"""

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from iso20k.core.concurrency import require_version, save_versioned
from iso20k.history import services as history
from iso20k.servicecatalogue.choices import ServiceStatus
from iso20k.servicecatalogue.fieldschema import clean_answers
from iso20k.servicedesk.choices import TicketSource
from iso20k.servicedesk.services import conversation, lifecycle
from iso20k.servicedesk.services.lifecycle import check_open, checked_at, error

from .choices import Decision, RequestStatus
from .kind import KIND
from .models import Approval, FulfilmentTask, RequestComment, ServiceRequest

S = RequestStatus


def _check_item(item, customer) -> None:
    if not item.is_active or item.service.status != ServiceStatus.LIVE:
        raise error("item", _("This item is no longer offered."), "item_not_offered")
    lifecycle.check_service(customer, item.service)


@transaction.atomic
def submit_request(
    *,
    actor,
    item,
    answers: dict,
    requester=None,
    customer=None,
    contact_name: str = "",
    contact_email: str = "",
    subject: str = "",
    description: str = "",
    impact: int = 3,
    urgency: int = 3,
    assigned_group=None,
    assignee=None,
    source: str = TicketSource.AGENT,
    at: datetime.datetime | None = None,
) -> ServiceRequest:
    """Request a catalogue item: the answers are checked against the item's form, the
    request waits for approval when the item requires it, and the fulfilment clock runs
    on the item's target. Event servicerequests.servicerequest.logged."""
    customer = lifecycle.customer_for(requester, customer)
    _check_item(item, customer)
    cleaned = clean_answers(item.fields, answers or {})
    request = ServiceRequest(
        subject=(subject or "").strip() or item.localized("name"),
        description=(description or "").strip(),
        item=item,
        answers=cleaned,
        needs_approval=item.requires_approval,
        impact=impact,
        urgency=urgency,
        customer=customer,
        requester=requester,
        contact_name=contact_name,
        contact_email=contact_email,
        service=item.service,
        assigned_group=assigned_group,
        assignee=assignee,
        source=source,
    )
    return lifecycle.open_ticket(
        KIND,
        request,
        actor=actor,
        at=at,
        status=S.AWAITING_APPROVAL if item.requires_approval else S.NEW,
        resolution_target_minutes=item.fulfilment_target_minutes,
    )


def _decide(request: ServiceRequest, actor, expected_version) -> None:
    require_version(request, expected_version)
    if request.status != S.AWAITING_APPROVAL:
        raise error(
            "decision", _("This request is not waiting for approval."), "not_awaiting_approval"
        )
    if request.requester_id is not None and request.requester_id == actor.pk:
        raise PermissionDenied(_("The requester cannot approve or reject their own request."))


@transaction.atomic
def approve_request(
    request: ServiceRequest, *, actor, expected_version: int | None, comment: str = "", at=None
) -> ServiceRequest:
    """Approve a request waiting for approval; fulfilment can start. Raises PermissionDenied
    when the approver is the requester. Event servicerequests.servicerequest.approved."""
    _decide(request, actor, expected_version)
    at = checked_at(at, request)
    Approval.objects.create(
        request=request, approver=actor, decision=Decision.APPROVED, comment=comment, at=at
    )
    return lifecycle.transition(
        KIND,
        request,
        S.IN_PROGRESS if request.assignee_id else S.NEW,
        actor=actor,
        expected_version=expected_version,
        event="approved",
        at=at,
        fields={"approved_at": at},
        data={"comment": (comment or "")[:500]},
    )


@transaction.atomic
def reject_request(
    request: ServiceRequest, *, actor, expected_version: int | None, comment: str, at=None
) -> ServiceRequest:
    """Reject a request waiting for approval, saying why (the requester reads it); its clocks
    are cancelled. Event servicerequests.servicerequest.rejected."""
    _decide(request, actor, expected_version)
    if not (comment or "").strip():
        raise error("comment", _("Say why the request is rejected."), "reason_required")
    at = checked_at(at, request)
    Approval.objects.create(
        request=request, approver=actor, decision=Decision.REJECTED, comment=comment, at=at
    )
    return lifecycle.transition(
        KIND,
        request,
        S.REJECTED,
        actor=actor,
        expected_version=expected_version,
        event="rejected",
        at=at,
        fields={"resolution_notes": comment.strip()},
    )


@transaction.atomic
def assign_request(
    request: ServiceRequest, *, actor, expected_version: int | None, group, assignee=None, at=None
) -> ServiceRequest:
    """Give the request to a group and optionally one of its members.
    Event servicerequests.servicerequest.assigned."""
    return lifecycle.assign(
        KIND,
        request,
        actor=actor,
        expected_version=expected_version,
        group=group,
        assignee=assignee,
        at=at,
    )


@transaction.atomic
def update_request(request: ServiceRequest, *, actor, expected_version: int | None, **fields):
    """Edit subject, description, impact or urgency (a new priority re-targets the SLA).
    Event servicerequests.servicerequest.updated."""
    unknown = set(fields) - {"subject", "description", "impact", "urgency", "at"}
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    return lifecycle.reclassify(
        KIND, request, actor=actor, expected_version=expected_version, **fields
    )


def _check_tasks_can_change(request: ServiceRequest) -> None:
    check_open(KIND, request, "title")
    if request.status == S.AWAITING_APPROVAL:
        raise error("title", _("Plan the fulfilment once the request is approved."), "not_approved")
    if request.status == S.RESOLVED:
        raise error("title", _("This request is already fulfilled."), "ticket_resolved")


@transaction.atomic
def add_task(request: ServiceRequest, *, actor, title: str, assignee=None) -> FulfilmentTask:
    """Add a step to the fulfilment checklist. Event servicerequests.servicerequest.task_added."""
    _check_tasks_can_change(request)
    title = (title or "").strip()
    if not title:
        raise error("title", _("Name the task."), "title_required")
    if assignee is not None and not assignee.is_active:
        raise error("assignee", _("This person can no longer sign in."), "assignee_inactive")
    position = request.tasks.count() + 1
    task = FulfilmentTask.objects.create(
        request=request, title=title[:200], assignee=assignee, position=position
    )
    history.record(
        request,
        event=KIND.event("task_added"),
        actor=actor,
        data={"task": task.pk, "title": task.title, "assignee": str(assignee or "")},
    )
    return task


@transaction.atomic
def set_task_done(
    task: FulfilmentTask, *, actor, expected_version: int | None, done: bool, at=None
) -> FulfilmentTask:
    """Tick a task off (or untick it). Event servicerequests.servicerequest.task_done or
    task_reopened, on the request."""
    require_version(task, expected_version)
    _check_tasks_can_change(task.request)
    at = checked_at(at, task.request)
    task.done_at, task.done_by = (at, actor) if done else (None, None)
    save_versioned(task, fields=["done_at", "done_by"], expected_version=expected_version)
    history.record(
        task.request,
        event=KIND.event("task_done" if done else "task_reopened"),
        actor=actor,
        data={"task": task.pk, "title": task.title, "at": at},
    )
    return task


@transaction.atomic
def fulfil_request(
    request: ServiceRequest, *, actor, expected_version: int | None, notes: str, at=None
) -> ServiceRequest:
    """Mark the request fulfilled once every task is done: the fulfilment clock stops and
    the requester is asked for a rating. Event servicerequests.servicerequest.resolved."""
    require_version(request, expected_version)
    check_open(KIND, request)
    if request.status == S.AWAITING_APPROVAL:
        raise error("status", _("This request has not been approved yet."), "not_approved")
    open_tasks = request.tasks.filter(done_at__isnull=True).count()
    if open_tasks:
        raise error(
            "status",
            _("%(count)s fulfilment tasks are not done yet."),
            "tasks_open",
            count=open_tasks,
        )
    if not (notes or "").strip():
        raise error("resolution_notes", _("Say what was delivered."), "resolution_notes_required")
    return lifecycle.transition(
        KIND,
        request,
        S.RESOLVED,
        actor=actor,
        expected_version=expected_version,
        event="resolved",
        at=at,
        fields={"resolution_notes": notes.strip()},
    )


@transaction.atomic
def hold_request(
    request: ServiceRequest, *, actor, expected_version: int | None, reason: str, note="", at=None
) -> ServiceRequest:
    """Put the request on hold for a reason (the agreement decides whether clocks pause).
    Event servicerequests.servicerequest.held."""
    return conversation.hold(
        KIND,
        request,
        actor=actor,
        expected_version=expected_version,
        reason=reason,
        reason_required=_("Say what the request is waiting for."),
        note=note,
        at=at,
    )


@transaction.atomic
def resume_request(request: ServiceRequest, *, actor, expected_version: int | None, at=None):
    """Take the request off hold. Event servicerequests.servicerequest.resumed."""
    return conversation.resume(
        KIND,
        request,
        actor=actor,
        expected_version=expected_version,
        not_on_hold=_("This request is not on hold."),
        at=at,
    )


@transaction.atomic
def close_request(request: ServiceRequest, *, actor, expected_version: int | None, at=None):
    """Close a fulfilled request. Event servicerequests.servicerequest.closed."""
    require_version(request, expected_version)
    if request.status != S.RESOLVED:
        raise error("status", _("Only a fulfilled request can be closed."), "not_resolved")
    return lifecycle.transition(
        KIND,
        request,
        S.CLOSED,
        actor=actor,
        expected_version=expected_version,
        event="closed",
        at=at,
    )


@transaction.atomic
def reopen_request(
    request: ServiceRequest, *, actor, expected_version: int | None, reason: str, at=None
) -> ServiceRequest:
    """Reopen a fulfilled request (not what was asked for); a new fulfilment cycle starts.
    Event servicerequests.servicerequest.reopened."""
    return conversation.reopen(
        KIND,
        request,
        actor=actor,
        expected_version=expected_version,
        reason=reason,
        not_resolved=_("Only a fulfilled request can be reopened."),
        reason_required=_("Say what is missing."),
        at=at,
    )


@transaction.atomic
def cancel_request(
    request: ServiceRequest, *, actor, expected_version: int | None, reason: str, at=None
) -> ServiceRequest:
    """Withdraw a request (by the requester or the desk); its clocks are cancelled.
    Event servicerequests.servicerequest.cancelled."""
    require_version(request, expected_version)
    if not (reason or "").strip():
        raise error("reason", _("Say why the request is cancelled."), "reason_required")
    return lifecycle.transition(
        KIND,
        request,
        S.CANCELLED,
        actor=actor,
        expected_version=expected_version,
        event="cancelled",
        at=at,
        fields={"resolution_notes": reason.strip()},
    )


@transaction.atomic
def add_request_comment(
    request: ServiceRequest, *, actor, body: str, is_public: bool, at=None, uploads=()
) -> RequestComment:
    """A public reply or an internal note with attachments.
    Event servicerequests.servicerequest.replied or .noted."""
    return conversation.add_comment(
        KIND, request, actor=actor, body=body, is_public=is_public, at=at, uploads=uploads
    )


@transaction.atomic
def rate_request(request: ServiceRequest, *, actor, rating: int, comment: str = "", at=None):
    """The customer rates a fulfilled request (once). Event servicerequests.servicerequest.rated."""
    return conversation.rate(KIND, request, actor=actor, rating=rating, comment=comment, at=at)
