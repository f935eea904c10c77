"""Who must read a document, and each person's confirmation that they read a given version."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iso20k.accounts.choices import Role
from iso20k.core.models import TimeStamped, Versioned


class ReadAssignment(TimeStamped, Versioned):
    """A document assigned for reading to chosen people or to everyone holding a role.

    `people` is the audience as resolved when the assignment was made (a role becomes the
    people holding it then); each new version in force asks the same people again.
    Evidence for 7.3 (awareness) and 7.5.3 (documents available where they are needed).
    """

    document = models.ForeignKey(
        "documents.Document",
        on_delete=models.PROTECT,
        related_name="read_assignments",
        verbose_name=_("document"),
    )
    role = models.CharField(
        _("role"),
        max_length=32,
        choices=Role.choices,
        blank=True,
        help_text=_("Empty when the assignment names people directly."),
    )
    people = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="+", verbose_name=_("people")
    )
    due_in_days = models.PositiveSmallIntegerField(_("days to read each version"), default=14)
    note = models.CharField(_("note"), max_length=300, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("assigned by"),
    )
    revoked_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ended by"),
    )

    class Meta:
        verbose_name = _("reading assignment")
        verbose_name_plural = _("reading assignments")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(due_in_days__gte=1) & models.Q(due_in_days__lte=365),
                name="read_assignment_due_in_range",
            ),
        ]

    def __str__(self) -> str:
        audience = self.get_role_display() if self.role else _("chosen people")
        return f"{self.document.code} → {audience}"

    def get_absolute_url(self) -> str:
        return reverse("documents:document-reading", args=[self.document_id])


class Acknowledgement(TimeStamped, Versioned):
    """One person asked to read one version, and when they confirmed it (null: not yet)."""

    document_version = models.ForeignKey(
        "documents.DocumentVersion",
        on_delete=models.PROTECT,
        related_name="acknowledgements",
        verbose_name=_("document version"),
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="document_acknowledgements",
        verbose_name=_("person"),
    )
    due_on = models.DateField(_("read by"))
    acknowledged_at = models.DateTimeField(_("read and confirmed at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("no longer needed since"), null=True, blank=True)

    class Meta:
        verbose_name = _("read acknowledgement")
        verbose_name_plural = _("read acknowledgements")
        ordering = ["due_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["document_version", "person"],
                name="acknowledgement_one_per_person_and_version",
            ),
        ]
        indexes = [
            models.Index(fields=["person", "acknowledged_at"], name="acknowledgement_person_idx")
        ]

    def __str__(self) -> str:
        return f"{self.document_version} · {self.person}"

    def get_absolute_url(self) -> str:
        return self.document_version.get_absolute_url()

    @property
    def is_overdue(self) -> bool:
        from django.utils import timezone

        outstanding = self.acknowledged_at is None and self.cancelled_at is None
        return outstanding and self.due_on < timezone.localdate()
