"""The programme charter, its milestones per stage and its budget lines."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iso20k.core.i18n import BilingualMixin
from iso20k.core.models import TimeStamped, Versioned

from ..choices import (
    BudgetCategory,
    Currency,
    MilestoneStatus,
    ProgrammeKind,
    ProgrammeStatus,
    Stage,
)
from ..querysets import BudgetLineQuerySet, MilestoneQuerySet, ProgrammeQuerySet


class Programme(BilingualMixin, TimeStamped, Versioned):
    """A certification programme: purposes, scope, target date, sponsor, lead and budget.

    Evidence for 5.1 (top management shows commitment: the named approver and the approval
    are on the row and in history) and for 6.2/6.3 (planning to achieve objectives and the
    SMS). An organisation runs one programme per certification effort (initial
    certification, recertification…); older ones stay as completed or cancelled.
    """

    kind = models.CharField(
        _("kind"), max_length=20, choices=ProgrammeKind.choices, default=ProgrammeKind.INITIAL
    )
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    title_zh_hans = models.CharField(_("title (Chinese)"), max_length=200, blank=True)
    purposes = models.JSONField(_("purposes"), default=list, blank=True)
    objectives_en = models.TextField(_("objectives (English)"), blank=True)
    objectives_zh_hans = models.TextField(_("objectives (Chinese)"), blank=True)
    scope_statement = models.ForeignKey(
        "organisations.ScopeStatement",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("SMS scope version"),
    )
    scope_note_en = models.TextField(_("scope notes (English)"), blank=True)
    scope_note_zh_hans = models.TextField(_("scope notes (Chinese)"), blank=True)
    starts_on = models.DateField(_("start date"))
    target_on = models.DateField(_("target certification date"))
    sponsor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("sponsor"),
    )
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("project lead"),
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.CNY
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ProgrammeStatus.choices,
        default=ProgrammeStatus.DRAFT,
        db_index=True,
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.CharField(_("decision note"), max_length=500, blank=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    close_note = models.CharField(_("closing note"), max_length=500, blank=True)

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        verbose_name = _("certification programme")
        verbose_name_plural = _("certification programmes")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(target_on__gte=F("starts_on")), name="programme_target_after_start"
            ),
            models.CheckConstraint(
                condition=~Q(title_en="", title_zh_hans=""), name="programme_has_a_title"
            ),
            models.CheckConstraint(
                condition=~Q(status=ProgrammeStatus.APPROVED) | Q(approved_at__isnull=False),
                name="programme_approved_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.localized("title")

    def get_absolute_url(self) -> str:
        return reverse("programme:programme-detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in {
            ProgrammeStatus.DRAFT,
            ProgrammeStatus.SUBMITTED,
            ProgrammeStatus.APPROVED,
        }


class Milestone(BilingualMixin, TimeStamped, Versioned):
    """A milestone of one of the seven stages, with planned and actual dates.

    Status is a plain field kept in step with the actual dates by the services (done when
    an actual end date is set), so later checks can read it without recomputing.
    """

    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="milestones", verbose_name=_("programme")
    )
    stage = models.CharField(_("stage"), max_length=16, choices=Stage.choices)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    title_zh_hans = models.CharField(_("title (Chinese)"), max_length=200, blank=True)
    planned_start_on = models.DateField(_("planned start"))
    planned_end_on = models.DateField(_("planned end"))
    actual_start_on = models.DateField(_("actual start"), null=True, blank=True)
    actual_end_on = models.DateField(_("actual end"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=MilestoneStatus.choices,
        default=MilestoneStatus.PLANNED,
    )

    objects = MilestoneQuerySet.as_manager()

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["planned_start_on", "planned_end_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(planned_end_on__gte=F("planned_start_on")),
                name="milestone_planned_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(actual_end_on__isnull=True)
                | Q(actual_start_on__isnull=False, actual_end_on__gte=F("actual_start_on")),
                name="milestone_actual_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(status=MilestoneStatus.DONE, actual_end_on__isnull=False)
                | (~Q(status=MilestoneStatus.DONE) & Q(actual_end_on__isnull=True)),
                name="milestone_done_has_actual_end",
            ),
            models.CheckConstraint(
                condition=~Q(title_en="", title_zh_hans=""), name="milestone_has_a_title"
            ),
        ]

    def __str__(self) -> str:
        return self.localized("title")

    def get_absolute_url(self) -> str:
        return reverse("programme:milestone-detail", args=[self.pk])


class BudgetLine(BilingualMixin, TimeStamped, Versioned):
    """One planned cost of the programme and what was actually spent on it.

    Evidence for 7.1 (resources determined and provided). Amounts are in the programme's
    currency; lines are retired (is_active false), never deleted.
    """

    programme = models.ForeignKey(
        Programme,
        on_delete=models.PROTECT,
        related_name="budget_lines",
        verbose_name=_("programme"),
    )
    category = models.CharField(_("category"), max_length=16, choices=BudgetCategory.choices)
    description_en = models.CharField(_("description (English)"), max_length=200, blank=True)
    description_zh_hans = models.CharField(_("description (Chinese)"), max_length=200, blank=True)
    planned_amount = models.DecimalField(_("planned amount"), max_digits=14, decimal_places=2)
    actual_amount = models.DecimalField(
        _("actual amount"), max_digits=14, decimal_places=2, default=0
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    objects = BudgetLineQuerySet.as_manager()

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["category", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(planned_amount__gte=0), name="budget_planned_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(actual_amount__gte=0), name="budget_actual_not_negative"
            ),
            models.CheckConstraint(
                condition=~Q(description_en="", description_zh_hans=""),
                name="budget_line_has_a_description",
            ),
        ]

    def __str__(self) -> str:
        return self.localized("description")

    def get_absolute_url(self) -> str:
        return reverse("programme:budgetline-detail", args=[self.pk])

    @property
    def variance(self):
        return self.actual_amount - self.planned_amount
