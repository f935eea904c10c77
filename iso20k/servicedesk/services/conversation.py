"""The conversation on a ticket: public replies, internal notes, attachments, the rating.

Comments are records (never edited) and do not bump the ticket's version: two people
writing at once lose nothing, so neither is refused. Only the first PUBLIC reply of the
service provider stops the response clock; internal notes never do. A customer's reply
to a ticket waiting for the customer resumes it. Raises ValidationError (coded) or
PermissionDenied.
"""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models.functions import Now
from django.utils.translation import gettext as _

from iso20k.core.concurrency import require_version
from iso20k.files import services as files
from iso20k.files.choices import EVIDENCE_KINDS
from iso20k.history import services as history
from iso20k.slas import clocks

from .. import access
from ..choices import HoldReason, Rating
from ..kinds import TicketKind
from . import notify, summary
from .lifecycle import checked_at, error, index_text, status_label, transition

ATTACHMENT = "attachment"
MAX_FILES = 5


def _check_comment(kind: TicketKind, ticket, body: str, uploads) -> str:
    body = (body or "").strip()
    if not body:
        raise error("body", _("Write a message."), "body_required")
    if ticket.status in ("closed", "cancelled", "rejected"):
        raise error(
            "body",
            _("This ticket is %(status)s: it takes no more replies."),
            "ticket_closed",
            status=status_label(kind, ticket.status),
        )
    if len(uploads) > MAX_FILES:
        raise error(
            "files", _("Attach at most %(count)s files."), "too_many_files", count=MAX_FILES
        )
    return body


def add_comment(
    kind: TicketKind,
    ticket,
    *,
    actor,
    body: str,
    is_public: bool,
    at: datetime.datetime | None = None,
    uploads=(),
):
    """Add a reply (public) or a note (internal) with attachments (checked by content).

    Event <kind>.replied or <kind>.noted. A first public reply by the provider stops the
    response clock; a customer's reply resumes a ticket waiting for the customer; the
    other side is told by e-mail after commit.
    """
    uploads = list(uploads)
    body = _check_comment(kind, ticket, body, uploads)
    customer_side = access.is_customer_side(actor, ticket)
    if customer_side and not is_public:
        raise PermissionDenied(_("Customers write public replies only."))
    at = checked_at(at, ticket)
    comment = kind.comment_model.objects.create(
        **{kind.comment_field: ticket}, author=actor, body=body, is_public=is_public, at=at
    )
    stored = [
        files.store_upload(
            upload, actor=actor, owner=comment, purpose=ATTACHMENT, allowed=EVIDENCE_KINDS
        )
        for upload in uploads
    ]
    kind.model.objects.filter(pk=ticket.pk).update(updated_at=Now())
    if is_public and not customer_side:
        _first_response(kind, ticket, actor=actor, at=at)
    index_text(kind, ticket)
    history.record(
        ticket,
        event=kind.event("replied" if is_public else "noted"),
        actor=actor,
        data={
            "at": at,
            "comment": comment.pk,
            "excerpt": body[:200],
            "files": [f.original_name for f in stored],
        },
    )
    if customer_side:
        notify.customer_replied(kind, ticket, comment)
        _resume_on_reply(kind, ticket, actor=actor, at=at)
    elif is_public:
        notify.agent_replied(kind, ticket, comment)
    return comment


def _first_response(kind: TicketKind, ticket, *, actor, at) -> None:
    if ticket.first_responded_at is not None:
        return
    kind.model.objects.filter(pk=ticket.pk, first_responded_at__isnull=True).update(
        first_responded_at=at
    )
    ticket.first_responded_at = at
    snapshot = clocks.record_first_response(ticket, at=at, actor=actor)
    summary.responded(kind, ticket, snapshot, at)


def _resume_on_reply(kind: TicketKind, ticket, *, actor, at) -> None:
    if ticket.status != "on_hold" or ticket.hold_reason != HoldReason.AWAITING_CUSTOMER:
        return
    ticket.refresh_from_db()
    transition(
        kind,
        ticket,
        "in_progress",
        actor=actor,
        expected_version=ticket.version,
        event="resumed",
        at=at,
        data={"by_reply": True},
    )


