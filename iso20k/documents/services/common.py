"""Checks and helpers shared by the document services (not a public entry point)."""

import calendar
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from iso20k.accounts import access as accounts
from iso20k.core.concurrency import save_versioned

from ..models import Document, DocumentVersion
from ..models.document import MAX_REVIEW_INTERVAL_MONTHS


def invalid(field: str, message: str, code: str, /, **params) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code, params=params or None)})


def add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def check_review_interval(months: int | None) -> None:
    if months is None or months < 1:
        raise invalid(
            "review_interval_months",
            _("A review interval must be at least one month."),
            "review_interval_too_short",
        )
    if months > MAX_REVIEW_INTERVAL_MONTHS:
        raise invalid(
            "review_interval_months",
            _("Review each document at least every %(max)s months."),
            "review_interval_too_long",
            max=MAX_REVIEW_INTERVAL_MONTHS,
        )


def check_internal_people(field: str, people) -> list:
    people = list(people)
    for person in people:
        if not person.is_active or not accounts.is_internal(person):
            raise invalid(
                field,
                _("%(person)s is not an active member of the organisation."),
                "person_not_internal",
                person=str(person),
            )
    return people


def require_version_status(version: DocumentVersion, *allowed: str, code: str) -> None:
    if version.status not in allowed:
        messages = {
            "not_draft": _("Only a draft can be changed; this version is “%(status)s”."),
            "not_in_review": _("This version is not in review; it is “%(status)s”."),
        }
        raise invalid("status", messages[code], code, status=str(version.get_status_display()))


def refresh_document_status(document: Document) -> Document:
    """Recompute the register status from the versions (inside the caller's transaction)."""
    from ..choices import DocumentStatus, VersionStatus

    document = Document.objects.select_for_update().get(pk=document.pk)
    if document.retired_at is not None:
        status = DocumentStatus.OBSOLETE
    elif document.current_version_id is not None:
        status = DocumentStatus.APPROVED
    elif document.versions.filter(status=VersionStatus.IN_REVIEW).exists():
        status = DocumentStatus.IN_REVIEW
    else:
        status = DocumentStatus.DRAFT
    if status != document.status:
        document.status = status
        save_versioned(document, fields=["status"], expected_version=document.version)
    return document
