"""The document register: register, describe and retire documents.

Each function checks its rules, writes the version-checked row, records history and
returns the document. Raises ValidationError (field-keyed, coded), ConflictError or
PermissionDenied. Versions and their workflow are in versions.py; reading in reading.py.
"""

import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from iso20k.catalogue.models import Clause, RequiredInformation
from iso20k.core.concurrency import require_version, save_versioned
from iso20k.history import services as history

from .. import access
from ..choices import OPEN_VERSION_STATUSES, Tier, VersionStatus
from ..models import Acknowledgement, Document, DocumentVersion
from ..search import document_text, version_text
from .common import check_internal_people, check_review_interval, invalid

CODE_SHAPE = re.compile(r"^[A-Z0-9][A-Z0-9._/-]{0,39}$")
DOCUMENT_FIELDS = [
    "code",
    "tier",
    "title_en",
    "title_zh_hans",
    "owner",
    "review_interval_months",
    "clauses",
    "required_information",
]


def _readable(document: Document, fields) -> dict:
    """Field values as history shows them: clause numbers, item codes and user names, not ids."""
    values = history.snapshot(document, [f for f in fields if f not in RELATED])
    for name in (f for f in fields if f in RELATED):
        values[name] = RELATED[name](document)
    return values


RELATED = {
    "owner": lambda d: d.owner.username,
    "clauses": lambda d: sorted(d.clauses.values_list("number", flat=True)),
    "required_information": lambda d: sorted(d.required_information.values_list("code", flat=True)),
}


def normalise_code(code: str) -> str:
    return (code or "").strip().upper()


def _check_code(code: str, *, exclude: int | None = None) -> str:
    code = normalise_code(code)
    if not CODE_SHAPE.match(code):
        raise invalid(
            "code",
            _("Use 1–40 capital letters, digits, dots, dashes or slashes, e.g. SMS-P-08."),
            "code_invalid",
        )
    clash = Document.objects.filter(code=code).exclude(pk=exclude)
    if clash.exists():
        raise invalid(
            "code",
            _("The code %(code)s is already used by another document."),
            "duplicate_code",
            code=code,
        )
    return code


def _check_fields(fields: dict, *, actor, clauses_changed: bool = True) -> None:
    if (
        not (fields.get("title_en") or "").strip()
        and not (fields.get("title_zh_hans") or "").strip()
    ):
        raise invalid("title_en", _("Give a title in at least one language."), "title_required")
    if fields.get("tier") not in Tier.values:
        raise invalid("tier", _("Choose one of the four tiers."), "tier_invalid")
    check_review_interval(fields.get("review_interval_months"))
    check_internal_people("owner", [fields["owner"]])
    clauses = list(fields.get("clauses") or [])
    if any(not clause.is_current for clause in clauses):
        raise invalid("clauses", _("Choose clauses of the current catalogue."), "clause_unknown")
    if any(not item.is_current for item in fields.get("required_information") or []):
        raise invalid(
            "required_information",
            _("Choose items of the current catalogue."),
            "required_information_unknown",
        )
    if clauses_changed:
        _check_process_scope(actor, clauses)


def _check_process_scope(actor, clauses: list[Clause]) -> None:
    """A process owner drafts documents for their own process, and only for it."""
    if access.can_manage(actor) or access.reads_everything(actor):
        return
    scopes = access.process_scopes(actor)
    if not clauses or any(not access.clause_in_scopes(c.number, scopes) for c in clauses):
        raise invalid(
            "clauses",
            _("As a process owner, choose only clauses of your process (%(scopes)s)."),
            "clause_outside_scope",
            scopes=", ".join(sorted(scopes)) or "—",
        )


@transaction.atomic
def create_document(
    *,
    actor,
    code: str,
    tier: str,
    owner,
    title_en: str = "",
    title_zh_hans: str = "",
    clauses=(),
    required_information=(),
    review_interval_months: int = 12,
    template_code: str = "",
    body_en: str = "",
    body_zh_hans: str = "",
    change_summary: str = "",
) -> Document:
    """Register a document with its first version, a draft written by `actor`.

    Events documents.document.created and documents.documentversion.drafted.
    """
    fields = {
        "tier": tier,
        "owner": owner,
        "title_en": title_en.strip(),
        "title_zh_hans": title_zh_hans.strip(),
        "review_interval_months": review_interval_months,
        "clauses": list(clauses),
        "required_information": list(required_information),
    }
    _check_fields(fields, actor=actor)
    code = _check_code(code)
    try:
        with transaction.atomic():
            document = Document.objects.create(
                code=code,
                template_code=template_code,
                search_text="",
                **{k: v for k, v in fields.items() if k not in {"clauses", "required_information"}},
            )
    except IntegrityError:
        raise invalid(
            "code", _("The code %(code)s is already used."), "duplicate_code", code=code
        ) from None
    document.clauses.set(fields["clauses"])
    document.required_information.set(fields["required_information"])
    Document.objects.filter(pk=document.pk).update(search_text=document_text(document))
    history.record(
        document,
        event="documents.document.created",
        actor=actor,
        changes={
            name: [None, value] for name, value in _readable(document, DOCUMENT_FIELDS).items()
        },
    )
    version = DocumentVersion(
        document=document,
        number=1,
        author=actor,
        body_en=body_en,
        body_zh_hans=body_zh_hans,
        change_summary=change_summary or _("First issue"),
    )
    version.search_text = version_text(version)
    version.save()
    history.record(version, event="documents.documentversion.drafted", actor=actor)
    document.refresh_from_db()
    return document


