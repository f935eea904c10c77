"""Service requests (clause 8.6.2): a request for a catalogue item with the requester's
answers to the item's form, its approval, and the fulfilment tasks that deliver it.

ServiceRequest inherits the shared ticket fields (servicedesk.models.Ticket): business
`reported_at` apart from system `created_at`, `status`, `priority`, `resolved_at` (the
fulfilment), `closed_at`, `reopened_count`, the SLA snapshot columns (the fulfilment target
comes from the item) and the service.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iso20k.core.models import TimeStamped, Versioned
from iso20k.servicedesk.models import Ticket, TicketComment, ticket_indexes

from .choices import Decision, RequestStatus


class ServiceRequest(Ticket):
    """A request for something the catalogue offers. Evidence for 8.6.2 (requests recorded,
    approved where required, fulfilled within the agreed targets and closed)."""

    status = models.CharField(
        _("status"), max_length=24, choices=RequestStatus.choices, default=RequestStatus.NEW
    )
    item = models.ForeignKey(
        "servicecatalogue.RequestItem",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("request item"),
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    needs_approval = models.BooleanField(_("needs approval"), default=False)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    resolution_notes = models.TextField(_("fulfilment notes"), blank=True, max_length=10000)

    class Meta(Ticket.Meta):
        verbose_name = _("service request")
        verbose_name_plural = _("service requests")
        ordering = ["-created_at", "-id"]
        indexes = ticket_indexes("req")

    def __str__(self) -> str:
        return f"{self.reference} {self.subject}"

    @property
    def reference(self) -> str:
        return f"REQ-{self.pk:06d}" if self.pk else "REQ"

    def get_absolute_url(self) -> str:
        return reverse("servicerequests:request-detail", args=[self.pk])


class RequestComment(TicketComment):
    """A public reply or an internal note on a service request."""

    request = models.ForeignKey(
        ServiceRequest,
        on_delete=models.CASCADE,
        related_name="comments",
        verbose_name=_("service request"),
    )

    class Meta(TicketComment.Meta):
        verbose_name = _("request comment")
        verbose_name_plural = _("request comments")
        indexes = [models.Index(fields=["request", "at"], name="req_comment_idx")]

    def get_absolute_url(self) -> str:
        return f"{self.request.get_absolute_url()}#comment-{self.pk}"


class Approval(TimeStamped):
    """A decision on a request that needs approval: who decided, what, when and why. The
    requester can never approve their own request. Evidence for 8.6.2."""

    request = models.ForeignKey(
        ServiceRequest,
        on_delete=models.CASCADE,
        related_name="approvals",
        verbose_name=_("service request"),
    )
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("approver"),
    )
    decision = models.CharField(_("decision"), max_length=16, choices=Decision.choices)
    comment = models.TextField(_("comment"), blank=True, max_length=4000)
    at = models.DateTimeField(_("decided at"))

    class Meta:
        verbose_name = _("approval")
        verbose_name_plural = _("approvals")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.request.reference} {self.get_decision_display()}"

    def get_absolute_url(self) -> str:
        return f"{self.request.get_absolute_url()}#approvals"


class FulfilmentTask(TimeStamped, Versioned):
    """One step of delivering a request (a checklist item), with who does it and whether it
    is done. A request is fulfilled only when all its tasks are done."""

    request = models.ForeignKey(
        ServiceRequest,
        on_delete=models.CASCADE,
        related_name="tasks",
        verbose_name=_("service request"),
    )
    title = models.CharField(_("task"), max_length=200)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assignee"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("done by"),
    )

    class Meta:
        verbose_name = _("fulfilment task")
        verbose_name_plural = _("fulfilment tasks")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return f"{self.request.get_absolute_url()}#tasks"

    @property
    def is_done(self) -> bool:
        return self.done_at is not None
