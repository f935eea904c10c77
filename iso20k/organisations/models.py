"""The organisation that runs the SMS, its sites, and the SMS scope statement (clause 4.3).

The scope statement is versioned: each version is drafted by the certification lead and
approved by top management; approving one supersedes the previous approved version.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iso20k.core.i18n import BilingualMixin
from iso20k.core.models import TimeStamped, Versioned

from .choices import OPEN_SCOPE_STATUSES, ScopeStatus


class Organisation(BilingualMixin, TimeStamped, Versioned):
    """The organisation whose service management system is being certified (one row)."""

    singleton = models.BooleanField(default=True, editable=False, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    name_zh_hans = models.CharField(_("name (Chinese)"), max_length=200, blank=True)
    licence_number = models.CharField(
        _("business licence number"),
        max_length=64,
        blank=True,
        help_text=_("In mainland China, the 18-character unified social credit code."),
    )
    address_en = models.CharField(_("address (English)"), max_length=300, blank=True)
    address_zh_hans = models.CharField(_("address (Chinese)"), max_length=300, blank=True)
    website = models.URLField(_("website"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.CheckConstraint(condition=Q(singleton=True), name="organisation_single_row"),
            models.CheckConstraint(
                condition=~Q(name_en="", name_zh_hans=""), name="organisation_has_a_name"
            ),
        ]

    def __str__(self) -> str:
        return self.localized("name")

    def get_absolute_url(self) -> str:
        return reverse("organisations:overview")


class Site(BilingualMixin, TimeStamped, Versioned):
    """A location of the organisation; those in scope appear in the scope statement."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="sites", verbose_name=_("organisation")
    )
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    name_zh_hans = models.CharField(_("name (Chinese)"), max_length=200, blank=True)
    address_en = models.CharField(_("address (English)"), max_length=300, blank=True)
    address_zh_hans = models.CharField(_("address (Chinese)"), max_length=300, blank=True)
    in_scope = models.BooleanField(_("in the SMS scope"), default=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("site")
        verbose_name_plural = _("sites")
        ordering = ["-is_active", "name_en", "name_zh_hans"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(name_en="", name_zh_hans=""), name="site_has_a_name"
            ),
        ]

    def __str__(self) -> str:
        return self.localized("name")

    def get_absolute_url(self) -> str:
        return reverse("organisations:site-edit", args=[self.pk])


class ScopeStatement(BilingualMixin, TimeStamped, Versioned):
    """One version of the SMS scope (4.3): services, locations and boundaries covered.

    Evidence for 4.3 and 7.5.4 (the scope is documented information). Approved by top
    management; the approval (who, when, note) is on the row and in history.
    """

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="scope_statements",
        verbose_name=_("organisation"),
    )
    number = models.PositiveIntegerField(_("version number"))
    status = models.CharField(
        _("status"), max_length=16, choices=ScopeStatus.choices, default=ScopeStatus.DRAFT
    )
    statement_en = models.TextField(_("scope statement (English)"), blank=True)
    statement_zh_hans = models.TextField(_("scope statement (Chinese)"), blank=True)
    services_en = models.TextField(_("services covered (English)"), blank=True)
    services_zh_hans = models.TextField(_("services covered (Chinese)"), blank=True)
    boundaries_en = models.TextField(_("boundaries and interfaces (English)"), blank=True)
    boundaries_zh_hans = models.TextField(_("boundaries and interfaces (Chinese)"), blank=True)
    sites = models.ManyToManyField(
        Site, blank=True, related_name="scope_statements", verbose_name=_("sites")
    )
    change_summary = models.CharField(_("what changed"), max_length=300, blank=True)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("drafted by"),
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.CharField(_("decision note"), max_length=500, blank=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)

    class Meta:
        verbose_name = _("scope statement")
        verbose_name_plural = _("scope statements")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "number"], name="scope_number_unique"),
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(status__in=OPEN_SCOPE_STATUSES),
                name="scope_one_open_draft",
            ),
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(status=ScopeStatus.APPROVED),
                name="scope_one_approved",
            ),
            models.CheckConstraint(
                condition=~Q(status=ScopeStatus.APPROVED) | Q(approved_at__isnull=False),
                name="scope_approved_has_date",
            ),
        ]

    def __str__(self) -> str:
        return str(_("Scope statement v%(number)s") % {"number": self.number})

    def get_absolute_url(self) -> str:
        return reverse("organisations:scope-detail", args=[self.number])