@transaction.atomic
def update_document(
    document: Document, *, actor, expected_version: int | None, **fields
) -> Document:
    """Change the code, titles, tier, owner, clauses, covered items or review interval.

    Event documents.document.updated.
    """
    require_version(document, expected_version)
    merged = {
        name: fields.get(name, getattr(document, name))
        for name in DOCUMENT_FIELDS
        if name not in {"clauses", "required_information", "code"}
    }
    merged["clauses"] = list(fields.get("clauses", document.clauses.all()))
    merged["required_information"] = list(
        fields.get("required_information", document.required_information.all())
    )
    changed = "clauses" in fields and {c.pk for c in merged["clauses"]} != set(
        document.clauses.values_list("pk", flat=True)
    )
    _check_fields(merged, actor=actor, clauses_changed=changed)
    if "code" in fields:
        fields["code"] = _check_code(fields["code"], exclude=document.pk)
    before = _readable(document, list(fields))
    plain = {k: v for k, v in fields.items() if k not in {"clauses", "required_information"}}
    for name, value in plain.items():
        setattr(document, name, value)
    document.search_text = document_text(document)
    save_versioned(document, fields=[*plain, "search_text"], expected_version=expected_version)
    if "clauses" in fields:
        document.clauses.set(fields["clauses"])
    if "required_information" in fields:
        document.required_information.set(fields["required_information"])
    document.refresh_from_db()
    changes = history.diff(before, _readable(document, list(fields)))
    history.record(document, event="documents.document.updated", actor=actor, changes=changes)
    return document


@transaction.atomic
def retire_document(
    document: Document, *, actor, expected_version: int | None, reason: str
) -> Document:
    """Make the whole document obsolete: its version in force is withdrawn from use and
    nobody is asked to read it any more. Refused while a version is open.

    Events documents.document.retired and documents.documentversion.withdrawn_from_use.
    """
    from ..choices import DocumentStatus

    require_version(document, expected_version)
    if document.retired_at is not None:
        raise invalid("status", _("The document is already obsolete."), "already_obsolete")
    if not reason.strip():
        raise invalid("reason", _("Say why the document is no longer needed."), "reason_required")
    if document.versions.filter(status__in=OPEN_VERSION_STATUSES).exists():
        raise invalid(
            "status",
            _("A version is still open; discard or finish it first."),
            "open_version_exists",
        )
    now = timezone.now()
    current = document.current_version
    if current is not None:
        current.status, current.obsolete_at = VersionStatus.OBSOLETE, now
        save_versioned(current, fields=["status", "obsolete_at"], expected_version=current.version)
        history.record(current, event="documents.documentversion.withdrawn_from_use", actor=actor)
        Acknowledgement.objects.filter(
            document_version=current, acknowledged_at__isnull=True, cancelled_at__isnull=True
        ).update(cancelled_at=now)
    document.status, document.retired_at, document.retired_reason = (
        DocumentStatus.OBSOLETE,
        now,
        reason.strip(),
    )
    document.current_version = None
    save_versioned(
        document,
        fields=["status", "retired_at", "retired_reason", "current_version"],
        expected_version=expected_version,
    )
    history.record(
        document, event="documents.document.retired", actor=actor, data={"reason": reason}
    )
    return document


def required_information_for(codes) -> list[RequiredInformation]:
    """Current catalogue items by code (unknown codes raise ValidationError)."""
    codes = list(codes)
    found = {i.code: i for i in RequiredInformation.objects.filter(code__in=codes, is_current=True)}
    missing = [c for c in codes if c not in found]
    if missing:
        raise ValidationError(
            {
                "required_information": ValidationError(
                    _("Unknown documented information: %(codes)s."),
                    code="required_information_unknown",
                    params={"codes": ", ".join(missing)},
                )
            }
        )
    return [found[c] for c in codes]
