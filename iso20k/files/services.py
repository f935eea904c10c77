"""Store and withdraw files. Every upload is checked by content before anything is written.

store_upload() raises ValidationError (coded, per field "file") when the upload is too
large, unsafe or not what it claims; otherwise it saves the file under a generated name and
records history. Files are withdrawn with a reason, never deleted.
"""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from iso20k.history import services as history

from . import owners
from .inspection import inspect_upload
from .models import StoredFile


@transaction.atomic
def store_upload(
    upload: UploadedFile,
    *,
    actor,
    owner: models.Model,
    purpose: str,
    allowed: frozenset[str],
    field: str = "file",
) -> StoredFile:
    """Check and keep an uploaded file for `owner`. Event files.storedfile.uploaded."""
    owner_type = owner._meta.label_lower
    if not owners.is_registered(owner_type):
        raise ValueError(f"{owner_type} is not registered as a file owner")
    try:
        inspection = inspect_upload(upload, allowed=allowed)
    except ValidationError as exc:
        raise ValidationError({field: exc.error_list}) from None
    stored = StoredFile(
        original_name=(upload.name or "file")[:255],
        kind=inspection.kind,
        size=inspection.size,
        sha256=inspection.sha256,
        owner_type=owner_type,
        owner_id=str(owner.pk),
        purpose=purpose,
        uploaded_by=actor,
    )
    stored.file.save(stored.id.hex, upload, save=False)
    stored.save()
    history.record(
        stored,
        event="files.storedfile.uploaded",
        actor=actor,
        data={
            "owner": f"{owner_type}:{owner.pk}",
            "purpose": purpose,
            "sha256": inspection.sha256,
            "size": inspection.size,
            "kind": inspection.kind,
        },
    )
    return stored


@transaction.atomic
def withdraw_file(stored: StoredFile, *, actor, reason: str) -> StoredFile:
    """Hide a file from its owner's lists; it stays stored for the record."""
    if not reason.strip():
        raise ValidationError(
            {"reason": ValidationError(_("Say why the file is withdrawn."), code="reason_required")}
        )
    StoredFile.objects.filter(pk=stored.pk).update(
        withdrawn_at=timezone.now(), withdrawn_reason=reason
    )
    stored.refresh_from_db()
    history.record(stored, event="files.storedfile.withdrawn", actor=actor, data={"reason": reason})
    return stored


def files_of(owner: models.Model, purpose: str | None = None):
    files = StoredFile.objects.filter(
        owner_type=owner._meta.label_lower, owner_id=str(owner.pk), withdrawn_at__isnull=True
    ).select_related("uploaded_by")
    return files.filter(purpose=purpose) if purpose else files
