"""The lifecycle every ticket shares: log, assign, reclassify, and move between statuses.

Ticket apps' services (incidents.services, servicerequests.services) prepare their own
fields and rules, then call these. Each function runs in the caller's transaction and works
in the conventional order: rules, the version-checked write, the SLA engine (which keeps
the ticket's SLA columns through its hook), the monthly figures, history, then e-mail
queued for after commit. `at` is the business time of the act (imports and the demo
back-date it; it is never later than now and never before the ticket was reported).
Raises ValidationError (field-keyed, coded), ConflictError or PermissionDenied.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from iso20k.core import search
from iso20k.core.concurrency import require_version, save_versioned
from iso20k.history import services as history
from iso20k.servicecatalogue.choices import ServiceStatus
from iso20k.slas import clocks
from iso20k.slas.priorities import priority_for

from ..choices import DONE_STATUSES
from ..kinds import TicketKind
from . import notify, summary

CLOCK_SKEW = datetime.timedelta(minutes=1)
ENDED = DONE_STATUSES  # leaving one of these is a reopen


def error(field: str, message: str, code: str, **params) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code, params=params)})


def checked_at(at: datetime.datetime | None, ticket=None) -> datetime.datetime:
    """The business time of an act: now when not given; never in the future, never before
    the ticket was reported."""
    now = timezone.now()
    at = at or now
    if timezone.is_naive(at):
        raise ValueError("ticket times must be aware datetimes")
    if at > now + CLOCK_SKEW:
        raise error("at", _("This time is in the future."), "at_in_future")
    if ticket is not None and ticket.reported_at and at < ticket.reported_at:
        raise error("at", _("This time is before the ticket was reported."), "at_before_reported")
    return at


def status_label(kind: TicketKind, status: str) -> str:
    return str(dict(kind.statuses.choices).get(status, status))


def check_open(kind: TicketKind, ticket, field: str = "status") -> None:
    if ticket.status in ("closed", "cancelled", "rejected"):
        raise error(
            field,
            _("This ticket is %(status)s: it can no longer be changed."),
            "ticket_closed",
            status=status_label(kind, ticket.status),
        )


def check_assignment(group, assignee) -> None:
    if group is not None and not group.is_active:
        raise error("assigned_group", _("This support group is retired."), "group_inactive")
    if assignee is None:
        return
    if not assignee.is_active:
        raise error("assignee", _("This person can no longer sign in."), "assignee_inactive")
    if group is None:
        raise error(
            "assigned_group", _("Choose the support group the assignee works in."), "group_required"
        )
    if not group.members.filter(pk=assignee.pk).exists():
        raise error(
            "assignee",
            _("%(person)s is not a member of %(group)s."),
            "assignee_not_in_group",
            person=str(assignee),
            group=str(group),
        )


def check_service(customer, service) -> None:
    if service is None:
        return
    if service.status == ServiceStatus.RETIRED:
        raise error("service", _("This service is retired."), "service_retired")
    if customer is None or service.all_customers:
        return
    if not service.customers.filter(pk=customer.pk).exists():
        raise error(
            "service",
            _("%(service)s is not offered to %(customer)s."),
            "service_not_offered",
            service=str(service),
            customer=str(customer),
        )


def customer_for(requester, customer):
    """The organisation of a customer's ticket: their only one, or the one they name among
    theirs (ValidationError customer_mismatch otherwise); internal requesters keep `customer`."""
    from iso20k.customers.access import customers_of, is_customer_user

    if requester is None or not is_customer_user(requester):
        return customer
    theirs = list(customers_of(requester))
    if customer is None and len(theirs) == 1:
        return theirs[0]
    if customer is None or customer not in theirs:
        raise error(
            "customer",
            _("%(person)s does not belong to this customer."),
            "customer_mismatch",
            person=str(requester),
        )
    return customer


def check_subject(subject: str) -> str:
    subject = (subject or "").strip()
    if not subject:
        raise error("subject", _("Say in a few words what this is about."), "subject_required")
    return subject


def index_text(kind: TicketKind, ticket, *, new: bool = False) -> None:
    """Keep the ticket's searchable text (subject, description, every comment) current. A
    new ticket has no comment and no entry yet: one INSERT instead of five queries."""
    if new:
        search.index_new(kind.key, ticket.pk, ticket.subject, ticket.description)
        return
    comments = kind.comment_model.objects.filter(**{kind.comment_field: ticket}).values_list(
        "body", flat=True
    )
    search.index(kind.key, ticket.pk, ticket.subject, ticket.description, *comments)


def open_ticket(
    kind: TicketKind,
    ticket,
    *,
    actor,
    at: datetime.datetime | None = None,
    status: str = "new",
    resolution_target_minutes: int | None = None,
):
    """Log a prepared, unsaved ticket: priority from the matrix, status, SLA clocks started,
    searchable, counted, recorded (event <kind>.logged), the assignees told after commit."""
    at = checked_at(at)
    ticket.subject = check_subject(ticket.subject)
    ticket.priority = priority_for(ticket.impact, ticket.urgency)
    check_service(ticket.customer, ticket.service)
    check_assignment(ticket.assigned_group, ticket.assignee)
    ticket.reported_at = at
    ticket.status = "in_progress" if status == "new" and ticket.assignee_id else status
    ticket.save()
    agreement = clocks.find_agreement(customer=ticket.customer_id, service=ticket.service_id)
    if agreement is not None:
        clocks.start_clocks(
            ticket,
            agreement=agreement,
            priority=ticket.priority,
            at=at,
            actor=actor,
            status=ticket.sla_status,
            resolution_target_minutes=resolution_target_minutes,
        )
    index_text(kind, ticket, new=True)
    summary.opened(kind, ticket)
    history.record(
        ticket,
        event=kind.event("logged"),
        actor=actor,
        changes=history.with_labels(
            kind.model, history.initial(ticket, kind.logged_fields), obj=ticket
        ),
        data={"at": at, "agreement": agreement.code if agreement else None},
    )
    if ticket.assigned_group_id or ticket.assignee_id:
        notify.assigned(kind, ticket, actor=actor, at=at)
    ticket.refresh_from_db()
    return ticket


def _status_fields(kind: TicketKind, ticket, target: str, at) -> tuple[list[str], bool]:
    """Set the timestamps and counters a move to `target` implies; (fields, first response)."""
    previous = ticket.status
    ticket.status = target
    fields = ["status", "hold_reason"]
    if target != "on_hold":
        ticket.hold_reason = ""
    first_response = False
    if target == "resolved":
        ticket.resolved_at = at
        first_response = ticket.first_responded_at is None
        ticket.first_responded_at = ticket.first_responded_at or at
        fields += ["resolved_at", "first_responded_at"]
    elif target in kind.cancel_statuses or target == "closed":
        ticket.closed_at = at
        fields.append("closed_at")
    elif previous in ENDED:
        ticket.reopened_count += 1
        ticket.resolved_at = ticket.closed_at = None
        fields += ["reopened_count", "resolved_at", "closed_at"]
    return fields, first_response


def transition(
    kind: TicketKind,
    ticket,
    target: str,
    *,
    actor,
    expected_version: int | None,
    event: str,
    at: datetime.datetime | None = None,
    fields: dict | None = None,
    data: dict | None = None,
):
    """Move a ticket to `target` (with extra `fields`), if its kind allows it from where it
    stands. Writes event <kind>.<event>; resolution tells the requester and asks for a
    rating; leaving resolved or closed is a reopen (counted, new SLA resolution cycle)."""
    require_version(ticket, expected_version)
    if not kind.allows(ticket.status, target):
        raise error(
            "status",
            _("A ticket that is %(current)s cannot become %(target)s."),
            "transition_not_allowed",
            current=status_label(kind, ticket.status),
            target=status_label(kind, target),
        )
    at = checked_at(at, ticket)
    extra = dict(fields or {})
    tracked = ["status", "hold_reason", *extra]
    before = history.snapshot(ticket, tracked)
    previous = ticket.status
    for name, value in extra.items():
        setattr(ticket, name, value)
    status_fields, first_response = _status_fields(kind, ticket, target, at)
    written = list(dict.fromkeys([*status_fields, *extra]))
    save_versioned(ticket, fields=written, expected_version=expected_version)
    snapshot = clocks.track_status(ticket, status=ticket.sla_status, at=at, actor=actor)
    if target == "resolved":
        summary.resolved(kind, ticket, snapshot, at, first_response=first_response)
    elif previous in ENDED and target not in ENDED:
        summary.reopened(kind, ticket, at)
    changes = history.diff(before, history.snapshot(ticket, tracked))
    history.record(
        ticket,
        event=kind.event(event),
        actor=actor,
        changes=history.with_labels(kind.model, changes),
        data={"at": at, **(data or {})},
    )
    if target == "resolved":
        notify.resolved(kind, ticket, actor=actor, at=at)
    ticket.refresh_from_db()
    return ticket


def assign(
    kind: TicketKind,
    ticket,
    *,
    actor,
    expected_version: int | None,
    group,
    assignee=None,
    at: datetime.datetime | None = None,
    event: str = "assigned",
    data: dict | None = None,
):
    """Give the ticket to a support group and optionally one of its members; a new ticket
    given to a person is in progress. Event <kind>.<event>; the new assignees are told."""
    require_version(ticket, expected_version)
    check_open(kind, ticket, "assigned_group")
    if ticket.status == "resolved":
        raise error(
            "assigned_group",
            _("A resolved ticket is not reassigned; reopen it first."),
            "ticket_resolved",
        )
    if group is None:
        raise error("assigned_group", _("Choose a support group."), "group_required")
    check_assignment(group, assignee)
    at = checked_at(at, ticket)
    tracked = ["assigned_group", "assignee", "status"]
    before = history.snapshot(ticket, tracked)
    ticket.assigned_group, ticket.assignee = group, assignee
    if assignee is not None and ticket.status == "new":
        ticket.status = "in_progress"
    changes = history.diff(before, history.snapshot(ticket, tracked))
    if not changes:
        return ticket
    save_versioned(ticket, fields=tracked, expected_version=expected_version)
    if "status" in changes:
        clocks.track_status(ticket, status=ticket.sla_status, at=at, actor=actor)
    history.record(
        ticket,
        event=kind.event(event),
        actor=actor,
        changes=history.with_labels(kind.model, changes),
        data={"at": at, **(data or {})},
    )
    notify.assigned(kind, ticket, actor=actor, at=at)
    ticket.refresh_from_db()
    return ticket


def reclassify(
    kind: TicketKind,
    ticket,
    *,
    actor,
    expected_version: int | None,
    at: datetime.datetime | None = None,
    **fields,
):
    """Edit what a ticket is about (subject, description, impact, urgency, service,
    category…). A new impact or urgency re-targets the SLA clocks for the new priority; a
    new service or customer may bring another agreement. Event <kind>.updated."""
    require_version(ticket, expected_version)
    check_open(kind, ticket)
    at = checked_at(at, ticket)
    if "subject" in fields:
        fields["subject"] = check_subject(fields["subject"])
    tracked = list(dict.fromkeys([*fields, "priority"]))
    before = history.snapshot(ticket, tracked)
    for name, value in fields.items():
        setattr(ticket, name, value)
    ticket.priority = priority_for(ticket.impact, ticket.urgency)
    if {"service", "customer"} & set(fields):
        check_service(ticket.customer, ticket.service)
    changes = history.diff(before, history.snapshot(ticket, tracked))
    if not changes:
        return ticket
    save_versioned(ticket, fields=tracked, expected_version=expected_version)
    _retarget_clocks(ticket, changes, at=at, actor=actor)
    if {"subject", "description"} & set(changes):
        index_text(kind, ticket)
    history.record(
        ticket,
        event=kind.event("updated"),
        actor=actor,
        changes=history.with_labels(kind.model, changes),
        data={"at": at},
    )
    ticket.refresh_from_db()
    return ticket


def _retarget_clocks(ticket, changes: dict, *, at, actor) -> None:
    if not ticket.is_open:
        return
    if "priority" in changes:
        clocks.change_priority(ticket, priority=ticket.priority, at=at, actor=actor)
    if not {"service", "customer"} & set(changes):
        return
    agreement = clocks.find_agreement(customer=ticket.customer_id, service=ticket.service_id)
    if agreement is None:
        return
    if clocks.snapshot_of(ticket) is None:
        clocks.start_clocks(
            ticket,
            agreement=agreement,
            priority=ticket.priority,
            at=at,
            actor=actor,
            status=ticket.sla_status,
        )
    else:
        clocks.change_agreement(ticket, agreement=agreement, at=at, actor=actor)
