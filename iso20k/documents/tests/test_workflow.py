"""Version workflow rules: each rule's pass and fail cases share their setup."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from iso20k.core.errors import ConflictError
from iso20k.documents import services
from iso20k.documents.models import DocumentVersion
from iso20k.history.models import ChangeRecord

pytestmark = pytest.mark.django_db


def codes(exc: ValidationError) -> dict[str, list[str]]:
    return {field: [e.code for e in errors] for field, errors in exc.error_dict.items()}


def history_count() -> int:
    return ChangeRecord.objects.count()


@pytest.fixture
def in_review(lead, manager, internal_auditor, make_document, send_for_review):
    """v1 by the lead, to be reviewed by the internal auditor and approved by top management."""
    document = make_document(lead)
    return send_for_review(document, lead, approvers=[manager], reviewers=[internal_auditor])


def test_a_reviewed_version_is_approved_and_comes_into_force(in_review, manager, internal_auditor):
    version = services.review_version(
        in_review, actor=internal_auditor, expected_version=in_review.version, agree=True
    )
    version = services.approve_version(version, actor=manager, expected_version=version.version)
    document = version.document
    document.refresh_from_db()
    assert version.status == "approved"
    assert document.status == "approved" and document.current_version == version
    assert version.effective_on == timezone.localdate()
    assert version.next_review_on.year == version.effective_on.year + 1
    events = set(ChangeRecord.objects.for_object(version).values_list("event", flat=True))
    assert {"documents.documentversion.approved", "documents.documentversion.effective"} <= events


def test_approval_waits_for_every_reviewer(in_review, manager):
    before = history_count()
    with pytest.raises(ValidationError) as exc:
        services.approve_version(in_review, actor=manager, expected_version=in_review.version)
    assert codes(exc.value) == {"status": ["reviews_outstanding"]}
    in_review.refresh_from_db()
    assert in_review.status == "in_review" and history_count() == before


def test_the_author_cannot_approve_their_own_version(lead, manager, make_document, send_for_review):
    document = make_document(lead)
    with pytest.raises(ValidationError) as exc:
        send_for_review(document, lead, approvers=[lead])
    assert codes(exc.value) == {"approvers": ["approver_is_author"]}
    version = send_for_review(document, lead, approvers=[manager])
    before = history_count()
    with pytest.raises(ValidationError) as exc:
        services.approve_version(version, actor=lead, expected_version=version.version)
    assert codes(exc.value) == {"status": ["own_version"]}
    version.refresh_from_db()
    assert version.status == "in_review" and history_count() == before


def test_a_version_that_is_not_in_review_cannot_be_approved(lead, manager, make_document):
    version = make_document(lead).versions.get()
    before = history_count()
    with pytest.raises(ValidationError) as exc:
        services.approve_version(version, actor=manager, expected_version=version.version)
    assert codes(exc.value) == {"status": ["not_in_review"]}
    version.refresh_from_db()
    assert version.status == "draft" and version.approved_at is None
    assert history_count() == before


def test_only_a_named_approver_can_approve(in_review, internal_auditor, admin):
    services.review_version(
        in_review, actor=internal_auditor, expected_version=in_review.version, agree=True
    )
    in_review.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.approve_version(in_review, actor=admin, expected_version=in_review.version)


def test_every_named_approver_must_sign(lead, manager, admin, make_document, send_for_review):
    version = send_for_review(make_document(lead), lead, approvers=[manager, admin])
    version = services.approve_version(version, actor=manager, expected_version=version.version)
    assert version.status == "in_review"
    with pytest.raises(ValidationError) as exc:
        services.approve_version(version, actor=manager, expected_version=version.version)
    assert codes(exc.value) == {"status": ["already_signed"]}
    version = services.approve_version(version, actor=admin, expected_version=version.version)
    assert version.status == "approved"


def test_a_reviewer_asking_for_changes_returns_the_version_with_a_note(
    in_review, internal_auditor, lead
):
    with pytest.raises(ValidationError) as exc:
        services.review_version(
            in_review, actor=internal_auditor, expected_version=in_review.version, agree=False
        )
    assert codes(exc.value) == {"note": ["note_required"]}
    version = services.review_version(
        in_review,
        actor=internal_auditor,
        expected_version=in_review.version,
        agree=False,
        note="Add the escalation matrix",
    )
    assert version.status == "draft" and version.return_note == "Add the escalation matrix"
    version.document.refresh_from_db()
    assert version.document.status == "draft"
    version = services.submit_version(version, actor=lead, expected_version=version.version)
    assert set(version.signoffs.values_list("decision", flat=True)) == {"pending"}


def test_an_approver_returns_the_version_only_with_a_note(in_review, manager, internal_auditor):
    services.review_version(
        in_review, actor=internal_auditor, expected_version=in_review.version, agree=True
    )
    in_review.refresh_from_db()
    with pytest.raises(ValidationError) as exc:
        services.reject_version(
            in_review, actor=manager, expected_version=in_review.version, note=""
        )
    assert codes(exc.value) == {"note": ["note_required"]}
    version = services.reject_version(
        in_review, actor=manager, expected_version=in_review.version, note="Scope unclear"
    )
    assert version.status == "draft" and version.return_note == "Scope unclear"


@pytest.mark.parametrize(
    ("change", "field", "code"),
    [
        ({"body_en": "", "body_zh_hans": ""}, "body_en", "content_required"),
        ({"change_summary": ""}, "change_summary", "change_summary_required"),
        ({"approvers": []}, "approvers", "approver_required"),
    ],
)
def test_a_draft_is_sent_for_review_only_when_complete(
    lead, manager, make_document, change, field, code
):
    version = make_document(lead).versions.get()
    version = services.update_version_draft(
        version, actor=lead, expected_version=version.version, approvers=[manager]
    )
    version = services.update_version_draft(
        version, actor=lead, expected_version=version.version, **change
    )
    with pytest.raises(ValidationError) as exc:
        services.submit_version(version, actor=lead, expected_version=version.version)
    assert codes(exc.value) == {field: [code]}
    version.refresh_from_db()
    assert version.status == "draft"


def test_a_stale_version_is_rejected_and_nothing_changes(in_review, lead, internal_auditor):
    seen = in_review.version
    services.withdraw_version(in_review, actor=lead, expected_version=seen)
    with pytest.raises(ConflictError):
        services.review_version(
            in_review, actor=internal_auditor, expected_version=seen, agree=True
        )
    assert in_review.signoffs.get(person=internal_auditor).decision == "pending"


def test_an_approved_version_is_never_edited(approved_document, lead, manager):
    version = approved_document(lead, manager).current_version
    with pytest.raises(ValidationError) as exc:
        services.update_version_draft(
            version, actor=lead, expected_version=version.version, body_en="changed"
        )
    assert codes(exc.value) == {"status": ["not_draft"]}


def test_a_new_version_supersedes_the_previous_which_is_kept(
    approved_document, send_for_review, lead, manager
):
    document = approved_document(lead, manager)
    first = document.current_version
    draft = services.start_revision(document, actor=lead)
    assert draft.number == 2 and draft.body_en == first.body_en
    assert list(draft.signoffs.values_list("person__username", flat=True)) == ["manager"]
    with pytest.raises(ValidationError) as exc:
        services.start_revision(document, actor=lead)
    assert codes(exc.value) == {"status": ["open_version_exists"]}
    draft = services.update_version_draft(
        draft, actor=lead, expected_version=draft.version, change_summary="Escalation added"
    )
    draft = services.submit_version(draft, actor=lead, expected_version=draft.version)
    second = services.approve_version(draft, actor=manager, expected_version=draft.version)
    first.refresh_from_db()
    document.refresh_from_db()
    assert document.current_version == second
    assert first.status == "obsolete" and first.superseded_by == second
    assert DocumentVersion.objects.filter(document=document).count() == 2


@pytest.mark.parametrize(("days", "code"), [(-1, "effective_in_past"), (91, "effective_too_late")])
def test_the_effective_date_is_today_or_up_to_ninety_days_ahead(
    lead, manager, make_document, send_for_review, days, code
):
    version = send_for_review(make_document(lead), lead, approvers=[manager])
    effective_on = timezone.localdate() + timedelta(days=days)
    with pytest.raises(ValidationError) as exc:
        services.approve_version(
            version, actor=manager, expected_version=version.version, effective_on=effective_on
        )
    assert codes(exc.value) == {"effective_on": [code]}
    version.refresh_from_db()
    assert version.signoffs.get().decision == "pending"
    later = timezone.localdate() + timedelta(days=30)
    version = services.approve_version(
        version, actor=manager, expected_version=version.version, effective_on=later
    )
    assert version.effective_on == later


def test_the_next_review_follows_the_interval_and_can_be_confirmed(
    approved_document, lead, manager
):
    document = approved_document(lead, manager, review_interval_months=6)
    version = document.current_version
    assert (version.next_review_on - version.effective_on).days in range(181, 185)
    version = services.confirm_periodic_review(
        version, actor=lead, expected_version=version.version, note="Still fits"
    )
    assert version.last_reviewed_on == timezone.localdate()
    draft = services.start_revision(document, actor=lead)
    with pytest.raises(ValidationError) as exc:
        services.confirm_periodic_review(draft, actor=lead, expected_version=draft.version)
    assert codes(exc.value) == {"status": ["not_current"]}


def test_a_discarded_draft_stays_on_record(lead, make_document):
    document = make_document(lead)
    version = document.versions.get()
    with pytest.raises(ValidationError) as exc:
        services.discard_version(version, actor=lead, expected_version=version.version, reason="")
    assert codes(exc.value) == {"reason": ["reason_required"]}
    version = services.discard_version(
        version, actor=lead, expected_version=version.version, reason="Merged into SMS-P-1"
    )
    assert version.status == "obsolete" and version.approved_at is None
    assert services.start_revision(document, actor=lead).number == 2


def test_a_document_is_made_obsolete_only_without_an_open_version(approved_document, lead, manager):
    document = approved_document(lead, manager)
    draft = services.start_revision(document, actor=lead)
    document.refresh_from_db()
    with pytest.raises(ValidationError) as exc:
        services.retire_document(
            document, actor=lead, expected_version=document.version, reason="Replaced"
        )
    assert codes(exc.value) == {"status": ["open_version_exists"]}
    services.discard_version(draft, actor=lead, expected_version=draft.version, reason="No")
    document.refresh_from_db()
    current = document.current_version
    document = services.retire_document(
        document, actor=lead, expected_version=document.version, reason="Replaced by SMS-P-9"
    )
    current.refresh_from_db()
    assert document.status == "obsolete" and document.current_version is None
    assert current.status == "obsolete" and current.superseded_by is None


def test_signers_are_asked_by_mail_and_the_author_hears_of_a_return(
    in_review, internal_auditor, lead
):
    from iso20k.notifications.models import OutgoingEmail

    asked = OutgoingEmail.objects.filter(template="document_review_requested")
    assert set(asked.values_list("recipient__username", flat=True)) == {"manager", "auditor"}
    services.review_version(
        in_review,
        actor=internal_auditor,
        expected_version=in_review.version,
        agree=False,
        note="Too vague",
    )
    returned = OutgoingEmail.objects.get(template="document_returned")
    assert returned.recipient == lead and returned.context["note"] == "Too vague"
