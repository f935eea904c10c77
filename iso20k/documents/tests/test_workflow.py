"""Version workflow rules, each pass and fail case sharing its setup."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from iso20k.core.errors import ConflictError
from iso20k.documents import services
from iso20k.documents.models import Document, DocumentVersion
from iso20k.history.models import ChangeRecord

pytestmark = pytest.mark.django_db


def codes(exc: ValidationError) -> dict[str, list[str]]:
    return {field: [e.code for e in errors] for field, errors in exc.error_dict.items()}


def test_a_reviewed_version_is_approved_and_comes_into_force(
    lead, manager, internal_auditor, make_document, send_for_review
):
    document = make_document(lead)
    version = send_for_review(document, lead, approvers=[manager], reviewers=[internal_auditor])
    assert version.status == "in_review"
    version = services.review_version(
        version, actor=internal_auditor, expected_version=version.version, agree=True
    )
    version = services.approve_version(version, actor=manager, expected_version=version.version)
    document.refresh_from_db()
    assert version.status == "approved"
    assert document.status == "approved" and document.current_version == version
    assert version.effective_on == timezone.localdate()
    assert version.next_review_on > version.effective_on
    events = list(ChangeRecord.objects.for_object(version).values_list("event", flat=True))
    assert "documents.documentversion.approved" in events
    assert "documents.documentversion.effective" in events
