"""E-mail waiting to be sent, and what became of it.

A row is written in the same transaction as the change that causes it; the worker sends it
after commit. `dedupe_key` makes "send once" a database guarantee (e.g. one reminder per
task and due date), even with several workers.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    SKIPPED = "skipped", _("Skipped (no address)")


class OutgoingEmail(models.Model):
    """One e-mail to one recipient, rendered in the recipient's language when sent."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recipient"),
    )
    address = models.EmailField(_("address"), blank=True)
    template = models.CharField(_("template"), max_length=100)
    context = models.JSONField(_("context"), default=dict)
    dedupe_key = models.CharField(
        _("de-duplication key"), max_length=200, null=True, blank=True, unique=True
    )
    status = models.CharField(
        _("status"), max_length=16, choices=EmailStatus.choices, default=EmailStatus.QUEUED
    )
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"], name="email_status_idx")]

    def __str__(self) -> str:
        return f"{self.template} → {self.address or self.recipient_id}"

    def get_absolute_url(self) -> str:
        return "/"
