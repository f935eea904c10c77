"""Choices shared by every ticket type (sources, hold reasons, ratings, queues) and the
history events of support groups and saved filters."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from iso20k.history import events
from iso20k.slas.choices import PauseStatus


class TicketSource(models.TextChoices):
    AGENT = "agent", _("Service desk")
    PORTAL = "portal", _("Customer portal")
    API = "api", _("API")
    EMAIL = "email", _("E-mail")
    IMPORT = "import", _("Import")


class HoldReason(models.TextChoices):
    """Why a ticket waits; the codes are the SLA engine's pause statuses, so an agreement
    decides which of them stop its clocks."""

    AWAITING_CUSTOMER = PauseStatus.AWAITING_CUSTOMER.value, PauseStatus.AWAITING_CUSTOMER.label
    AWAITING_SUPPLIER = PauseStatus.AWAITING_SUPPLIER.value, PauseStatus.AWAITING_SUPPLIER.label
    AWAITING_CHANGE = PauseStatus.AWAITING_CHANGE.value, PauseStatus.AWAITING_CHANGE.label
    SCHEDULED = PauseStatus.SCHEDULED.value, PauseStatus.SCHEDULED.label


class Category(models.TextChoices):
    """What a ticket is about, for trends and routing (incidents, problems, known errors)."""

    HARDWARE = "hardware", _("Hardware")
    SOFTWARE = "software", _("Software and applications")
    NETWORK = "network", _("Network")
    DATABASE = "database", _("Database")
    ACCESS = "access", _("Accounts and access")
    EMAIL = "email", _("E-mail and collaboration")
    SECURITY = "security", _("Information security")
    STORAGE = "storage", _("Storage and backup")
    OTHER = "other", _("Other")


class Rating(models.IntegerChoices):
    VERY_POOR = 1, _("1 – very dissatisfied")
    POOR = 2, _("2 – dissatisfied")
    FAIR = 3, _("3 – neutral")
    GOOD = 4, _("4 – satisfied")
    EXCELLENT = 5, _("5 – very satisfied")


class DeskKind(models.TextChoices):
    """The ticket types of the agent's workspace (saved filters name one of them)."""

    INCIDENTS = "incidents", _("Incidents")
    REQUESTS = "requests", pgettext_lazy("service requests", "Service requests")


class Queue(models.TextChoices):
    MINE = "mine", _("Assigned to me")
    GROUP = "group", _("My groups")
    UNASSIGNED = "unassigned", _("Unassigned")
    BREACHING = "breaching", _("Breaching soon")
    ALL = "all", _("All tickets")


class SortOrder(models.TextChoices):
    NEWEST = "newest", _("Newest first")
    OLDEST = "oldest", _("Oldest first")
    PRIORITY = "priority", _("Priority, then oldest")
    DUE = "due", _("Due first (SLA)")


# A ticket in one of these statuses is no longer worked (the queues leave it out).
DONE_STATUSES = ("resolved", "closed", "cancelled", "rejected")

events.register(
    {
        "servicedesk.supportgroup.created": _("Support group created"),
        "servicedesk.supportgroup.updated": _("Support group updated"),
        "servicedesk.supportgroup.members_changed": _("Members changed"),
        "servicedesk.savedfilter.saved": _("Filter saved"),
        "servicedesk.savedfilter.deleted": _("Filter deleted"),
    }
)
