"""Abstract bases of the ticket types (incidents, service requests): the fields every ticket
has, its conversation, and the indexes the agent's queues read.

Business time (`reported_at`, `resolved_at`, …) is kept apart from system time
(`created_at`, stamped by the database): imports and the demo back-date the first, never the
second. The SLA columns come from slas.models.SlaSnapshotFields and are written by the SLA
engine's on_change hook, never by hand.
"""

from django.conf import settings
from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils.translation import gettext_lazy as _

from iso20k.core.models import TimeStamped, Versioned
from iso20k.slas.choices import Impact, Priority, Urgency
from iso20k.slas.models import SlaSnapshotFields

from ..choices import DONE_STATUSES, HoldReason, Rating, TicketSource


class Ticket(SlaSnapshotFields, TimeStamped, Versioned):
    """What incidents and service requests share: who asked, about which service, who works
    it, how urgent it is, where it stands, its SLA state and the customer's rating."""

    subject = models.CharField(_("subject"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=20000)
    status = models.CharField(_("status"), max_length=24)
    hold_reason = models.CharField(
        _("waiting for"), max_length=24, blank=True, choices=HoldReason.choices
    )
    impact = models.PositiveSmallIntegerField(
        _("impact"), choices=Impact.choices, default=Impact.LOW
    )
    urgency = models.PositiveSmallIntegerField(
        _("urgency"), choices=Urgency.choices, default=Urgency.LOW
    )
    priority = models.CharField(_("priority"), max_length=2, choices=Priority.choices)
    customer = models.ForeignKey(
        "customers.Customer",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("customer"),
    )
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requester"),
    )
    contact_name = models.CharField(_("contact name"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    service = models.ForeignKey(
        "servicecatalogue.Service",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service"),
    )
    assigned_group = models.ForeignKey(
        "servicedesk.SupportGroup",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("support group"),
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assignee"),
    )
    source = models.CharField(
        _("logged through"), max_length=16, choices=TicketSource.choices, default="agent"
    )
    reported_at = models.DateTimeField(_("reported at"))
    first_responded_at = models.DateTimeField(_("first responded at"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    reopened_count = models.PositiveIntegerField(_("times reopened"), default=0)
    rating = models.PositiveSmallIntegerField(
        _("satisfaction"), choices=Rating.choices, null=True, blank=True
    )
    rating_comment = models.TextField(_("rating comment"), blank=True, max_length=2000)
    rated_at = models.DateTimeField(_("rated at"), null=True, blank=True)
    # Derived by the database from the status, so a queue filter can never disagree with it.
    is_open = models.GeneratedField(
        expression=Case(
            When(status__in=DONE_STATUSES, then=Value(False)),
            default=Value(True),
            output_field=models.BooleanField(),
        ),
        output_field=models.BooleanField(),
        db_persist=True,
        verbose_name=_("open"),
    )

    class Meta(SlaSnapshotFields.Meta):
        abstract = True

    @property
    def sla_status(self) -> str:
        """The status reported to the SLA engine: on hold counts as the reason it waits for
        (one of the engine's pause statuses), so the agreement decides whether it pauses."""
        return self.hold_reason if self.status == "on_hold" and self.hold_reason else self.status

    @property
    def requester_label(self) -> str:
        if self.requester_id:
            return str(self.requester)
        return self.contact_name or self.contact_email or ""


def ticket_indexes(prefix: str) -> list[models.Index]:
    """The indexes of every default queue filter and sort, keyset-ready (sort key + id)."""
    return [
        models.Index(fields=["created_at", "id"], name=f"{prefix}_created_idx"),
        models.Index(fields=["is_open", "created_at", "id"], name=f"{prefix}_open_created_idx"),
        models.Index(
            fields=["is_open", "priority", "created_at", "id"], name=f"{prefix}_open_prio_idx"
        ),
        models.Index(
            fields=["assigned_group", "is_open", "created_at", "id"],
            name=f"{prefix}_group_open_idx",
        ),
        models.Index(
            fields=["assignee", "is_open", "created_at", "id"], name=f"{prefix}_assignee_open_idx"
        ),
        models.Index(fields=["customer", "created_at", "id"], name=f"{prefix}_customer_idx"),
        models.Index(fields=["reported_at"], name=f"{prefix}_reported_idx"),
        models.Index(fields=["sla_stage", "sla_breach_at", "id"], name=f"{prefix}_sla_due_idx"),
    ]


class TicketComment(TimeStamped):
    """One message on a ticket: a public reply the customer reads, or an internal note only
    agents see. Comments are records: they are never edited or deleted."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("author"),
    )
    body = models.TextField(_("message"), max_length=20000)
    is_public = models.BooleanField(_("visible to the customer"), default=False)
    at = models.DateTimeField(_("written at"))

    class Meta:
        abstract = True
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return self.body[:60]


def done_q() -> Q:
    return Q(status__in=DONE_STATUSES)
