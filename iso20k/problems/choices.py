"""Problem statuses and their transitions, where problems come from, known-error statuses,
and the history events of problems and known errors."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from iso20k.history import events


class ProblemStatus(models.TextChoices):
    NEW = "new", pgettext_lazy("problem status", "New")
    INVESTIGATING = "investigating", _("Investigating")
    KNOWN_ERROR = "known_error", _("Known error")
    RESOLVED = "resolved", pgettext_lazy("problem status", "Resolved")
    CLOSED = "closed", pgettext_lazy("problem status", "Closed")


OPEN_PROBLEM_STATUSES = (ProblemStatus.NEW, ProblemStatus.INVESTIGATING, ProblemStatus.KNOWN_ERROR)

PROBLEM_TRANSITIONS = {
    ProblemStatus.NEW: frozenset(
        {ProblemStatus.INVESTIGATING, ProblemStatus.KNOWN_ERROR, ProblemStatus.CLOSED}
    ),
    ProblemStatus.INVESTIGATING: frozenset(
        {ProblemStatus.KNOWN_ERROR, ProblemStatus.RESOLVED, ProblemStatus.CLOSED}
    ),
    ProblemStatus.KNOWN_ERROR: frozenset({ProblemStatus.RESOLVED, ProblemStatus.CLOSED}),
    ProblemStatus.RESOLVED: frozenset({ProblemStatus.CLOSED, ProblemStatus.INVESTIGATING}),
    ProblemStatus.CLOSED: frozenset(),
}


class ProblemSource(models.TextChoices):
    INCIDENT = "incident", _("Raised from an incident")
    TREND = "trend", _("Raised from an incident trend")
    PROACTIVE = "proactive", _("Found proactively")


class KnownErrorStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    RETIRED = "retired", _("Retired (fixed for good)")


events.register(
    {
        "problems.problem.raised": pgettext_lazy("history", "Problem raised"),
        "problems.problem.updated": pgettext_lazy("history", "Problem updated"),
        "problems.problem.assigned": pgettext_lazy("history", "Problem assigned"),
        "problems.problem.investigating": _("Investigation started"),
        "problems.problem.known_error": _("Recorded as a known error"),
        "problems.problem.resolved": pgettext_lazy("history", "Problem resolved"),
        "problems.problem.reopened": pgettext_lazy("history", "Problem reopened"),
        "problems.problem.closed": pgettext_lazy("history", "Problem closed"),
        "problems.problem.incidents_linked": _("Incidents linked"),
        "problems.problem.incident_unlinked": _("Incident unlinked"),
        "problems.knownerror.published": _("Known error published"),
        "problems.knownerror.updated": _("Known error updated"),
        "problems.knownerror.retired": _("Known error retired"),
    }
)
