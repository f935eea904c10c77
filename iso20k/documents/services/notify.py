"""E-mail sent by the document workflow, queued inside the caller's transaction.

Each message carries a dedupe key, so a person hears about one request (and one
reminder) once per version, even when a task runs twice.
"""

from django.conf import settings

from iso20k.notifications.services import queue_email


def _link(obj) -> str:
    return settings.SITE_URL.rstrip("/") + obj.get_absolute_url()


def _document_context(version) -> dict:
    document = version.document
    return {
        "code": document.code,
        "title_en": document.title_en or document.title_zh_hans,
        "title_zh_hans": document.title_zh_hans or document.title_en,
        "number": version.number,
        "link": _link(version),
    }


def review_requested(version) -> None:
    stamp = int(version.submitted_at.timestamp())
    for signoff in version.signoffs.select_related("person"):
        queue_email(
            recipient=signoff.person,
            template="document_review_requested",
            context={**_document_context(version), "kind": signoff.kind},
            dedupe_key=f"documents.review:{signoff.pk}:{stamp}",
        )


def version_returned(version, *, by, note: str) -> None:
    queue_email(
        recipient=version.author,
        template="document_returned",
        context={**_document_context(version), "by": str(by), "note": note},
    )


def read_requested(acknowledgement) -> None:
    queue_email(
        recipient=acknowledgement.person,
        template="document_read_requested",
        context={
            **_document_context(acknowledgement.document_version),
            "due_on": acknowledgement.due_on.isoformat(),
        },
        dedupe_key=f"documents.read-request:{acknowledgement.pk}",
    )


def read_overdue(acknowledgement):
    return queue_email(
        recipient=acknowledgement.person,
        template="document_read_reminder",
        context={
            **_document_context(acknowledgement.document_version),
            "due_on": acknowledgement.due_on.isoformat(),
        },
        dedupe_key=f"documents.read-reminder:{acknowledgement.pk}",
    )
