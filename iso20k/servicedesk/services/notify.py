"""E-mail about tickets: assignment, replies, resolution (with the request for a rating).

Each function queues mail inside the caller's transaction (notifications.queue_email); the
worker renders it in the recipient's language after commit. A dedupe key per event and
recipient makes "sent once" a database guarantee. Acts back-dated by more than STALE (an
import, the demo) are recorded but not mailed: nobody needs news that old. Breach warnings
and breaches are mailed by the SLA engine (see slahooks.sla_recipients).
"""

import datetime

from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from iso20k.notifications.services import queue_email

from ..kinds import TicketKind

STALE = datetime.timedelta(hours=24)


def _is_stale(at: datetime.datetime) -> bool:
    return timezone.now() - at > STALE


def link_for(kind: TicketKind, ticket, person) -> str:
    """Where `person` reads the ticket: the portal for customers, the desk for everyone else."""
    from iso20k.customers.access import is_customer_user

    if is_customer_user(person):
        try:
            return reverse("portal:ticket-detail", args=[kind.desk, ticket.pk])
        except NoReverseMatch:
            return ""
    return ticket.get_absolute_url()


def _context(kind: TicketKind, ticket, actor, **extra) -> dict:
    return {
        "kind": kind.desk,
        "reference": kind.reference(ticket.pk),
        "subject": ticket.subject,
        "url": ticket.get_absolute_url(),
        "actor": str(actor) if actor else "",
        "priority": ticket.priority,
        **extra,
    }


def _team(ticket, *, exclude) -> list:
    if ticket.assignee_id:
        people = [ticket.assignee]
    elif ticket.assigned_group_id:
        people = list(ticket.assigned_group.members.filter(is_active=True))
    else:
        people = []
    return [p for p in people if p.is_active and p.pk != getattr(exclude, "pk", None)]


def assigned(kind: TicketKind, ticket, *, actor, at) -> None:
    """Tell the new assignee (or, with no assignee, the group's members)."""
    if _is_stale(at):
        return
    group = str(ticket.assigned_group) if ticket.assigned_group_id else ""
    context = _context(kind, ticket, actor, group=group, to_group=not ticket.assignee_id)
    target = f"u{ticket.assignee_id}" if ticket.assignee_id else f"g{ticket.assigned_group_id}"
    for person in _team(ticket, exclude=actor):
        queue_email(
            recipient=person,
            template="ticket_assigned",
            context=context,
            dedupe_key=f"assigned:{kind.key}:{ticket.pk}:{ticket.version}:{target}:{person.pk}",
        )


def customer_replied(kind: TicketKind, ticket, comment) -> None:
    """A customer wrote on the ticket: tell whoever works it."""
    if _is_stale(comment.at):
        return
    context = _context(kind, ticket, comment.author, excerpt=comment.body[:600])
    for person in _team(ticket, exclude=comment.author):
        queue_email(
            recipient=person,
            template="ticket_customer_reply",
            context=context,
            dedupe_key=f"reply:{kind.key}:{comment.pk}:{person.pk}",
        )


def agent_replied(kind: TicketKind, ticket, comment) -> None:
    """An agent answered publicly: tell the requester, with a link to the portal."""
    requester = ticket.requester
    if _is_stale(comment.at) or requester is None or requester.pk == comment.author_id:
        return
    if not requester.is_active:
        return
    context = _context(
        kind,
        ticket,
        comment.author,
        excerpt=comment.body[:600],
        url=link_for(kind, ticket, requester),
    )
    queue_email(
        recipient=requester,
        template="ticket_agent_reply",
        context=context,
        dedupe_key=f"answer:{kind.key}:{comment.pk}:{requester.pk}",
    )


def resolved(kind: TicketKind, ticket, *, actor, at) -> None:
    """Tell the requester it is resolved and ask how satisfied they are (portal link)."""
    requester = ticket.requester
    if _is_stale(at) or requester is None or not requester.is_active:
        return
    if requester.pk == getattr(actor, "pk", None):
        return
    url = link_for(kind, ticket, requester)
    context = _context(
        kind,
        ticket,
        actor,
        notes=(getattr(ticket, "resolution_notes", "") or "")[:1000],
        url=url,
        rating_url=f"{url}#rate" if url else "",
    )
    queue_email(
        recipient=requester,
        template="ticket_resolved",
        context=context,
        dedupe_key=f"resolved:{kind.key}:{ticket.pk}:{ticket.reopened_count}:{requester.pk}",
    )


def escalated(kind: TicketKind, ticket, *, manager, actor, at) -> None:
    """A hierarchical escalation: tell the manager (and say if it is a major incident)."""
    if _is_stale(at) or manager is None or manager.pk == getattr(actor, "pk", None):
        return
    context = _context(kind, ticket, actor, is_major=bool(getattr(ticket, "is_major", False)))
    queue_email(
        recipient=manager,
        template="ticket_escalated",
        context=context,
        dedupe_key=f"escalated:{kind.key}:{ticket.pk}:{ticket.version}:{manager.pk}",
    )
