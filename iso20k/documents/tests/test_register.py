"""Registering and describing documents: codes, titles, intervals, process-owner scope, history."""

import pytest
from django.core.exceptions import ValidationError

from iso20k.catalogue.querysets import get_clause
from iso20k.core.errors import ConflictError
from iso20k.documents import services
from iso20k.documents.models import Document, DocumentVersion
from iso20k.history.models import ChangeRecord

pytestmark = pytest.mark.django_db


def codes(exc: ValidationError) -> dict[str, list[str]]:
    return {field: [e.code for e in errors] for field, errors in exc.error_dict.items()}


def test_a_document_starts_with_a_first_draft_and_readable_history(lead, catalogue, make_document):
    document = make_document(lead, code=" sms-p-8.6.1 ", clauses=[get_clause("8.6.1")])
    assert document.code == "SMS-P-8.6.1" and document.status == "draft"
    version = document.versions.get()
    assert version.number == 1 and version.status == "draft" and version.author == lead
    record = ChangeRecord.objects.for_object(document).get(event="documents.document.created")
    assert record.changes["clauses"] == [None, ["8.6.1"]]
    assert record.changes["owner"] == [None, "lead"]


def test_a_duplicate_code_is_refused_whatever_its_case(lead, make_document):
    make_document(lead, code="SMS-P-01")
    with pytest.raises(ValidationError) as exc:
        make_document(lead, code="sms-p-01")
    assert codes(exc.value) == {"code": ["duplicate_code"]}
    assert Document.objects.count() == 1 and DocumentVersion.objects.count() == 1


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"review_interval_months": 0}, {"review_interval_months": ["review_interval_too_short"]}),
        ({"review_interval_months": 61}, {"review_interval_months": ["review_interval_too_long"]}),
        ({"title_en": " ", "title_zh_hans": ""}, {"title_en": ["title_required"]}),
        ({"code": "SMS P 01"}, {"code": ["code_invalid"]}),
        ({"tier": "l9"}, {"tier": ["tier_invalid"]}),
    ],
)
def test_bad_details_are_refused_and_nothing_is_written(lead, make_document, fields, expected):
    before = ChangeRecord.objects.count()
    with pytest.raises(ValidationError) as exc:
        make_document(lead, **fields)
    assert codes(exc.value) == expected
    assert not Document.objects.exists() and ChangeRecord.objects.count() == before


def test_an_owner_outside_the_organisation_is_refused(lead, customer, make_document):
    with pytest.raises(ValidationError) as exc:
        make_document(lead, owner=customer)
    assert codes(exc.value) == {"owner": ["person_not_internal"]}


def test_a_process_owner_drafts_only_for_their_own_process(process_owner, make_document):
    with pytest.raises(ValidationError) as exc:
        make_document(process_owner, clauses=[get_clause("8.5.1")])
    assert codes(exc.value) == {"clauses": ["clause_outside_scope"]}
    with pytest.raises(ValidationError):
        make_document(process_owner)
    document = make_document(process_owner, clauses=[get_clause("8.6.1")])
    assert list(document.clauses.values_list("number", flat=True)) == ["8.6.1"]


def test_details_change_with_a_version_check_and_a_diff_in_history(lead, manager, make_document):
    document = make_document(lead)
    seen = document.version
    document = services.update_document(
        document,
        actor=lead,
        expected_version=seen,
        title_en="Incident and major incident procedure",
        review_interval_months=6,
        owner=manager,
    )
    record = (
        ChangeRecord.objects.for_object(document).filter(event="documents.document.updated").get()
    )
    assert record.changes["owner"] == ["lead", "manager"]
    assert record.changes["review_interval_months"] == [12, 6]
    with pytest.raises(ConflictError):
        services.update_document(document, actor=lead, expected_version=seen, title_en="Other")
    document.refresh_from_db()
    assert document.title_en == "Incident and major incident procedure"


def test_renaming_to_a_code_in_use_is_refused(lead, make_document):
    make_document(lead, code="SMS-A")
    other = make_document(lead, code="SMS-B")
    with pytest.raises(ValidationError) as exc:
        services.update_document(other, actor=lead, expected_version=other.version, code="sms-a")
    assert codes(exc.value) == {"code": ["duplicate_code"]}
    other.refresh_from_db()
    assert other.code == "SMS-B"


def test_generating_from_a_template_fills_the_organisation_and_covers_its_items(lead, catalogue):
    from iso20k.organisations.tests.factories import OrganisationFactory

    OrganisationFactory(name_en="Acme Cloud", name_zh_hans="艾克米云")
    document = services.generate_document("service-management-manual", actor=lead)
    assert document.code == "SMS-M-01" and document.tier == "l1"
    assert document.template_code == "service-management-manual"
    assert set(document.required_information.values_list("code", flat=True)) == {
        "sms-scope",
        "sms-process-descriptions",
    }
    version = document.versions.get()
    assert "Acme Cloud" in version.body_en and "艾克米云" in version.body_zh_hans
    assert "{{" not in version.body_en + version.body_zh_hans
    with pytest.raises(ValidationError) as exc:
        services.generate_document("service-management-manual", actor=lead)
    assert codes(exc.value) == {"code": ["duplicate_code"]}
    with pytest.raises(ValidationError) as exc:
        services.generate_document("no-such-template", actor=lead)
    assert codes(exc.value) == {"template": ["template_unknown"]}


def test_a_process_owner_generates_their_procedure_but_not_the_manual(process_owner):
    document = services.generate_document("incident-management-procedure", actor=process_owner)
    assert document.owner == process_owner
    with pytest.raises(ValidationError) as exc:
        services.generate_document("service-management-manual", actor=process_owner)
    assert codes(exc.value) == {"clauses": ["clause_outside_scope"]}


def test_a_process_owner_edits_a_shared_document_without_touching_its_clauses(
    lead, process_owner, make_document
):
    shared = make_document(lead, clauses=[get_clause("8.6.1"), get_clause("8.5.1")])
    document = services.update_document(
        shared, actor=process_owner, expected_version=shared.version, title_en="Shared"
    )
    assert document.title_en == "Shared"
    with pytest.raises(ValidationError) as exc:
        services.update_document(
            document,
            actor=process_owner,
            expected_version=document.version,
            clauses=[get_clause("8.5.1")],
        )
    assert codes(exc.value) == {"clauses": ["clause_outside_scope"]}
