"""Review and approval of a version, and the periodic review of the version in force.

A named reviewer agrees or asks for changes; every named approver signs; with the last
signature the version is approved and comes into force, the previous one is kept as
superseded, and the people asked to read the document are asked again.
"""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from iso20k.core.concurrency import require_version, save_versioned
from iso20k.history import services as history

from ..choices import SignoffDecision, SignoffKind, VersionStatus
from ..models import Acknowledgement, Document, DocumentVersion, Signoff
from . import notify, reading
from .common import add_months, invalid, refresh_document_status, require_version_status
from .versions import back_to_draft

MAX_EFFECTIVE_DELAY_DAYS = 90


def _signoff_of(version: DocumentVersion, actor, kind: str) -> Signoff:
    signoff = version.signoffs.filter(person=actor, kind=kind).first()
    if signoff is None:
        if kind == SignoffKind.APPROVER:
            raise PermissionDenied(_("You are not named as an approver of this version."))
        raise PermissionDenied(_("You are not named as a reviewer of this version."))
    return signoff


def _decide(signoff: Signoff, decision: str, note: str) -> None:
    signoff.decision, signoff.note, signoff.decided_at = decision, note, timezone.now()
    save_versioned(
        signoff, fields=["decision", "note", "decided_at"], expected_version=signoff.version
    )


@transaction.atomic
def review_version(
    version: DocumentVersion,
    *,
    actor,
    expected_version: int | None,
    agree: bool,
    note: str = "",
) -> DocumentVersion:
    """A named reviewer agrees, or asks for changes (the version returns to draft).

    Event documents.documentversion.reviewed (and .returned when changes are asked).
    """
    require_version(version, expected_version)
    require_version_status(version, VersionStatus.IN_REVIEW, code="not_in_review")
    signoff = _signoff_of(version, actor, SignoffKind.REVIEWER)
    if not agree and not note.strip():
        raise invalid("note", _("Say what needs to change."), "note_required")
    _decide(signoff, SignoffDecision.ACCEPTED if agree else SignoffDecision.RETURNED, note)
    history.record(
        version,
        event="documents.documentversion.reviewed",
        actor=actor,
        data={"agree": agree, "note": note},
    )
    if not agree:
        _return(version, actor=actor, expected_version=expected_version, note=note)
    return version


def _return(version: DocumentVersion, *, actor, expected_version: int, note: str) -> None:
    back_to_draft(version, expected_version, note)
    history.record(
        version, event="documents.documentversion.returned", actor=actor, data={"note": note}
    )
    refresh_document_status(version.document)
    notify.version_returned(version, by=actor, note=note)


def _check_effective_on(effective_on: date | None, today: date) -> date:
    effective_on = effective_on or today
    if effective_on < today:
        raise invalid(
            "effective_on", _("The effective date cannot be in the past."), "effective_in_past"
        )
    if effective_on > today + timedelta(days=MAX_EFFECTIVE_DELAY_DAYS):
        raise invalid(
            "effective_on",
            _("Choose an effective date within %(days)s days."),
            "effective_too_late",
            days=MAX_EFFECTIVE_DELAY_DAYS,
        )
    return effective_on


@transaction.atomic
def approve_version(
    version: DocumentVersion,
    *,
    actor,
    expected_version: int | None,
    effective_on: date | None = None,
    note: str = "",
) -> DocumentVersion:
    """A named approver signs. With the last signature the version is approved and comes
    into force: the previous version is superseded and readers are asked again.

    Refused when the version is not in review, when the actor wrote it, or while a
    reviewer has not agreed. Events documents.documentversion.signed, .approved,
    .effective (and .superseded for the previous version).
    """
    require_version(version, expected_version)
    require_version_status(version, VersionStatus.IN_REVIEW, code="not_in_review")
    if version.author_id == actor.pk:
        raise invalid(
            "status",
            _("You wrote this version; someone else must approve it."),
            "own_version",
        )
    signoff = _signoff_of(version, actor, SignoffKind.APPROVER)
    if signoff.decision == SignoffDecision.ACCEPTED:
        raise invalid("status", _("You have already approved this version."), "already_signed")
    waiting = version.signoffs.filter(kind=SignoffKind.REVIEWER).exclude(
        decision=SignoffDecision.ACCEPTED
    )
    if waiting.exists():
        names = ", ".join(str(s.person) for s in waiting.select_related("person"))
        raise invalid(
            "status",
            _("Waiting for the reviewers to agree: %(names)s."),
            "reviews_outstanding",
            names=names,
        )
    effective_on = _check_effective_on(effective_on, timezone.localdate())
    _decide(signoff, SignoffDecision.ACCEPTED, note)
    history.record(
        version, event="documents.documentversion.signed", actor=actor, data={"note": note}
    )
    pending = version.signoffs.filter(kind=SignoffKind.APPROVER).exclude(
        decision=SignoffDecision.ACCEPTED
    )
    if not pending.exists():
        _approve(version, actor=actor, expected_version=expected_version, effective_on=effective_on)
    return version


