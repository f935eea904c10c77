"""Versions of a document: draft, send for review, review, approve or return, discard.

Rules: one open version per document; an author never reviews or approves their own
version; approval needs every named reviewer's agreement and every named approver's
signature; the approved version comes into force and the one before it is kept, marked
as superseded; the people asked to read the document are asked again.
"""

import hashlib
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from iso20k.core.concurrency import require_version, save_versioned
from iso20k.files import services as files
from iso20k.files.choices import DOCUMENT_KINDS
from iso20k.history import services as history

from ..choices import (
    OPEN_VERSION_STATUSES,
    SignoffDecision,
    SignoffKind,
    VersionStatus,
)
from ..models import Acknowledgement, Document, DocumentVersion, Signoff
from ..models.version import MAX_BODY_CHARS
from ..search import version_text
from . import notify, reading
from .common import (
    add_months,
    check_internal_people,
    invalid,
    refresh_document_status,
    require_version_status,
)

MAX_EFFECTIVE_DELAY_DAYS = 90


@transaction.atomic
def start_revision(document: Document, *, actor) -> DocumentVersion:
    """Open the next version as a draft, copied from the version in force (or the latest).

    Event documents.documentversion.drafted.
    """
    if document.retired_at is not None:
        raise invalid("status", _("The document is obsolete."), "document_obsolete")
    if document.versions.filter(status__in=OPEN_VERSION_STATUSES).exists():
        raise invalid(
            "status",
            _("Version %(number)s is still open; finish or discard it first."),
            "open_version_exists",
            number=document.versions.get(status__in=OPEN_VERSION_STATUSES).number,
        )
    source = document.current_version or document.versions.order_by("-number").first()
    number = (document.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = DocumentVersion(document=document, number=number, author=actor)
    if source is not None:
        version.body_en, version.body_zh_hans = source.body_en, source.body_zh_hans
        if source.pk == document.current_version_id:
            version.file = source.file
    version.search_text = version_text(version)
    version.save()
    if source is not None:
        for signoff in source.signoffs.exclude(person=actor).select_related("person"):
            Signoff.objects.create(
                document_version=version, person=signoff.person, kind=signoff.kind
            )
    history.record(
        version,
        event="documents.documentversion.drafted",
        actor=actor,
        data={"copied_from": source.number if source else None},
    )
    refresh_document_status(document)
    return version


def _check_signers(version: DocumentVersion, reviewers, approvers) -> tuple[list, list]:
    reviewers = check_internal_people("reviewers", reviewers)
    approvers = check_internal_people("approvers", approvers)
    if version.author in approvers:
        raise invalid(
            "approvers",
            _("The author cannot approve their own version; name someone else."),
            "approver_is_author",
        )
    if version.author in reviewers:
        raise invalid(
            "reviewers",
            _("The author cannot review their own version; name someone else."),
            "reviewer_is_author",
        )
    if set(reviewers) & set(approvers):
        raise invalid(
            "approvers",
            _("Name each person once, as reviewer or as approver."),
            "signer_named_twice",
        )
    return reviewers, approvers


def _set_signers(version: DocumentVersion, kind: str, people: list) -> None:
    existing = version.signoffs.filter(kind=kind)
    existing.exclude(person__in=people).delete()
    kept = set(existing.values_list("person_id", flat=True))
    for person in people:
        if person.pk not in kept:
            Signoff.objects.create(document_version=version, person=person, kind=kind)


def _signer_names(version: DocumentVersion) -> dict:
    signoffs = version.signoffs.select_related("person").order_by("kind", "person__username")
    return {
        "reviewers": [s.person.username for s in signoffs if s.kind == SignoffKind.REVIEWER],
        "approvers": [s.person.username for s in signoffs if s.kind == SignoffKind.APPROVER],
    }


@transaction.atomic
def update_version_draft(
    version: DocumentVersion,
    *,
    actor,
    expected_version: int | None,
    upload=None,
    remove_file: bool = False,
    reviewers=None,
    approvers=None,
    **fields,
) -> DocumentVersion:
    """Edit a draft: bodies, change summary, named reviewers and approvers, the file.

    An upload is checked by content (files.services.store_upload) before anything is
    written. Events documents.documentversion.updated (and .file_attached / .file_removed).
    """
    require_version(version, expected_version)
    require_version_status(version, VersionStatus.DRAFT, code="not_draft")
    for name in ("body_en", "body_zh_hans"):
        if len(fields.get(name) or "") > MAX_BODY_CHARS:
            raise invalid(
                name,
                _("The body is limited to %(max)s characters."),
                "body_too_long",
                max=MAX_BODY_CHARS,
            )
    signers = None
    if reviewers is not None or approvers is not None:
        signers = _check_signers(
            version,
            reviewers if reviewers is not None else version_people(version, "reviewer"),
            approvers if approvers is not None else version_people(version, "approver"),
        )
    before = _draft_state(version, fields)
    stored = None
    if upload is not None:
        stored = files.store_upload(
            upload, actor=actor, owner=version, purpose="content", allowed=DOCUMENT_KINDS
        )
    for name, value in fields.items():
        setattr(version, name, value)
    written = list(fields)
    if stored is not None or (remove_file and version.file_id):
        version.file = stored
        written.append("file")
    version.search_text = version_text(version, _file_text(version))
    save_versioned(version, fields=[*written, "search_text"], expected_version=expected_version)
    if signers is not None:
        _set_signers(version, SignoffKind.REVIEWER, signers[0])
        _set_signers(version, SignoffKind.APPROVER, signers[1])
    after = _draft_state(version, fields)
    changes = history.diff(before, after)
    history.record(version, event="documents.documentversion.updated", actor=actor, changes=changes)
    if stored is not None:
        history.record(
            version,
            event="documents.documentversion.file_attached",
            actor=actor,
            data={"file": stored.original_name, "sha256": stored.sha256},
        )
    elif "file" in written:
        history.record(version, event="documents.documentversion.file_removed", actor=actor)
    return version


def _draft_state(version: DocumentVersion, fields) -> dict:
    """What history keeps of a draft edit: bodies as length and fingerprint (the text itself
    stays on the version), the summary, the people named and the file's name."""
    state = history.snapshot(version, [f for f in fields if not f.startswith("body_")])
    for name in (f for f in fields if f.startswith("body_")):
        text = getattr(version, name)
        digest = hashlib.sha256(text.encode()).hexdigest()[:12]
        state[name] = f"{len(text)} · {digest}" if text else ""
    state["file"] = version.file.original_name if version.file_id else None
    return {**state, **_signer_names(version)}


def version_people(version: DocumentVersion, kind: str) -> list:
    return [s.person for s in version.signoffs.filter(kind=kind).select_related("person")]


def _file_text(version: DocumentVersion) -> str:
    from ..rendering import file_text

    return file_text(version.file) if version.file_id else ""


@transaction.atomic
def submit_version(
    version: DocumentVersion, *, actor, expected_version: int | None
) -> DocumentVersion:
    """Send a draft to its named reviewers and approvers, who are notified by e-mail.

    Event documents.documentversion.submitted.
    """
    require_version(version, expected_version)
    require_version_status(version, VersionStatus.DRAFT, code="not_draft")
    if not version.has_body and version.file_id is None:
        raise invalid(
            "body_en",
            _("Write the body or attach a file before sending the version for review."),
            "content_required",
        )
    if not version.change_summary.strip():
        raise invalid(
            "change_summary", _("Say what changed in this version."), "change_summary_required"
        )
    approvers = version_people(version, SignoffKind.APPROVER)
    if not approvers:
        raise invalid("approvers", _("Name at least one approver."), "approver_required")
    _check_signers(version, version_people(version, SignoffKind.REVIEWER), approvers)
    version.signoffs.update(decision=SignoffDecision.PENDING, decided_at=None, note="")
    version.status, version.submitted_at, version.return_note = (
        VersionStatus.IN_REVIEW,
        timezone.now(),
        "",
    )
    save_versioned(
        version,
        fields=["status", "submitted_at", "return_note"],
        expected_version=expected_version,
    )
    history.record(
        version,
        event="documents.documentversion.submitted",
        actor=actor,
        data=_signer_names(version),
    )
    refresh_document_status(version.document)
    notify.review_requested(version)
    return version


@transaction.atomic
def withdraw_version(
    version: DocumentVersion, *, actor, expected_version: int | None
) -> DocumentVersion:
    """Take a version out of review, back to draft. Event documents.documentversion.withdrawn."""
    require_version(version, expected_version)
    require_version_status(version, VersionStatus.IN_REVIEW, code="not_in_review")
    _back_to_draft(version, expected_version, note="")
    history.record(version, event="documents.documentversion.withdrawn", actor=actor)
    refresh_document_status(version.document)
    return version


def _back_to_draft(version: DocumentVersion, expected_version: int, note: str) -> None:
    version.status, version.submitted_at, version.return_note = VersionStatus.DRAFT, None, note
    save_versioned(
        version,
        fields=["status", "submitted_at", "return_note"],
        expected_version=expected_version,
    )


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
    _back_to_draft(version, expected_version, note)
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
    today = timezone.localdate()
    effective_on = _check_effective_on(effective_on, today)
    _decide(signoff, SignoffDecision.ACCEPTED, note)
    history.record(
        version, event="documents.documentversion.signed", actor=actor, data={"note": note}
    )
    pending = version.signoffs.filter(kind=SignoffKind.APPROVER).exclude(
        decision=SignoffDecision.ACCEPTED
    )
    if pending.exists():
        return version
    document = version.document
    version.status, version.approved_at = VersionStatus.APPROVED, timezone.now()
    version.effective_on = effective_on
    version.next_review_on = add_months(effective_on, document.review_interval_months)
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
    return version


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
def discard_version(
    version: DocumentVersion, *, actor, expected_version: int | None, reason: str
) -> DocumentVersion:
    """Abandon a draft; it stays on record as obsolete. Event .discarded."""
    require_version(version, expected_version)
    require_version_status(version, VersionStatus.DRAFT, code="not_draft")
    if not reason.strip():
        raise invalid("reason", _("Say why the draft is discarded."), "reason_required")
    version.status, version.obsolete_at = VersionStatus.OBSOLETE, timezone.now()
    save_versioned(version, fields=["status", "obsolete_at"], expected_version=expected_version)
    history.record(
        version,
        event="documents.documentversion.discarded",
        actor=actor,
        data={"reason": reason},
    )
    refresh_document_status(version.document)
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
