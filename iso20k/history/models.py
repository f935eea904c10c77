"""The change history: an append-only, HMAC-chained log of every change made by services.

Rows are written only by history.services.record(), inside the service's transaction.
The model refuses update and delete; database triggers (migration 0002) refuse them too.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import events


class AppendOnlyError(Exception):
    """Raised when code tries to change or remove a history row."""


class ChangeRecordQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("history rows cannot be updated")

    def delete(self):
        raise AppendOnlyError("history rows cannot be deleted")

    def for_object(self, obj: models.Model) -> "ChangeRecordQuerySet":
        return self.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))

    def newest_first(self) -> "ChangeRecordQuerySet":
        return self.select_related("actor").order_by("-seq")


class ChangeRecord(models.Model):
    """One change to one record: who, when, through which channel, what changed.

    Evidence for 7.5.3 (control of documented information) and for every clause whose
    records an auditor samples: it shows when a record really entered the system.
    """

    seq = models.BigIntegerField(_("position"), unique=True)
    recorded_at = models.DateTimeField(_("recorded at"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    actor_label = models.CharField(_("actor name"), max_length=150)
    channel = models.CharField(_("channel"), max_length=16)
    request_id = models.CharField(_("request id"), max_length=64)
    event = models.CharField(_("event"), max_length=100, db_index=True)
    object_type = models.CharField(_("object type"), max_length=100)
    object_id = models.CharField(_("object id"), max_length=64)
    object_repr = models.CharField(_("object"), max_length=200)
    object_version = models.PositiveIntegerField(_("object version"), null=True)
    changes = models.JSONField(_("changes"), default=dict)
    data = models.JSONField(_("details"), default=dict)
    key_id = models.CharField(_("key id"), max_length=16)
    prev_hash = models.CharField(_("previous hash"), max_length=64)
    hash = models.CharField(_("hash"), max_length=64)

    objects = ChangeRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("history record")
        verbose_name_plural = _("history records")
        indexes = [
            models.Index(fields=["object_type", "object_id", "seq"], name="history_object_idx")
        ]

    def __str__(self) -> str:
        return f"#{self.seq} {self.event} {self.object_repr}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("history rows cannot be updated")
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("history:record-detail", args=[self.seq])

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("history rows cannot be deleted")

    @property
    def event_label(self) -> str:
        return events.label(self.event)

    @property
    def labelled_changes(self) -> list[tuple[str, str, str]]:
        """(field label, old, new) in the reader's language, for history panels."""
        from .display import labelled_changes

        return labelled_changes(self.object_type, self.changes)


class ChainHead(models.Model):
    """The last position and hash of the chain: one row, locked to serialise appends."""

    seq = models.BigIntegerField(_("position"), default=0)
    hash = models.CharField(_("hash"), max_length=64)

    class Meta:
        verbose_name = _("history chain head")
        verbose_name_plural = _("history chain heads")

    def __str__(self) -> str:
        return f"#{self.seq} {self.hash[:12]}"


class ChainVerification(models.Model):
    """The outcome of one full recomputation of the chain (command or scheduled task)."""

    ran_at = models.DateTimeField(_("ran at"), auto_now_add=True)
    ok = models.BooleanField(_("intact"))
    checked = models.BigIntegerField(_("rows checked"))
    head_seq = models.BigIntegerField(_("head position"))
    first_broken_seq = models.BigIntegerField(_("first broken position"), null=True)
    reason = models.CharField(_("reason"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("history verification")
        verbose_name_plural = _("history verifications")
        ordering = ["-ran_at"]

    def __str__(self) -> str:
        return f"{self.ran_at:%Y-%m-%d %H:%M} {'ok' if self.ok else 'BROKEN'}"
