"""Saved filters of the agent's workspace: a named query string, private or shared."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iso20k.core.models import TimeStamped

from ..choices import DeskKind


class SavedFilter(TimeStamped):
    """A queue filter an agent named (status, priority, group, search…) to reopen in one
    click; shared filters appear for every agent. The query string is the same one a
    filtered URL carries, so a filter can also be passed around as a link."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="saved_filters",
        verbose_name=_("owner"),
    )
    kind = models.CharField(_("tickets"), max_length=16, choices=DeskKind.choices)
    name = models.CharField(_("name"), max_length=100)
    query = models.CharField(_("filter"), max_length=1000)
    is_shared = models.BooleanField(_("shared with every agent"), default=False)

    class Meta:
        verbose_name = _("saved filter")
        verbose_name_plural = _("saved filters")
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "kind", "name"], name="saved_filter_name_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from ..kinds import for_desk

        return f"{reverse(for_desk(self.kind).list_url)}?{self.query}"
