"""Priorities, clock kinds and stages, pause statuses, and the history events of SLAs."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from iso20k.history import events


class Priority(models.TextChoices):
    P1 = "P1", _("P1 critical")
    P2 = "P2", _("P2 high")
    P3 = "P3", _("P3 moderate")
    P4 = "P4", _("P4 low")
    P5 = "P5", _("P5 planning")


class Impact(models.IntegerChoices):
    HIGH = 1, _("High: many users or a whole service")
    MEDIUM = 2, _("Medium: a group of users or part of a service")
    LOW = 3, _("Low: one user")


class Urgency(models.IntegerChoices):
    HIGH = 1, _("High: work has stopped")
    MEDIUM = 2, _("Medium: work is slowed down")
    LOW = 3, _("Low: work can go on")


class AgreementStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    RETIRED = "retired", _("Retired")


class ClockKind(models.TextChoices):
    RESPONSE = "response", _("Response")
    RESOLUTION = "resolution", _("Resolution")


class TargetSource(models.TextChoices):
    AGREEMENT = "agreement", _("From the agreement")
    OVERRIDE = "override", _("Given by the ticket (e.g. a request item's fulfilment target)")


class ClockStage(models.TextChoices):
    RUNNING = "running", _("Running")
    PAUSED = "paused", _("Paused")
    STOPPED = "stopped", _("Stopped")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_STAGES = [ClockStage.RUNNING, ClockStage.PAUSED]


class ClockEventKind(models.TextChoices):
    STARTED = "started", _("Started")
    PAUSED = "paused", _("Paused")
    RESUMED = "resumed", _("Resumed")
    STOPPED = "stopped", _("Stopped")
    CANCELLED = "cancelled", _("Cancelled")
    RETARGETED = "retargeted", _("Target changed")
    STATUS = "status", _("Status reported")
    FIRST_RESPONSE = "first_response", _("First public response")


class SlaState(models.TextChoices):
    """What a person sees for a clock or a ticket: one colour and icon per state everywhere."""

    NONE = "none", _("No target")
    ON_TRACK = "on_track", _("On track")
    WARNING = "warning", _("Breach soon")
    BREACHED = "breached", _("Breached")
    PAUSED = "paused", _("Paused")
    MET = "met", _("Met")
    MISSED = "missed", _("Missed")
    CANCELLED = "cancelled", _("Cancelled")
    UNKNOWN = "unknown", _("Deadline unknown")


class PauseStatus(models.TextChoices):
    """Ticket statuses that can pause a clock; ticket apps report these codes when on hold.

    Ticket apps may register more with subjects.register_pause_status().
    """

    AWAITING_CUSTOMER = "awaiting_customer", _("Awaiting customer")
    AWAITING_SUPPLIER = "awaiting_supplier", _("Awaiting supplier")
    AWAITING_CHANGE = "awaiting_change", _("Awaiting a change")
    AWAITING_APPROVAL = "awaiting_approval", _("Awaiting approval")
    SCHEDULED = "scheduled", _("Scheduled with the customer")


events.register(
    {
        "slas.servicelevelagreement.created": _("Agreement created"),
        "slas.servicelevelagreement.updated": _("Agreement updated"),
        "slas.servicelevelagreement.targets_changed": _("Targets changed"),
        "slas.servicelevelagreement.retired": _("Agreement retired"),
        "slas.servicelevelagreement.reactivated": _("Agreement reactivated"),
        "slas.servicelevelagreement.clocks_recomputed": _("Open clocks recomputed"),
    }
)
