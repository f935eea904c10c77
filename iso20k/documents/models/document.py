"""A controlled document in the register: code, tier, bilingual title, owner, what it serves."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iso20k.core.i18n import BilingualMixin
from iso20k.core.models import TimeStamped, Versioned

from ..choices import DocumentStatus, Tier
from ..querysets import DocumentQuerySet

MAX_REVIEW_INTERVAL_MONTHS = 60


class Document(BilingualMixin, TimeStamped, Versioned):
    """One entry of the document register (7.5.3): an L1–L4 document and its identity.

    The content lives in numbered versions (DocumentVersion); `current_version` is the
    approved version in force. Evidence for 7.5 and, through `required_information`, for
    the documented information each clause asks for (7.5.4).
    """

    code = models.CharField(
        _("code"),
        max_length=40,
        unique=True,
        help_text=_("A short unique identifier such as SMS-P-08; stored in capitals."),
    )
    tier = models.CharField(_("tier"), max_length=2, choices=Tier.choices)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    title_zh_hans = models.CharField(_("title (Chinese)"), max_length=200, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="owned_documents",
        verbose_name=_("owner"),
    )
    clauses = models.ManyToManyField(
        "catalogue.Clause",
        blank=True,
        related_name="documents",
        verbose_name=_("clauses and processes served"),
    )
    required_information = models.ManyToManyField(
        "catalogue.RequiredInformation",
        blank=True,
        related_name="documents",
        verbose_name=_("required documented information covered"),
    )
    review_interval_months = models.PositiveSmallIntegerField(
        _("review interval (months)"), default=12
    )
    status = models.CharField(
        _("status"), max_length=16, choices=DocumentStatus.choices, default=DocumentStatus.DRAFT
    )
    current_version = models.ForeignKey(
        "documents.DocumentVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("version in force"),
    )
    template_code = models.CharField(_("generated from template"), max_length=80, blank=True)
    retired_at = models.DateTimeField(_("made obsolete at"), null=True, blank=True)
    retired_reason = models.CharField(_("reason made obsolete"), max_length=500, blank=True)
    search_text = models.TextField(_("search text"), editable=False, default="")

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["tier", "code"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(title_en="", title_zh_hans=""), name="document_has_a_title"
            ),
            models.CheckConstraint(
                condition=Q(review_interval_months__gte=1)
                & Q(review_interval_months__lte=MAX_REVIEW_INTERVAL_MONTHS),
                name="document_review_interval_in_range",
            ),
            models.CheckConstraint(
                condition=~Q(status=DocumentStatus.APPROVED) | Q(current_version__isnull=False),
                name="document_approved_has_current_version",
            ),
            models.CheckConstraint(
                condition=~Q(status=DocumentStatus.OBSOLETE) | Q(retired_at__isnull=False),
                name="document_obsolete_has_date",
            ),
        ]
        indexes = [models.Index(fields=["status", "tier"], name="document_status_tier_idx")]

    def __str__(self) -> str:
        return f"{self.code} {self.localized('title')}"

    def get_absolute_url(self) -> str:
        return reverse("documents:document-detail", args=[self.pk])
