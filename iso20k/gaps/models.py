"""Gap assessments (stage 2 of the journey): clause ratings on a maturity scale, and gaps.

An assessment rates every assessable clause of the catalogue; a completed assessment is
kept as it was, and the next one starts as a copy. Gaps found are acted on through tasks
of the certification programme (Gap.task).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from iso20k.core.models import TimeStamped, Versioned
from iso20k.programme.choices import Priority

from .choices import AssessmentStatus, GapStatus, Rating
from .querysets import AssessmentQuerySet, ClauseRatingQuerySet, GapQuerySet


class Assessment(TimeStamped, Versioned):
    """One gap assessment: when, by whom, of what, and its conclusions.

    Evidence for 6.1 (risks and opportunities of the SMS determined) and for the seed's
    stage 2 (current practice compared clause by clause). Completed assessments are frozen;
    `copied_from` links each to the one it started from.
    """

    programme = models.ForeignKey(
        "programme.Programme",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assessments",
        verbose_name=_("programme"),
    )
    title = models.CharField(_("title"), max_length=200)
    assessed_on = models.DateField(_("assessment date"))
    assessors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="gap_assessments", verbose_name=_("assessors")
    )
    scope = models.TextField(
        _("scope"), blank=True, help_text=_("Services, sites and departments looked at.")
    )
    summary = models.TextField(_("conclusions"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=AssessmentStatus.choices,
        default=AssessmentStatus.IN_PROGRESS,
    )
    copied_from = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="copies",
        verbose_name=_("started from"),
    )
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("completed by"),
    )

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("gap assessment")
        verbose_name_plural = _("gap assessments")
        ordering = ["-assessed_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=AssessmentStatus.COMPLETED) | Q(completed_at__isnull=False),
                name="assessment_completed_has_time",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("gaps:assessment-detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status == AssessmentStatus.IN_PROGRESS


class ClauseRating(TimeStamped, Versioned):
    """How mature practice is against one clause, with notes and evidence files.

    Not applicable needs a justification (the standard allows no exclusions, so auditors
    will ask). `previous_rating` keeps what the assessment it was copied from said.
    """

    assessment = models.ForeignKey(
        Assessment, on_delete=models.PROTECT, related_name="ratings", verbose_name=_("assessment")
    )
    clause = models.ForeignKey(
        "catalogue.Clause", on_delete=models.PROTECT, related_name="+", verbose_name=_("clause")
    )
    rating = models.CharField(
        _("rating"), max_length=16, choices=Rating.choices, default=Rating.NOT_RATED
    )
    justification = models.TextField(_("justification for not applicable"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    previous_rating = models.CharField(
        _("previous rating"), max_length=16, choices=Rating.choices, blank=True
    )
    carried_over = models.BooleanField(
        _("carried over from the previous assessment"), default=False
    )
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("rated by"),
    )
    rated_at = models.DateTimeField(_("rated at"), null=True, blank=True)

    objects = ClauseRatingQuerySet.as_manager()

    class Meta:
        verbose_name = _("clause rating")
        verbose_name_plural = _("clause ratings")
        ordering = ["clause__sort_key"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "clause"], name="rating_once_per_clause"),
            models.CheckConstraint(
                condition=~Q(rating=Rating.NOT_APPLICABLE) | ~Q(justification=""),
                name="rating_not_applicable_justified",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.clause.number} · {self.get_rating_display()}"

    def get_absolute_url(self) -> str:
        return reverse("gaps:rating", args=[self.assessment_id, self.clause.number])


class Gap(TimeStamped, Versioned):
    """A shortfall against a clause, with its priority, owner and due date.

    Evidence for 6.1 and 10.1 (actions planned and followed to closure). `status`,
    `due_on` and `closed_at` are plain fields; `task` is the programme task acting on it.
    """

    assessment = models.ForeignKey(
        Assessment, on_delete=models.PROTECT, related_name="gaps", verbose_name=_("assessment")
    )
    clause = models.ForeignKey(
        "catalogue.Clause", on_delete=models.PROTECT, related_name="+", verbose_name=_("clause")
    )
    description = models.TextField(_("description"))
    priority = models.CharField(
        _("priority"), max_length=10, choices=Priority.choices, default=Priority.MEDIUM
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="owned_gaps",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=GapStatus.choices, default=GapStatus.OPEN
    )
    task = models.ForeignKey(
        "programme.Task",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="gaps",
        verbose_name=_("task"),
    )
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("raised by"),
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closure_note = models.CharField(_("closure note"), max_length=500, blank=True)

    objects = GapQuerySet.as_manager()

    class Meta:
        verbose_name = _("gap")
        verbose_name_plural = _("gaps")
        ordering = ["clause__sort_key", "pk"]
        indexes = [models.Index(fields=["status", "priority"], name="gap_status_priority_idx")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=GapStatus.CLOSED) | Q(closed_at__isnull=False),
                name="gap_closed_has_time",
            ),
        ]

    def __str__(self) -> str:
        text = Truncator(self.description).chars(80)
        return f"{self.clause.number} · {text}"

    def get_absolute_url(self) -> str:
        return reverse("gaps:gap-detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status != GapStatus.CLOSED