def rate(
    kind: TicketKind,
    ticket,
    *,
    actor,
    rating: int,
    comment: str = "",
    at: datetime.datetime | None = None,
):
    """The customer says how satisfied they are with a resolved ticket, once.

    Only the customer side may rate (PermissionDenied for agents). The write is conditional
    on "not rated yet", so two ratings sent at once cannot both count. Event <kind>.rated.
    """
    if not access.is_customer_side(actor, ticket):
        raise PermissionDenied(_("Only the customer rates the service."))
    if ticket.status not in ("resolved", "closed"):
        raise error("rating", _("A ticket is rated once it is resolved."), "not_resolved")
    if rating not in Rating.values:
        raise error("rating", _("Choose a rating from 1 to 5."), "invalid_rating")
    at = checked_at(at, ticket)
    written = kind.model.objects.filter(pk=ticket.pk, rating__isnull=True).update(
        rating=rating, rating_comment=(comment or "").strip()[:2000], rated_at=at
    )
    if not written:
        raise error("rating", _("This ticket has already been rated."), "already_rated")
    summary.rated(kind, ticket, rating, at)
    ticket.refresh_from_db()
    history.record(
        ticket,
        event=kind.event("rated"),
        actor=actor,
        changes={"rating": [None, rating]},
        data={"at": at, "comment": ticket.rating_comment[:200]},
    )
    return ticket


def reopen(
    kind: TicketKind,
    ticket,
    *,
    actor,
    expected_version: int | None,
    reason: str,
    not_resolved: str,
    reason_required: str,
    at: datetime.datetime | None = None,
    fields: dict | None = None,
):
    """Reopen a resolved ticket: a new resolution cycle starts and the reason is kept as a
    comment, public when the customer's side reopens it. `not_resolved` and
    `reason_required` are the kind's own wording of the two refusals."""
    require_version(ticket, expected_version)
    if ticket.status != "resolved":
        raise error("status", not_resolved, "not_resolved")
    if not (reason or "").strip():
        raise error("reason", reason_required, "reason_required")
    at = checked_at(at, ticket)
    ticket = transition(
        kind,
        ticket,
        "in_progress",
        actor=actor,
        expected_version=expected_version,
        event="reopened",
        at=at,
        fields=fields,
        data={"reason": reason.strip()[:500]},
    )
    add_comment(
        kind,
        ticket,
        actor=actor,
        body=reason,
        is_public=access.is_customer_side(actor, ticket),
        at=at,
    )
    ticket.refresh_from_db()
    return ticket


def hold(
    kind: TicketKind,
    ticket,
    *,
    actor,
    expected_version: int | None,
    reason: str,
    reason_required: str,
    note: str = "",
    at: datetime.datetime | None = None,
):
    """Put a ticket on hold for one of the hold reasons; its agreement decides whether the
    clocks pause. `reason_required` is the kind's wording of the refusal."""
    require_version(ticket, expected_version)
    if reason not in HoldReason.values:
        raise error("hold_reason", reason_required, "reason_required")
    return transition(
        kind,
        ticket,
        "on_hold",
        actor=actor,
        expected_version=expected_version,
        event="held",
        at=at,
        fields={"hold_reason": reason},
        data={"note": (note or "").strip()[:500]},
    )


def resume(
    kind: TicketKind,
    ticket,
    *,
    actor,
    expected_version: int | None,
    not_on_hold: str,
    at: datetime.datetime | None = None,
):
    """Take a ticket off hold; paused clocks run again."""
    require_version(ticket, expected_version)
    if ticket.status != "on_hold":
        raise error("status", not_on_hold, "not_on_hold")
    return transition(
        kind,
        ticket,
        "in_progress",
        actor=actor,
        expected_version=expected_version,
        event="resumed",
        at=at,
    )
