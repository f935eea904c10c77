"""Incidents (clause 8.6.1): the ticket, its conversation, its escalations and the review of
a major incident.

Incident inherits the shared ticket fields (servicedesk.models.Ticket): business time
`reported_at` apart from system `created_at`, `status`, `priority`, `resolved_at`,
`closed_at`, `reopened_count`, the SLA snapshot columns and the service; the evidence
engine reads those, plus `is_major`, `problem` and the MajorIncidentReview.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iso20k.core.models import TimeStamped, Versioned
from iso20k.servicedesk.choices import Category
from iso20k.servicedesk.models import Ticket, TicketComment, ticket_indexes

from .choices import EscalationKind, IncidentStatus, ResolutionCode


class Incident(Ticket):
    """An unplanned interruption or degradation of a service, from logging to closure.
    Evidence for 8.6.1 (incidents recorded, classified, prioritised, escalated, resolved
    within the agreed service levels and closed; major incidents reviewed)."""

    status = models.CharField(
        _("status"), max_length=24, choices=IncidentStatus.choices, default=IncidentStatus.NEW
    )
    category = models.CharField(_("category"), max_length=16, choices=Category.choices)
    subcategory = models.CharField(_("subcategory"), max_length=100, blank=True)
    configuration_item = models.CharField(
        _("configuration item"),
        max_length=200,
        blank=True,
        help_text=_("The host, application or device affected, e.g. db-prod-02."),
    )
    is_major = models.BooleanField(_("major incident"), default=False)
    major_declared_at = models.DateTimeField(_("declared major at"), null=True, blank=True)
    escalation_level = models.PositiveSmallIntegerField(_("escalations"), default=0)
    problem = models.ForeignKey(
        "problems.Problem",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="incidents",
        verbose_name=_("problem"),
    )
    known_error = models.ForeignKey(
        "problems.KnownError",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="incidents",
        verbose_name=_("known error applied"),
    )
    related_incidents = models.ManyToManyField(
        "self", blank=True, symmetrical=True, verbose_name=_("related incidents")
    )
    resolution_code = models.CharField(
        _("resolution code"), max_length=24, blank=True, choices=ResolutionCode.choices
    )
    resolution_notes = models.TextField(_("resolution notes"), blank=True, max_length=10000)

    class Meta(Ticket.Meta):
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        ordering = ["-created_at", "-id"]
        indexes = [
            *ticket_indexes("inc"),
            models.Index(fields=["is_major", "created_at"], name="inc_major_idx"),
            # Major incidents resolved by a date (the review check): without it SQLite's
            # planner scans the table, judging a boolean column too unselective.
            models.Index(fields=["is_major", "resolved_at"], name="inc_major_resolved_idx"),
            models.Index(fields=["service", "category", "reported_at"], name="inc_trend_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.subject}"

    @property
    def reference(self) -> str:
        return f"INC-{self.pk:06d}" if self.pk else "INC"

    def get_absolute_url(self) -> str:
        return reverse("incidents:incident-detail", args=[self.pk])


class IncidentComment(TicketComment):
    """A public reply or an internal note on an incident (attachments hang on it)."""

    incident = models.ForeignKey(
        Incident, on_delete=models.CASCADE, related_name="comments", verbose_name=_("incident")
    )

    class Meta(TicketComment.Meta):
        verbose_name = _("incident comment")
        verbose_name_plural = _("incident comments")
        indexes = [models.Index(fields=["incident", "at"], name="inc_comment_idx")]

    def get_absolute_url(self) -> str:
        return f"{self.incident.get_absolute_url()}#comment-{self.pk}"


class Escalation(TimeStamped):
    """One escalation of an incident: functional (to another support group) or hierarchical
    (to a manager, possibly declaring a major incident). Both are kept as records."""

    incident = models.ForeignKey(
        Incident, on_delete=models.CASCADE, related_name="escalations", verbose_name=_("incident")
    )
    kind = models.CharField(_("escalation"), max_length=16, choices=EscalationKind.choices)
    from_group = models.ForeignKey(
        "servicedesk.SupportGroup",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("from group"),
    )
    to_group = models.ForeignKey(
        "servicedesk.SupportGroup",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("to group"),
    )
    to_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("to manager"),
    )
    made_major = models.BooleanField(_("declared a major incident"), default=False)
    reason = models.TextField(_("reason"), max_length=4000)
    at = models.DateTimeField(_("escalated at"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("escalated by"),
    )

    class Meta:
        verbose_name = _("escalation")
        verbose_name_plural = _("escalations")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.incident.reference} {self.get_kind_display()}"

    def get_absolute_url(self) -> str:
        return f"{self.incident.get_absolute_url()}#escalations"


class MajorIncidentReview(TimeStamped, Versioned):
    """The review held after a major incident: what happened, why, what went well and what
    will change. A major incident cannot be closed without it. Evidence for 8.6.1."""

    incident = models.OneToOneField(
        Incident, on_delete=models.PROTECT, related_name="review", verbose_name=_("incident")
    )
    held_on = models.DateField(_("review held on"))
    summary = models.TextField(_("what happened"), max_length=10000)
    cause = models.TextField(_("cause"), max_length=10000)
    went_well = models.TextField(_("what went well"), blank=True, max_length=10000)
    improvements = models.TextField(_("improvements agreed"), max_length=10000)
    attendees = models.CharField(_("attendees"), max_length=500, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        verbose_name = _("major incident review")
        verbose_name_plural = _("major incident reviews")

    def __str__(self) -> str:
        return f"{self.incident.reference} {self.held_on:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return f"{self.incident.get_absolute_url()}#review"


__all__ = [
    "Escalation",
    "Incident",
    "IncidentComment",
    "MajorIncidentReview",
    "ResolutionCode",
]
