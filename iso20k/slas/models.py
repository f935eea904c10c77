"""Service level agreements (clause 8.3.3), their targets, and the clocks that measure tickets.

An agreement applies to a customer and/or a service, counts business time on a calendar,
and sets response and resolution targets per priority. A ticket (any app's model, named by
subject_type + subject_id) gets a TrackedSubject; each start-to-stop run of a clock is an
SlaClock row (a cycle); ClockEvent is the append-only log from which clocks are recomputed.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Now
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iso20k.core.i18n import BilingualMixin
from iso20k.core.models import TimeStamped, Versioned

from .choices import (
    OPEN_STAGES,
    AgreementStatus,
    ClockEventKind,
    ClockKind,
    ClockStage,
    Priority,
    TargetSource,
)

ACTIVE = Q(status=AgreementStatus.ACTIVE)


class ServiceLevelAgreement(BilingualMixin, TimeStamped, Versioned):
    """What was agreed with a customer and/or for a service: targets per priority, calendar,
    the statuses that pause clocks, and when to warn before a breach."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    name_zh_hans = models.CharField(_("name (Chinese)"), max_length=200, blank=True)
    description_en = models.TextField(_("description (English)"), blank=True, max_length=4000)
    description_zh_hans = models.TextField(_("description (Chinese)"), blank=True, max_length=4000)
    customer = models.ForeignKey(
        "customers.Customer",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreements",
        verbose_name=_("customer"),
    )
    service = models.ForeignKey(
        "servicecatalogue.Service",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreements",
        verbose_name=_("service"),
    )
    calendar = models.ForeignKey(
        "calendars.BusinessCalendar",
        on_delete=models.PROTECT,
        related_name="agreements",
        verbose_name=_("business calendar"),
    )
    pause_statuses = models.JSONField(_("statuses that pause the clocks"), default=list)
    warning_percent = models.PositiveSmallIntegerField(
        _("warn at (% of the target used)"), default=75
    )
    # The share of tickets to be resolved within target over a period: what the evidence
    # engine measures service level achievement against (8.3.3).
    achievement_percent = models.DecimalField(
        _("agreed achievement (%)"),
        max_digits=4,
        decimal_places=1,
        default=Decimal("95.0"),
        help_text=_("Share of tickets to be resolved within target, e.g. 95.0."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=AgreementStatus.choices, default=AgreementStatus.ACTIVE
    )

    class Meta:
        verbose_name = _("service level agreement")
        verbose_name_plural = _("service level agreements")
        ordering = ["status", "code"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(name_en="", name_zh_hans=""), name="sla_has_a_name"
            ),
            models.CheckConstraint(
                condition=Q(warning_percent__gte=1, warning_percent__lte=99),
                name="sla_warning_percent_range",
            ),
            models.CheckConstraint(
                condition=Q(achievement_percent__gt=0, achievement_percent__lte=100),
                name="sla_achievement_percent_range",
            ),
            # One active agreement per (customer, service) combination, "any" included.
            models.UniqueConstraint(
                fields=["customer", "service"],
                condition=ACTIVE & Q(customer__isnull=False, service__isnull=False),
                name="sla_one_active_customer_service",
            ),
            models.UniqueConstraint(
                fields=["customer"],
                condition=ACTIVE & Q(customer__isnull=False, service__isnull=True),
                name="sla_one_active_customer_any_service",
            ),
            models.UniqueConstraint(
                fields=["service"],
                condition=ACTIVE & Q(customer__isnull=True, service__isnull=False),
                name="sla_one_active_service_any_customer",
            ),
            models.UniqueConstraint(
                fields=["status"],
                condition=ACTIVE & Q(customer__isnull=True, service__isnull=True),
                name="sla_one_active_default",
            ),
        ]

    def __str__(self) -> str:
        return self.localized("name") or self.code

    def get_absolute_url(self) -> str:
        return reverse("slas:agreement-detail", args=[self.code])


