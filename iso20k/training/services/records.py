"""Competence records made by hand: qualifications gained elsewhere, with their evidence."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from iso20k.core.concurrency import require_version, save_versioned
from iso20k.files import services as files
from iso20k.files.choices import EVIDENCE_KINDS
from iso20k.history import services as history

from ..models import CompetenceRecord
from .rules import error, require_internal
from .sessions import _expiry

RECORD_FIELDS = ["person", "competence", "achieved_on", "expires_on", "source"]


@transaction.atomic
def record_competence(
    *, actor, person, competence, achieved_on, expires_on=None, source: str
) -> CompetenceRecord:
    """Record that someone holds a competence, e.g. an external auditor certificate.

    The expiry defaults from the competence's validity. Raises ValidationError
    (not_internal, inactive_competence, date_in_future, end_before_start, source_required).
    Event training.competencerecord.recorded.
    """
    require_internal(person, "person")
    if not competence.is_active:
        raise error("competence", _("Choose an active competence."), "inactive_competence")
    if achieved_on is None or achieved_on > timezone.localdate():
        raise error(
            "achieved_on", _("Give the date it was achieved, not a future one."), "date_in_future"
        )
    expires_on = expires_on or _expiry(competence, achieved_on)
    if expires_on is not None and expires_on < achieved_on:
        raise error("expires_on", _("It cannot expire before it was achieved."), "end_before_start")
    if not (source or "").strip():
        raise error("source", _("Say where the competence comes from."), "source_required")
    record = CompetenceRecord.objects.create(
        person=person,
        competence=competence,
        achieved_on=achieved_on,
        expires_on=expires_on,
        source=source,
        recorded_by=actor,
    )
    history.record(
        record,
        event="training.competencerecord.recorded",
        actor=actor,
        changes=history.initial(record, RECORD_FIELDS),
    )
    return record


@transaction.atomic
def withdraw_record(
    record: CompetenceRecord, *, actor, expected_version: int | None, reason: str
) -> CompetenceRecord:
    """Withdraw a record entered by mistake; it stays on file.
    Event training.competencerecord.withdrawn."""
    require_version(record, expected_version)
    if record.withdrawn_at is not None:
        raise error("reason", _("This record is already withdrawn."), "already_withdrawn")
    if not (reason or "").strip():
        raise error("reason", _("Say why the record is withdrawn."), "reason_required")
    record.withdrawn_at, record.withdrawn_reason = timezone.now(), reason
    save_versioned(
        record, fields=["withdrawn_at", "withdrawn_reason"], expected_version=expected_version
    )
    history.record(
        record, event="training.competencerecord.withdrawn", actor=actor, data={"reason": reason}
    )
    return record


@transaction.atomic
def add_record_file(record: CompetenceRecord, *, actor, upload):
    """Attach evidence (a certificate…) to a competence record.
    Event training.competencerecord.file_added."""
    stored = files.store_upload(
        upload, actor=actor, owner=record, purpose="certificate", allowed=EVIDENCE_KINDS
    )
    history.record(
        record,
        event="training.competencerecord.file_added",
        actor=actor,
        data={"file": str(stored.pk), "name": stored.original_name},
    )
    return stored
