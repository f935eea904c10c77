"""Service request statuses and transitions, approval decisions, history events."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from iso20k.history import events


class RequestStatus(models.TextChoices):
    NEW = "new", pgettext_lazy("ticket status", "New")
    AWAITING_APPROVAL = "awaiting_approval", _("Awaiting approval")
    IN_PROGRESS = "in_progress", _("In progress")
    ON_HOLD = "on_hold", _("On hold")
    RESOLVED = "resolved", _("Fulfilled")
    CLOSED = "closed", pgettext_lazy("ticket status", "Closed")
    REJECTED = "rejected", _("Rejected")
    CANCELLED = "cancelled", pgettext_lazy("ticket status", "Cancelled")


S = RequestStatus
TRANSITIONS = {
    S.NEW: frozenset({S.IN_PROGRESS, S.ON_HOLD, S.RESOLVED, S.CANCELLED}),
    S.AWAITING_APPROVAL: frozenset({S.NEW, S.IN_PROGRESS, S.REJECTED, S.CANCELLED}),
    S.IN_PROGRESS: frozenset({S.ON_HOLD, S.RESOLVED, S.CANCELLED}),
    S.ON_HOLD: frozenset({S.IN_PROGRESS, S.RESOLVED, S.CANCELLED}),
    S.RESOLVED: frozenset({S.CLOSED, S.IN_PROGRESS}),
    S.CLOSED: frozenset(),
    S.REJECTED: frozenset(),
    S.CANCELLED: frozenset(),
}


class Decision(models.TextChoices):
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


events.register(
    {
        "servicerequests.servicerequest.logged": _("Request submitted"),
        "servicerequests.servicerequest.updated": _("Request updated"),
        "servicerequests.servicerequest.assigned": _("Assigned"),
        "servicerequests.servicerequest.approved": _("Approved"),
        "servicerequests.servicerequest.rejected": _("Rejected"),
        "servicerequests.servicerequest.held": _("Put on hold"),
        "servicerequests.servicerequest.resumed": _("Work resumed"),
        "servicerequests.servicerequest.resolved": _("Fulfilled"),
        "servicerequests.servicerequest.closed": pgettext_lazy("history", "Closed"),
        "servicerequests.servicerequest.reopened": _("Reopened"),
        "servicerequests.servicerequest.cancelled": pgettext_lazy("history", "Cancelled"),
        "servicerequests.servicerequest.replied": _("Public reply"),
        "servicerequests.servicerequest.noted": _("Internal note"),
        "servicerequests.servicerequest.rated": _("Rated by the customer"),
        "servicerequests.servicerequest.task_added": _("Fulfilment task added"),
        "servicerequests.servicerequest.task_done": _("Fulfilment task done"),
        "servicerequests.servicerequest.task_reopened": _("Fulfilment task reopened"),
    }
)
