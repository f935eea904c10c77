"""Numbered versions of a document and the people named to review and approve each one."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iso20k.core.models import TimeStamped, Versioned

from ..choices import OPEN_VERSION_STATUSES, SignoffDecision, SignoffKind, VersionStatus

MAX_BODY_CHARS = 200_000


class DocumentVersion(TimeStamped, Versioned):
    """One numbered version of a document: draft → in review → approved → obsolete.

    Its content is a body written in the app (Markdown, both languages) and/or an uploaded
    file. Approved versions are never edited; a change is a new version, and the one it
    replaces stays on record, marked as superseded (7.5.3: version control, retention).
    """

    document = models.ForeignKey(
        "documents.Document",
        on_delete=models.PROTECT,
        related_name="versions",
        verbose_name=_("document"),
    )
    number = models.PositiveIntegerField(_("version number"))
    status = models.CharField(
        _("status"), max_length=16, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    change_summary = models.CharField(_("what changed"), max_length=300, blank=True)
    body_en = models.TextField(_("body (English)"), blank=True)
    body_zh_hans = models.TextField(_("body (Chinese)"), blank=True)
    file = models.ForeignKey(
        "files.StoredFile",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("file"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="authored_document_versions",
        verbose_name=_("author"),
    )
    submitted_at = models.DateTimeField(_("sent for review at"), null=True, blank=True)
    return_note = models.CharField(_("why it was returned"), max_length=1000, blank=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    effective_on = models.DateField(_("effective from"), null=True, blank=True)
    next_review_on = models.DateField(_("next review due"), null=True, blank=True)
    last_reviewed_on = models.DateField(_("last periodic review"), null=True, blank=True)
    superseded_by = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("superseded by"),
    )
    obsolete_at = models.DateTimeField(_("obsolete since"), null=True, blank=True)
    search_text = models.TextField(_("search text"), editable=False, default="")

    class Meta:
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        ordering = ["document", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "number"], name="document_version_number_unique"
            ),
            models.UniqueConstraint(
                fields=["document"],
                condition=Q(status__in=OPEN_VERSION_STATUSES),
                name="document_one_open_version",
            ),
            models.CheckConstraint(
                condition=~Q(status=VersionStatus.APPROVED)
                | Q(
                    approved_at__isnull=False,
                    effective_on__isnull=False,
                    next_review_on__isnull=False,
                ),
                name="document_version_approved_has_dates",
            ),
            models.CheckConstraint(
                condition=Q(next_review_on__isnull=True)
                | Q(effective_on__isnull=True)
                | Q(next_review_on__gt=F("effective_on")),
                name="document_version_review_after_effective",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document.code} v{self.number}"

    def get_absolute_url(self) -> str:
        return reverse("documents:version-detail", args=[self.document_id, self.number])

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_VERSION_STATUSES

    @property
    def is_current(self) -> bool:
        return self.document.current_version_id == self.pk

    @property
    def has_body(self) -> bool:
        return bool(self.body_en.strip() or self.body_zh_hans.strip())


class Signoff(TimeStamped, Versioned):
    """A person named to review or approve one version, and what they decided."""

    document_version = models.ForeignKey(
        DocumentVersion,
        on_delete=models.PROTECT,
        related_name="signoffs",
        verbose_name=_("document version"),
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="document_signoffs",
        verbose_name=_("person"),
    )
    kind = models.CharField(_("role"), max_length=16, choices=SignoffKind.choices)
    decision = models.CharField(
        _("decision"),
        max_length=16,
        choices=SignoffDecision.choices,
        default=SignoffDecision.PENDING,
    )
    note = models.CharField(_("note"), max_length=1000, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("review or approval")
        verbose_name_plural = _("reviews and approvals")
        ordering = ["kind", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["document_version", "person"], name="document_signoff_one_per_person"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document_version} · {self.get_kind_display()} · {self.person}"

    def get_absolute_url(self) -> str:
        return self.document_version.get_absolute_url()
