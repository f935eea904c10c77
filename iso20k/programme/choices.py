"""Choices of the certification programme, and the history events of this app."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from iso20k.history import display, events


class ProgrammeKind(models.TextChoices):
    INITIAL = "initial", _("Initial certification")
    RECERTIFICATION = "recertification", _("Recertification")
    SCOPE_EXTENSION = "scope_extension", _("Scope extension")
    TRANSFER = "transfer", _("Transfer to another certification body")


class Purpose(models.TextChoices):
    SERVICE_QUALITY = "service_quality", _("Improve service quality")
    CUSTOMER_REQUIREMENTS = "customer_requirements", _("Meet customer requirements")
    MARKET_COMPETITIVENESS = "market_competitiveness", _("Strengthen market competitiveness")
    TENDERS = "tenders", _("Qualify for tenders and contracts")
    REGULATION = "regulation", _("Meet regulatory or group requirements")
    EFFICIENCY = "efficiency", _("Make operations more efficient")


class ProgrammeStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Awaiting approval")
    APPROVED = "approved", _("Approved")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_PROGRAMME_STATUSES = [
    ProgrammeStatus.DRAFT,
    ProgrammeStatus.SUBMITTED,
    ProgrammeStatus.APPROVED,
]


class Currency(models.TextChoices):
    CNY = "CNY", _("Chinese yuan (CNY)")
    HKD = "HKD", _("Hong Kong dollar (HKD)")
    USD = "USD", _("US dollar (USD)")
    EUR = "EUR", _("Euro (EUR)")
    GBP = "GBP", _("Pound sterling (GBP)")
    JPY = "JPY", _("Japanese yen (JPY)")


class Stage(models.TextChoices):
    """The seven stages of the certification journey (the same as the menu's)."""

    PLAN = "plan", _("Commit and plan")
    LEARN = "learn", _("Learn and find gaps")
    DOCUMENT = "document", _("Document the system")
    OPERATE = "operate", _("Operate the services")
    REVIEW = "review", _("Audit and review")
    CERTIFY = "certify", _("Certification")
    IMPROVE = "improve", _("Improve")


# Relative length of each stage when a new programme spreads its milestones between the
# start and the target date; "operate" is longest because the processes must run at least
# three months before the audit. Improvement runs for a year after the target date.
STAGE_WEIGHTS = {
    Stage.PLAN: 1,
    Stage.LEARN: 2,
    Stage.DOCUMENT: 3,
    Stage.OPERATE: 4,
    Stage.REVIEW: 1.5,
    Stage.CERTIFY: 1.5,
}


class MilestoneStatus(models.TextChoices):
    PLANNED = "planned", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


class BudgetCategory(models.TextChoices):
    TRAINING = "training", _("Training")
    CONSULTING = "consulting", _("Consulting")
    TOOLING = "tooling", _("Tooling and licences")
    CERTIFICATION = "certification", _("Certification fees")
    INTERNAL = "internal", _("Internal effort")
    TRAVEL = "travel", _("Travel and venues")
    OTHER = "other", _("Other")


class ProgrammeRole(models.TextChoices):
    SPONSOR = "sponsor", _("Sponsor")
    PROJECT_LEAD = "project_lead", _("Project lead")
    PROCESS_OWNER = "process_owner", _("Process owner")
    INTERNAL_AUDITOR = "internal_auditor", _("Internal auditor")
    MEMBER = "member", _("Team member")
    CONSULTANT = "consultant", _("Consultant")


class Raci(models.TextChoices):
    RESPONSIBLE = "R", _("Responsible")
    ACCOUNTABLE = "A", _("Accountable")
    CONSULTED = "C", _("Consulted")
    INFORMED = "I", _("Informed")


class Priority(models.TextChoices):
    CRITICAL = "critical", _("Critical")
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


PRIORITY_RANK = {Priority.CRITICAL: 1, Priority.HIGH: 2, Priority.MEDIUM: 3, Priority.LOW: 4}


class TaskStatus(models.TextChoices):
    TODO = "todo", pgettext_lazy("task status", "To do")
    IN_PROGRESS = "in_progress", _("In progress")
    BLOCKED = "blocked", _("Blocked")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_TASK_STATUSES = [TaskStatus.TODO, TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED]

# Which status a task may move to from each status (done and cancelled tasks may reopen).
TASK_TRANSITIONS = {
    TaskStatus.TODO: {
        TaskStatus.IN_PROGRESS,
        TaskStatus.BLOCKED,
        TaskStatus.DONE,
        TaskStatus.CANCELLED,
    },
    TaskStatus.IN_PROGRESS: {
        TaskStatus.TODO,
        TaskStatus.BLOCKED,
        TaskStatus.DONE,
        TaskStatus.CANCELLED,
    },
    TaskStatus.BLOCKED: {
        TaskStatus.TODO,
        TaskStatus.IN_PROGRESS,
        TaskStatus.DONE,
        TaskStatus.CANCELLED,
    },
    TaskStatus.DONE: {TaskStatus.IN_PROGRESS},
    TaskStatus.CANCELLED: {TaskStatus.TODO},
}

# Reminders: this many days before the due date, and once the day after it has passed.
REMIND_DAYS_BEFORE = 3

display.register_value_labels("programme.programme", "purposes", lambda: dict(Purpose.choices))

events.register(
    {
        "programme.programme.created": _("Programme created"),
        "programme.programme.updated": _("Programme charter edited"),
        "programme.programme.submitted": _("Programme submitted for approval"),
        "programme.programme.withdrawn": _("Programme withdrawn from approval"),
        "programme.programme.approved": _("Programme approved"),
        "programme.programme.rejected": _("Programme returned for rework"),
        "programme.programme.reopened": _("Programme charter reopened for revision"),
        "programme.programme.completed": _("Programme completed"),
        "programme.programme.cancelled": _("Programme cancelled"),
        "programme.milestone.added": _("Milestone added"),
        "programme.milestone.updated": _("Milestone updated"),
        "programme.budgetline.added": _("Budget line added"),
        "programme.budgetline.updated": _("Budget line updated"),
        "programme.teammember.added": _("Team member added"),
        "programme.teammember.updated": _("Team member updated"),
        "programme.teammember.left": _("Team member left the team"),
        "programme.processraci.updated": _("RACI changed"),
        "programme.task.created": _("Task created"),
        "programme.task.updated": _("Task edited"),
        "programme.task.status_changed": _("Task status changed"),
    }
)