def _approve(version: DocumentVersion, *, actor, expected_version: int, effective_on) -> None:
    """All approvers signed: approve, date it, bring it into force."""
    version.status, version.approved_at = VersionStatus.APPROVED, timezone.now()
    version.effective_on = effective_on
    version.next_review_on = add_months(effective_on, version.document.review_interval_months)
    save_versioned(
        version,
        fields=["status", "approved_at", "effective_on", "next_review_on"],
        expected_version=expected_version,
    )
    history.record(
        version,
        event="documents.documentversion.approved",
        actor=actor,
        data={"effective_on": effective_on, "next_review_on": version.next_review_on},
    )
    _bring_into_force(version, actor=actor)


def _bring_into_force(version: DocumentVersion, *, actor) -> None:
    document = Document.objects.select_for_update().get(pk=version.document_id)
    previous = document.current_version
    if previous is not None:
        previous.status, previous.obsolete_at = VersionStatus.OBSOLETE, timezone.now()
        previous.superseded_by = version
        save_versioned(
            previous,
            fields=["status", "obsolete_at", "superseded_by"],
            expected_version=previous.version,
        )
        history.record(
            previous,
            event="documents.documentversion.superseded",
            actor=actor,
            data={"superseded_by": version.number},
        )
        Acknowledgement.objects.filter(
            document_version=previous, acknowledged_at__isnull=True, cancelled_at__isnull=True
        ).update(cancelled_at=timezone.now())
    document.current_version = version
    save_versioned(document, fields=["current_version"], expected_version=document.version)
    history.record(version, event="documents.documentversion.effective", actor=actor)
    refresh_document_status(document)
    reading.ask_again(version, actor=actor)


@transaction.atomic
def reject_version(
    version: DocumentVersion, *, actor, expected_version: int | None, note: str
) -> DocumentVersion:
    """A named approver returns the version to draft, saying why.

    Events documents.documentversion.signed (as returned) and .returned.
    """
    require_version(version, expected_version)
    require_version_status(version, VersionStatus.IN_REVIEW, code="not_in_review")
    signoff = _signoff_of(version, actor, SignoffKind.APPROVER)
    if not note.strip():
        raise invalid("note", _("Say what needs to change."), "note_required")
    _decide(signoff, SignoffDecision.RETURNED, note)
    _return(version, actor=actor, expected_version=expected_version, note=note)
    return version


@transaction.atomic
def confirm_periodic_review(
    version: DocumentVersion, *, actor, expected_version: int | None, note: str = ""
) -> DocumentVersion:
    """Record that the version in force was reviewed and still fits; the next review is
    due one interval from today. Event documents.documentversion.review_confirmed.
    """
    require_version(version, expected_version)
    if not version.is_current:
        raise invalid(
            "status",
            _("Only the version in force can be confirmed after a periodic review."),
            "not_current",
        )
    today = timezone.localdate()
    before = history.snapshot(version, ["last_reviewed_on", "next_review_on"])
    version.last_reviewed_on = today
    start = max(today, version.effective_on or today)
    version.next_review_on = add_months(start, version.document.review_interval_months)
    save_versioned(
        version,
        fields=["last_reviewed_on", "next_review_on"],
        expected_version=expected_version,
    )
    history.record(
        version,
        event="documents.documentversion.review_confirmed",
        actor=actor,
        changes=history.diff(before, history.snapshot(version, list(before))),
        data={"note": note},
    )
    return version
