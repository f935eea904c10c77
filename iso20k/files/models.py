"""Stored files: uploaded evidence, certificates and document content, kept as records.

A file belongs to an owner record in another app (owner_type + owner_id); whoever may see
the owner may download the file (see access.py). Files are withdrawn, never deleted.
"""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iso20k.core.models import TimeStamped

from .choices import CONTENT_TYPES, FileKind


def storage_path(instance: "StoredFile", filename: str) -> str:
    # The stored name is generated: nothing the uploader chose reaches the file system.
    return f"files/{instance.id.hex[:2]}/{instance.id.hex}"


class StoredFile(TimeStamped):
    """One uploaded file, recognised by content, with its checksum and owner."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    file = models.FileField(_("file"), upload_to=storage_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=8, choices=FileKind.choices)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    owner_type = models.CharField(_("owner type"), max_length=100)
    owner_id = models.CharField(_("owner id"), max_length=64)
    purpose = models.CharField(_("purpose"), max_length=40)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_reason = models.CharField(_("reason for withdrawal"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("stored file")
        verbose_name_plural = _("stored files")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["owner_type", "owner_id"], name="files_owner_idx")]

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("files:download", args=[self.pk])

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.kind]