class SlaTarget(models.Model):
    """Response and resolution targets of one priority, in business minutes of the calendar.

    An empty target means the agreement sets none for that priority (no clock starts).
    """

    agreement = models.ForeignKey(
        ServiceLevelAgreement,
        on_delete=models.CASCADE,
        related_name="targets",
        verbose_name=_("agreement"),
    )
    priority = models.CharField(_("priority"), max_length=2, choices=Priority.choices)
    response_minutes = models.PositiveIntegerField(
        _("response target (business minutes)"), null=True, blank=True
    )
    resolution_minutes = models.PositiveIntegerField(
        _("resolution target (business minutes)"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("service level target")
        verbose_name_plural = _("service level targets")
        ordering = ["priority"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "priority"], name="sla_target_unique"),
            models.CheckConstraint(
                condition=Q(response_minutes__isnull=True) | Q(response_minutes__gt=0),
                name="sla_target_response_positive",
            ),
            models.CheckConstraint(
                condition=Q(resolution_minutes__isnull=True) | Q(resolution_minutes__gt=0),
                name="sla_target_resolution_positive",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agreement} {self.priority}"

    def get_absolute_url(self) -> str:
        return self.agreement.get_absolute_url()


class TrackedSubject(TimeStamped):
    """A ticket measured against an agreement: which one, at which priority, in which status."""

    subject_type = models.CharField(_("ticket type"), max_length=64)
    subject_id = models.BigIntegerField(_("ticket id"))
    agreement = models.ForeignKey(
        ServiceLevelAgreement,
        on_delete=models.PROTECT,
        related_name="subjects",
        verbose_name=_("agreement"),
    )
    priority = models.CharField(_("priority"), max_length=2, choices=Priority.choices)
    status = models.CharField(_("status"), max_length=40, blank=True)
    status_at = models.DateTimeField(_("status since"), null=True, blank=True)
    resolution_override_minutes = models.PositiveIntegerField(
        _("resolution target given by the ticket (business minutes)"), null=True, blank=True
    )
    first_response_at = models.DateTimeField(_("first response at"), null=True, blank=True)

    class Meta:
        verbose_name = _("measured ticket")
        verbose_name_plural = _("measured tickets")
        constraints = [
            models.UniqueConstraint(
                fields=["subject_type", "subject_id"], name="tracked_subject_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject_type}#{self.subject_id}"

    def get_absolute_url(self) -> str:
        return self.agreement.get_absolute_url()


class SlaClock(TimeStamped):
    """One cycle of one clock (response or resolution) of a ticket, from start to stop.

    Durations are whole seconds. Business figures count the calendar's working time only;
    wall figures count real time. While paused, breach_at and warning_at are empty and
    remaining_seconds is frozen; on resume the breach moves later by the paused business
    time. original_breach_at is the first projection (start + target, no pauses).
    """

    subject = models.ForeignKey(
        TrackedSubject, on_delete=models.CASCADE, related_name="clocks", verbose_name=_("ticket")
    )
    kind = models.CharField(_("clock"), max_length=16, choices=ClockKind.choices)
    cycle = models.PositiveSmallIntegerField(_("cycle"), default=1)
    calendar = models.ForeignKey(
        "calendars.BusinessCalendar",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("business calendar"),
    )
    priority = models.CharField(_("priority"), max_length=2, choices=Priority.choices)
    target_seconds = models.PositiveIntegerField(_("target (business seconds)"))
    target_source = models.CharField(_("target from"), max_length=16, choices=TargetSource.choices)
    warning_percent = models.PositiveSmallIntegerField(_("warn at (%)"))
    stage = models.CharField(_("stage"), max_length=16, choices=ClockStage.choices)
    started_at = models.DateTimeField(_("started at"))
    stopped_at = models.DateTimeField(_("stopped at"), null=True, blank=True)
    paused_since = models.DateTimeField(_("paused since"), null=True, blank=True)
    business_elapsed_seconds = models.BigIntegerField(_("business time elapsed"), default=0)
    wall_elapsed_seconds = models.BigIntegerField(_("wall-clock time elapsed"), default=0)
    paused_business_seconds = models.BigIntegerField(_("business time paused"), default=0)
    paused_wall_seconds = models.BigIntegerField(_("wall-clock time paused"), default=0)
    remaining_seconds = models.BigIntegerField(_("business time left"), null=True, blank=True)
    original_breach_at = models.DateTimeField(_("original breach time"), null=True, blank=True)
    breach_at = models.DateTimeField(_("breach time"), null=True, blank=True)
    warning_at = models.DateTimeField(_("warning time"), null=True, blank=True)
    breached = models.BooleanField(_("breached"), default=False)
    breached_at = models.DateTimeField(_("breached at"), null=True, blank=True)
    uses_estimate = models.BooleanField(_("relies on estimated holidays"), default=False)
    missing_data_year = models.PositiveSmallIntegerField(
        _("year without holiday data"), null=True, blank=True
    )
    computed_at = models.DateTimeField(_("computed at"), db_default=Now())
    warning_notified_at = models.DateTimeField(_("warning sent at"), null=True, blank=True)
    breach_notified_at = models.DateTimeField(_("breach sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("SLA clock")
        verbose_name_plural = _("SLA clocks")
        ordering = ["subject_id", "kind", "cycle"]
        constraints = [
            models.UniqueConstraint(
                fields=["subject", "kind", "cycle"], name="sla_clock_cycle_unique"
            ),
            models.UniqueConstraint(
                fields=["subject", "kind"],
                condition=Q(stage__in=OPEN_STAGES),
                name="sla_clock_one_open_per_kind",
            ),
            models.CheckConstraint(
                condition=Q(target_seconds__gt=0), name="sla_clock_target_positive"
            ),
        ]
        indexes = [
            models.Index(fields=["stage", "breach_at"], name="sla_clock_breach_idx"),
            models.Index(fields=["stage", "warning_at"], name="sla_clock_warning_idx"),
            models.Index(fields=["calendar", "stage"], name="sla_clock_calendar_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.subject} {self.kind} #{self.cycle}"

    def get_absolute_url(self) -> str:
        return self.subject.agreement.get_absolute_url()

    @property
    def is_open(self) -> bool:
        return self.stage in OPEN_STAGES


class ClockEvent(models.Model):
    """One thing that happened to a ticket's clocks, at a business time (`at`, which imports
    may back-date) and recorded at a system time (`recorded_at`, never back-dated)."""

    subject = models.ForeignKey(
        TrackedSubject, on_delete=models.CASCADE, related_name="events", verbose_name=_("ticket")
    )
    clock = models.ForeignKey(
        SlaClock,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("clock"),
    )
    kind = models.CharField(_("event"), max_length=16, choices=ClockEventKind.choices)
    at = models.DateTimeField(_("at"))
    recorded_at = models.DateTimeField(_("recorded at"), db_default=Now(), editable=False)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    data = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("clock event")
        verbose_name_plural = _("clock events")
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["clock", "at"], name="clock_event_clock_idx")]

    def __str__(self) -> str:
        return f"{self.kind} {self.at.isoformat()}"

    def get_absolute_url(self) -> str:
        return self.subject.agreement.get_absolute_url()


class SlaSnapshotFields(models.Model):
    """Abstract: the SLA columns a ticket model keeps so lists never compute clocks per row.

    Filled from SlaSnapshot.fields() (returned by every slas.clocks call and passed to the
    subject type's on_change hook). Write them with a plain UPDATE that does not bump the
    ticket's version: they are derived, and a breach marked by the worker must not make an
    agent's open edit conflict. Display: slas.display.state_of_row(row, now).
    """

    sla_stage = models.CharField(_("SLA stage"), max_length=16, default="none")
    sla_breach_at = models.DateTimeField(_("SLA breach time"), null=True, blank=True)
    sla_warning_at = models.DateTimeField(_("SLA warning time"), null=True, blank=True)
    sla_remaining_seconds = models.BigIntegerField(
        _("SLA business time left"), null=True, blank=True
    )
    sla_breached = models.BooleanField(_("SLA breached"), default=False)
    sla_ever_breached = models.BooleanField(_("SLA ever breached"), default=False)
    sla_calendar_id = models.PositiveIntegerField(_("SLA calendar"), null=True, blank=True)

    class Meta:
        abstract = True
        indexes = [models.Index(fields=["sla_stage", "sla_breach_at"], name="%(class)s_sla_idx")]
