"""Incident statuses and transitions, resolution codes, escalation kinds, history events."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from iso20k.history import events


class IncidentStatus(models.TextChoices):
    NEW = "new", pgettext_lazy("ticket status", "New")
    IN_PROGRESS = "in_progress", _("In progress")
    ON_HOLD = "on_hold", _("On hold")
    RESOLVED = "resolved", pgettext_lazy("ticket status", "Resolved")
    CLOSED = "closed", pgettext_lazy("ticket status", "Closed")
    CANCELLED = "cancelled", pgettext_lazy("ticket status", "Cancelled")


S = IncidentStatus
WORKING = frozenset({S.NEW, S.IN_PROGRESS, S.ON_HOLD})
TRANSITIONS = {
    S.NEW: frozenset({S.IN_PROGRESS, S.ON_HOLD, S.RESOLVED, S.CANCELLED}),
    S.IN_PROGRESS: frozenset({S.ON_HOLD, S.RESOLVED, S.CANCELLED}),
    S.ON_HOLD: frozenset({S.IN_PROGRESS, S.RESOLVED, S.CANCELLED}),
    S.RESOLVED: frozenset({S.CLOSED, S.IN_PROGRESS}),
    S.CLOSED: frozenset(),
    S.CANCELLED: frozenset(),
}


class ResolutionCode(models.TextChoices):
    FIXED = "fixed", _("Fixed")
    WORKAROUND = "workaround", _("Workaround applied")
    KNOWN_ERROR = "known_error", _("Resolved with a known error's workaround")
    CONFIGURATION = "configuration", _("Configuration corrected")
    USER_GUIDANCE = "user_guidance", _("User guided")
    NO_FAULT = "no_fault", _("No fault found")
    DUPLICATE = "duplicate", _("Duplicate of another incident")
    CANNOT_REPRODUCE = "cannot_reproduce", _("Could not be reproduced")


class EscalationKind(models.TextChoices):
    FUNCTIONAL = "functional", _("Functional: to another support group")
    HIERARCHICAL = "hierarchical", _("Hierarchical: to management")


events.register(
    {
        "incidents.incident.logged": _("Incident logged"),
        "incidents.incident.updated": _("Incident updated"),
        "incidents.incident.assigned": _("Assigned"),
        "incidents.incident.escalated": _("Escalated"),
        "incidents.incident.major_declared": _("Declared a major incident"),
        "incidents.incident.held": _("Put on hold"),
        "incidents.incident.resumed": _("Work resumed"),
        "incidents.incident.resolved": _("Resolved"),
        "incidents.incident.closed": pgettext_lazy("history", "Closed"),
        "incidents.incident.reopened": _("Reopened"),
        "incidents.incident.cancelled": pgettext_lazy("history", "Cancelled"),
        "incidents.incident.replied": _("Public reply"),
        "incidents.incident.noted": _("Internal note"),
        "incidents.incident.rated": _("Rated by the customer"),
        "incidents.incident.linked": _("Related incident linked"),
        "incidents.incident.unlinked": _("Related incident unlinked"),
        "incidents.incident.problem_linked": _("Linked to a problem"),
        "incidents.incident.reviewed": _("Major incident review recorded"),
        "incidents.incident.attached": _("Files attached"),
    }
)
