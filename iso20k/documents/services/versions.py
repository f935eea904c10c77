"""Drafts of a document: start the next version, edit it, send it for review, withdraw
it, discard it. One version is open at a time; an author never reviews or approves their
own version. Review and approval are in approval.py.
"""

import hashlib

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
from ..models import Document, DocumentVersion, Signoff
from ..models.version import MAX_BODY_CHARS
from ..search import version_text
from . import notify
from .common import (
    check_internal_people,
    invalid,
    refresh_document_status,
    require_version_status,
)


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
    _check_bodies(fields)
    signers = _requested_signers(version, reviewers, approvers)
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
    changes = history.diff(before, _draft_state(version, fields))
    history.record(version, event="documents.documentversion.updated", actor=actor, changes=changes)
    _record_file_change(version, actor, stored, removed="file" in written and stored is None)
    return version


def _requested_signers(version: DocumentVersion, reviewers, approvers) -> tuple | None:
    """The reviewers and approvers to name (None: leave them as they are), checked."""
    if reviewers is None and approvers is None:
        return None
    return _check_signers(
        version,
        reviewers if reviewers is not None else version_people(version, SignoffKind.REVIEWER),
        approvers if approvers is not None else version_people(version, SignoffKind.APPROVER),
    )


def _record_file_change(version: DocumentVersion, actor, stored, *, removed: bool) -> None:
    if stored is not None:
        history.record(
            version,
            event="documents.documentversion.file_attached",
            actor=actor,
            data={"file": stored.original_name, "sha256": stored.sha256},
        )
    elif removed:
        history.record(version, event="documents.documentversion.file_removed", actor=actor)


def _check_bodies(fields: dict) -> None:
    for name in ("body_en", "body_zh_hans"):
        if len(fields.get(name) or "") > MAX_BODY_CHARS:
            raise invalid(
                name,
                _("The body is limited to %(max)s characters."),
                "body_too_long",
                max=MAX_BODY_CHARS,
            )


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
    back_to_draft(version, expected_version, note="")
    history.record(version, event="documents.documentversion.withdrawn", actor=actor)
    refresh_document_status(version.document)
    return version


def back_to_draft(version: DocumentVersion, expected_version: int, note: str) -> None:
    version.status, version.submitted_at, version.return_note = VersionStatus.DRAFT, None, note
    save_versioned(
        version,
        fields=["status", "submitted_at", "return_note"],
        expected_version=expected_version,
    )


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
