"""Problems and known errors (clause 8.6.3).

A Problem is the unknown cause of one or more incidents, raised from an incident, from a
trend of repeated incidents, or proactively; it is investigated to a root cause, may be
recorded as a known error with a workaround, resolved and closed. A KnownError is the
searchable record agents consult while working an incident: symptoms, cause, workaround.
Incidents link to their problem (incidents.Incident.problem).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iso20k.core.models import TimeStamped, Versioned
from iso20k.servicedesk.choices import Category
from iso20k.slas.choices import Impact, Priority, Urgency

from .choices import KnownErrorStatus, ProblemSource, ProblemStatus


class Problem(TimeStamped, Versioned):
    """A problem record: evidence for 8.6.3 (problems identified, analysed to a root cause,
    with workarounds and closure). `reported_at` is business time, `created_at` system time;
    the evidence engine reads `status`, `root_cause` and `created_at`."""

    subject = models.CharField(_("subject"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=20000)
    status = models.CharField(
        _("status"), max_length=24, choices=ProblemStatus.choices, default=ProblemStatus.NEW
    )
    source = models.CharField(
        _("raised"), max_length=16, choices=ProblemSource.choices, default=ProblemSource.PROACTIVE
    )
    impact = models.PositiveSmallIntegerField(
        _("impact"), choices=Impact.choices, default=Impact.MEDIUM
    )
    urgency = models.PositiveSmallIntegerField(
        _("urgency"), choices=Urgency.choices, default=Urgency.MEDIUM
    )
    priority = models.CharField(_("priority"), max_length=2, choices=Priority.choices)
    service = models.ForeignKey(
        "servicecatalogue.Service",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service"),
    )
    category = models.CharField(_("category"), max_length=16, choices=Category.choices)
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
        verbose_name=_("problem manager"),
    )
    root_cause = models.TextField(_("root cause"), blank=True, max_length=10000)
    workaround = models.TextField(_("workaround"), blank=True, max_length=10000)
    resolution = models.TextField(_("permanent fix"), blank=True, max_length=10000)
    closure_reason = models.TextField(
        _("reason for closing without a root cause"), blank=True, max_length=4000
    )
    reported_at = models.DateTimeField(_("reported at"))
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("problem")
        verbose_name_plural = _("problems")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["created_at", "id"], name="prb_created_idx"),
            models.Index(fields=["status", "created_at", "id"], name="prb_status_created_idx"),
        ]
        constraints = [
            # Closed means explained: a root cause, or a documented reason to stop looking.
            models.CheckConstraint(
                condition=~Q(status=ProblemStatus.CLOSED)
                | ~Q(root_cause="")
                | ~Q(closure_reason=""),
                name="problem_closed_is_explained",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.subject}"

    @property
    def reference(self) -> str:
        return f"PRB-{self.pk:06d}" if self.pk else "PRB"

    def get_absolute_url(self) -> str:
        return reverse("problems:problem-detail", args=[self.pk])


class KnownError(TimeStamped, Versioned):
    """A known error: a problem whose cause is known, with the workaround agents apply while
    the permanent fix is pending. Evidence for 8.6.3 (known errors recorded and used)."""

    problem = models.ForeignKey(
        Problem,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="known_errors",
        verbose_name=_("problem"),
    )
    title = models.CharField(_("title"), max_length=200)
    symptoms = models.TextField(_("symptoms"), max_length=10000)
    root_cause = models.TextField(_("root cause"), blank=True, max_length=10000)
    workaround = models.TextField(_("workaround"), max_length=10000)
    service = models.ForeignKey(
        "servicecatalogue.Service",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service"),
    )
    category = models.CharField(_("category"), max_length=16, choices=Category.choices)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=KnownErrorStatus.choices,
        default=KnownErrorStatus.ACTIVE,
    )
    published_at = models.DateTimeField(_("published at"))

    class Meta:
        verbose_name = _("known error")
        verbose_name_plural = _("known errors")
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(fields=["status", "service", "category"], name="ke_lookup_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(workaround=""), name="known_error_has_workaround"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def reference(self) -> str:
        return f"KE-{self.pk:05d}" if self.pk else "KE"

    def get_absolute_url(self) -> str:
        return reverse("problems:knownerror-detail", args=[self.pk])
