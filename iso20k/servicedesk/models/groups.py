"""Support groups: the teams that work tickets, their members and their manager."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iso20k.core.i18n import BilingualMixin, name_or_code
from iso20k.core.models import TimeStamped, Versioned


class SupportGroup(BilingualMixin, TimeStamped, Versioned):
    """A team that resolves incidents, fulfils requests or investigates problems
    (8.6.1–8.6.3), with the agents who belong to it and the manager that hierarchical
    escalations go to. Evidence for 5.3 (who is responsible for which tickets)."""

    code = models.SlugField(
        _("code"),
        max_length=40,
        unique=True,
        help_text=_("Short, permanent identifier, e.g. network-ops."),
    )
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    name_zh_hans = models.CharField(_("name (Chinese)"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    email = models.EmailField(_("team e-mail"), blank=True)
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="managed_support_groups",
        verbose_name=_("manager"),
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="support_groups",
        verbose_name=_("members"),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("support group")
        verbose_name_plural = _("support groups")
        ordering = ["-is_active", "code"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(name_en="", name_zh_hans=""), name="support_group_has_a_name"
            ),
        ]

    def __str__(self) -> str:
        return name_or_code(self)

    def get_absolute_url(self) -> str:
        return reverse("servicedesk:group-detail", args=[self.code])
