"""Tasks of the programme: who does what by when, linked to a milestone and a clause."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iso20k.core.models import TimeStamped, Versioned

from ..choices import Priority, TaskStatus
from ..querysets import TaskQuerySet


class Task(TimeStamped, Versioned):
    """One piece of work with an owner and a due date.

    Evidence for 6.1/6.2 (actions planned, with responsibilities and dates) and, for tasks
    made from gaps, for the gap being acted on. `status`, `due_on` and `completed_at` are
    plain fields that later checks (overdue work, closure before the audit) read directly.
    Gaps point at their task (gaps.Gap.task); this app does not import the gaps app.
    """

    programme = models.ForeignKey(
        "programme.Programme",
        on_delete=models.PROTECT,
        related_name="tasks",
        verbose_name=_("programme"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="programme_tasks",
        verbose_name=_("owner"),
    )
    starts_on = models.DateField(_("start date"), null=True, blank=True)
    due_on = models.DateField(_("due date"), db_index=True)
    priority = models.CharField(
        _("priority"), max_length=10, choices=Priority.choices, default=Priority.MEDIUM
    )
    status = models.CharField(
        _("status"), max_length=12, choices=TaskStatus.choices, default=TaskStatus.TODO
    )
    milestone = models.ForeignKey(
        "programme.Milestone",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("milestone"),
    )
    clause = models.ForeignKey(
        "catalogue.Clause",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("clause"),
    )
    status_note = models.CharField(_("status note"), max_length=500, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    objects = TaskQuerySet.as_manager()

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["due_on", "pk"]
        indexes = [
            models.Index(fields=["programme", "status"], name="task_programme_status_idx"),
            models.Index(fields=["owner", "status"], name="task_owner_status_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True) | Q(due_on__gte=F("starts_on")),
                name="task_due_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(status=TaskStatus.DONE) | Q(completed_at__isnull=False),
                name="task_done_has_completion_time",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("programme:task-detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in {TaskStatus.TODO, TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED}
