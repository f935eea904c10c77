"""Evidence checks on documented information: data that passes and fails, figures and records."""

from datetime import timedelta

import pytest
from django.utils import timezone

from iso20k.accounts.tests.factories import UserFactory
from iso20k.documents.models import Acknowledgement
from iso20k.evidence.results import Status
from iso20k.evidence.testing import outcome

from .factories import DocumentFactory, DocumentVersionFactory

pytestmark = pytest.mark.django_db
POLICY = "documents.required.service-management-policy"


def policy_document(catalogue):
    from iso20k.catalogue.models import RequiredInformation

    document = DocumentFactory(code="SMS-L1-02")
    document.required_information.add(
        RequiredInformation.objects.get(code="service-management-policy")
    )
    return document


def approved(document, number, when, review_in_days=365):
    return DocumentVersionFactory(
        document=document,
        number=number,
        status="approved",
        created_at=when - timedelta(days=1),
        approved_at=when,
        effective_on=when.date(),
        next_review_on=(when + timedelta(days=review_in_days)).date(),
    )


def test_a_required_document_nobody_wrote_fails_and_points_at_the_requirement(catalogue):
    result = outcome(POLICY)
    assert result.status == Status.FAIL
    assert result.refs == [
        ["catalogue.requiredinformation", "service-management-policy", "Service management policy"]
    ]


def test_only_a_draft_is_a_warning_naming_the_draft(catalogue):
    version = DocumentVersionFactory(document=policy_document(catalogue), status="draft")
    result = outcome(POLICY)
    assert result.status == Status.WARNING and result.params == {"drafts": 1}
    assert result.refs[0][:2] == ["documents.documentversion", str(version.pk)]


def test_an_approved_version_passes_with_its_figures(catalogue):
    version = approved(policy_document(catalogue), 1, timezone.now() - timedelta(days=3))
    result = outcome(POLICY)
    assert result.status == Status.PASS
    assert result.params["document"] == "SMS-L1-02" and result.params["version"] == 1
    assert result.refs[0][1] == str(version.pk)


def test_as_of_a_date_the_version_then_in_force_counts(catalogue):
    document = policy_document(catalogue)
    now = timezone.now()
    approved(document, 1, now - timedelta(days=60))
    approved(document, 2, now - timedelta(days=10))
    assert outcome(POLICY, at=now - timedelta(days=30)).params["version"] == 1
    assert outcome(POLICY).params["version"] == 2
    assert outcome(POLICY, at=now - timedelta(days=90)).status == Status.FAIL


@pytest.mark.parametrize(
    ("days_late", "status"), [(-5, Status.PASS), (10, Status.WARNING), (45, Status.FAIL)]
)
def test_periodic_reviews(catalogue, days_late, status):
    now = timezone.now()
    version = approved(
        DocumentFactory(), 1, now - timedelta(days=400), review_in_days=400 - days_late
    )
    result = outcome("documents.reviews-on-time")
    assert result.status == status
    if status != Status.PASS:
        assert result.refs[0][1] == str(version.pk) and result.params["overdue"] == 1


def test_readings_not_confirmed_by_their_due_date(catalogue):
    version = approved(DocumentFactory(), 1, timezone.now() - timedelta(days=30))
    past = (timezone.now() - timedelta(days=5)).date()
    for n in range(4):
        Acknowledgement.objects.create(
            document_version=version,
            person=UserFactory(username=f"p{n}"),
            due_on=past,
            acknowledged_at=timezone.now() if n else None,
        )
    result = outcome("documents.read-by-assignees")
    assert result.status == Status.FAIL
    assert result.params == {"due": 4, "overdue": 1, "confirmed": 3, "share": 25.0}
    assert len(result.refs) == 1


def test_the_summary_lists_every_missing_required_document(catalogue):
    approved(policy_document(catalogue), 1, timezone.now() - timedelta(days=1))
    result = outcome("documents.required-in-force")
    assert result.status == Status.FAIL
    assert "service-management-policy" not in result.params["codes"]
    assert result.params["missing"] == result.params["required"] - 1
