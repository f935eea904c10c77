"""Abstract bases shared by every tracked model, and the scheduler's bookkeeping table.

TimeStamped keeps the system time a row entered the database (stamped by the database,
never by the client or an importer); Versioned carries the optimistic-lock counter used by
core.concurrency.save_versioned.
"""

from django.db import models
from django.db.models.functions import Now
from django.utils.translation import gettext_lazy as _


class TimeStamped(models.Model):
    """System times of a row: when it entered the database and when it last changed."""

    created_at = models.DateTimeField(_("created at"), db_default=Now(), editable=False)
    updated_at = models.DateTimeField(_("updated at"), db_default=Now(), editable=False)

    class Meta:
        abstract = True


class Versioned(models.Model):
    """Optimistic-lock counter: starts at 1 and grows by one on every service write."""

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True


class ScheduledJob(models.Model):
    """When a periodic task (registered in core.scheduling) is next due.

    The scheduler claims a due job with a conditional UPDATE, so several schedulers on
    several machines never enqueue the same run twice.
    """

    name = models.CharField(_("name"), max_length=100, primary_key=True)
    next_run_at = models.DateTimeField(_("next run at"))
    last_enqueued_at = models.DateTimeField(_("last enqueued at"), null=True, blank=True)

    class Meta:
        verbose_name = _("scheduled job")
        verbose_name_plural = _("scheduled jobs")

    def __str__(self) -> str:
        return self.name


class SearchEntry(models.Model):
    """The searchable text of one record (a ticket with its comments, a known error…).

    Written only through core.search.index(). `body` is the normalised text (NFKC, case
    folded, whitespace collapsed), searched by substring; `tokens` holds its words and the
    overlapping character pairs of Chinese text, space-padded, so that two-character
    queries (most Chinese words) are found by an index too. PostgreSQL indexes both with
    pg_trgm GIN indexes; SQLite mirrors them into an FTS5 trigram table (migration 0003).
    """

    object_type = models.CharField(_("object type"), max_length=64)
    object_id = models.BigIntegerField(_("object id"))
    body = models.TextField(_("text"))
    tokens = models.TextField(_("tokens"))

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=["object_type", "object_id"], name="search_entry_unique")
        ]

    def __str__(self) -> str:
        return f"{self.object_type}#{self.object_id}"
